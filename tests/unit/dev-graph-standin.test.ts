/** @jest-environment node */
// The Graph + Entra token stand-in (dev/graph/server.ts) over real HTTP, and its fixture.

import { spawnStandIn, type SpawnedStandIn } from '../../dev/testing/spawn-stand-in';
import {
  ENTRA_CLIENT_ID,
  ENTRA_CLIENT_SECRET,
  ENTRA_TENANT_ID,
  ENTRA_UNCONSENTED_CLIENT_ID,
  ENTRA_UNCONSENTED_CLIENT_SECRET,
} from '../../dev/credentials';
import fixture from '../../dev/graph/fixture.json';

jest.setTimeout(30_000);

interface Person {
  key: string;
  nationalId: string;
  description: string;
  accounts: {
    id: string;
    displayName: string;
    userPrincipalName: string;
    methods: { id: string; type: string; isDefault: boolean }[];
  }[];
}
const people = (fixture as { people: Person[] }).people;
const person = (key: string): Person => {
  const p = people.find((x) => x.key === key);
  if (!p) throw new Error(`no fixture person ${key}`);
  return p;
};

let graph: SpawnedStandIn;
let tokenEndpoint: string;

beforeAll(async () => {
  graph = await spawnStandIn('dev/graph/server.ts');
  tokenEndpoint = `${graph.url}/${ENTRA_TENANT_ID}/oauth2/v2.0/token`;
});

afterAll(async () => {
  await graph?.stop();
});

beforeEach(async () => {
  const res = await fetch(`${graph.url}/_admin/reset`, { method: 'POST' });
  expect(res.status).toBe(200);
});

function decodePayload(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
}

async function requestToken(form: Record<string, string>): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(tokenEndpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function token(clientId = ENTRA_CLIENT_ID, secret = ENTRA_CLIENT_SECRET): Promise<string> {
  const { status, body } = await requestToken({
    grant_type: 'client_credentials',
    client_id: clientId,
    client_secret: secret,
    scope: 'https://graph.microsoft.com/.default',
  });
  expect(status).toBe(200);
  return String(body.access_token);
}

async function graphFetch(
  path: string,
  init: { method?: string; token?: string | null; headers?: Record<string, string>; body?: unknown } = {},
): Promise<{ status: number; headers: Headers; body: Record<string, unknown> | null }> {
  const bearer = init.token === undefined ? await token() : init.token;
  const headers: Record<string, string> = { ...init.headers };
  if (bearer) headers.authorization = `Bearer ${bearer}`;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${graph.url}/v1.0${path}`, {
    method: init.method ?? 'GET',
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await res.text();
  return {
    status: res.status,
    headers: res.headers,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : null,
  };
}

async function adminState(): Promise<{
  users: {
    id: string;
    nationalId: string;
    methods: { id: string; type: string }[];
    sessionsRevokedAt: string | null;
  }[];
}> {
  return (await (await fetch(`${graph.url}/_admin/state`)).json()) as never;
}

async function adminRequests(): Promise<{
  requests: { method: string; path: string; startedAt: number; endedAt: number; status: number; viaBatch: boolean }[];
  tokenRequests: number;
  tokenRequestsSinceStart: number;
}> {
  return (await (await fetch(`${graph.url}/_admin/requests`)).json()) as never;
}

async function setFaults(faults: unknown): Promise<void> {
  const res = await fetch(`${graph.url}/_admin/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(faults),
  });
  expect(res.status).toBe(200);
}

const filterPath = (nationalId: string, attr = 'employeeId') =>
  `/users?$filter=${encodeURIComponent(`${attr} eq '${nationalId}'`)}&$select=id,displayName,userPrincipalName&$count=true`;

function expectGraphError(
  res: { status: number; headers: Headers; body: Record<string, unknown> | null },
  status: number,
  code: string,
): void {
  expect(res.status).toBe(status);
  const error = (res.body as { error: { code: string; message: string; innerError: Record<string, string> } }).error;
  expect(error.code).toBe(code);
  expect(typeof error.message).toBe('string');
  expect(error.innerError['request-id']).toBe(res.headers.get('request-id'));
  expect(error.innerError).toHaveProperty('date');
  expect(error.innerError).toHaveProperty('client-request-id');
}

describe('fixture', () => {
  const W1 = [3, 7, 6, 1, 8, 9, 4, 5, 2];
  const W2 = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
  const check = (digits: number[], weights: number[]) => {
    const r = 11 - (weights.reduce((sum, w, i) => sum + w * digits[i]!, 0) % 11);
    return r === 11 ? 0 : r;
  };

  it('has every key of the contract, each with a different, valid synthetic national id', () => {
    const keys = [
      'one-authenticator',
      'two-authenticators',
      'two-authenticators-en',
      'two-authenticators-nojs',
      'two-authenticators-nojs-en',
      'authenticator-default-with-oath',
      'nothing-to-remove',
      'shared-number',
      'no-account',
      'five-authenticators',
      'retry-after',
      'partial-failure',
      'stale-login',
      'low-assurance',
      'rate-limited',
      'ignores-client-account',
      'pid-leak-check',
      'logout',
      // the web-security tests' own people
      'csp-flow',
      'session-copy',
      'origin-check',
      'frame-check',
      // issue 8: passkeys, two phones, Temporary Access Pass, notices
      'authenticator-and-passkey',
      'two-phones',
      'two-phones-nojs',
      'two-phones-default',
      'notice-en',
      'tap-replace',
      'tap-policy-off',
      'notice-fails',
      'tap-leak-check',
      'tap-once',
      'accessible-nb',
      'accessible-nn',
      'accessible-en',
      // issue 10: the service desk console
      'desk-two-phones',
      'desk-two-phones-nojs',
      'desk-one-phone',
      'desk-protected',
      'desk-leak-check',
      // issue 13: metrics and traces
      'metrics-flow',
      'metrics-graph-503',
      'trace-flow',
      'metrics-no-account',
      'metrics-shared-number',
      'metrics-stale-login',
      'metrics-low-assurance',
      // issue 17: after the reset
      'result-keeps-iphone',
      'nothing-ticked',
      'every-method-type',
      'pass-stays',
      'pass-stays-nojs',
      'not-me-flow',
      'history-a',
      'history-b',
      'new-pages-leak-check',
      'new-pages-leak-other',
      'pass-signed-out',
    ];
    expect(people.map((p) => p.key).sort()).toEqual([...keys].sort());
    expect(new Set(people.map((p) => p.nationalId)).size).toBe(people.length);
    for (const p of people) {
      expect(p.nationalId).toMatch(/^\d{11}$/);
      const d = [...p.nationalId].map(Number);
      expect(Number(p.nationalId.slice(2, 4))).toBeGreaterThan(80); // synthetic: month + 80
      expect(Number(p.nationalId.slice(2, 4))).toBeLessThanOrEqual(92);
      expect(check(d, W1)).toBe(d[9]);
      expect(check(d, W2)).toBe(d[10]);
      expect(p.description.length).toBeGreaterThan(0);
    }
  });

  it('shapes the people as the contract says', () => {
    const authenticators = (p: Person) =>
      p.accounts.flatMap((a) => a.methods).filter((m) => m.type === 'microsoftAuthenticator').length;
    for (const p of people) {
      for (const a of p.accounts) {
        expect(a.methods.filter((m) => m.type === 'password')).toHaveLength(1);
        expect(a.userPrincipalName).toMatch(/^[a-z.-]+@oslomet\.no$/);
      }
      const oneAuthenticator = [
        'authenticator-and-passkey',
        'notice-en',
        'tap-replace',
        'tap-policy-off',
        'notice-fails',
        'tap-leak-check',
        'tap-once',
        'accessible-nb',
        'accessible-nn',
        'accessible-en',
        'desk-one-phone',
        'desk-protected',
        'desk-leak-check',
        'metrics-flow',
        'metrics-graph-503',
        'trace-flow',
        'nothing-ticked',
        'every-method-type',
        'pass-stays',
        'pass-stays-nojs',
        'not-me-flow',
        'history-b',
        'new-pages-leak-check',
        'new-pages-leak-other',
        'pass-signed-out',
      ];
      if (oneAuthenticator.includes(p.key)) expect(authenticators(p)).toBe(1);
      const special = [
        'nothing-to-remove',
        'no-account',
        'shared-number',
        'metrics-no-account',
        'metrics-shared-number',
        'authenticator-default-with-oath',
        'one-authenticator',
        'five-authenticators',
        ...oneAuthenticator,
      ];
      if (!special.includes(p.key)) {
        expect(p.accounts).toHaveLength(1);
        expect(authenticators(p)).toBe(2);
      }
    }
    expect(authenticators(person('one-authenticator'))).toBe(1);
    expect(authenticators(person('five-authenticators'))).toBe(5);
    expect(person('shared-number').accounts).toHaveLength(2);
    expect(person('no-account').accounts).toHaveLength(0);
    expect(person('nothing-to-remove').accounts[0]!.methods.map((m) => m.type)).toEqual(['password']);
    const withOath = person('authenticator-default-with-oath').accounts[0]!.methods;
    expect(withOath.find((m) => m.type === 'microsoftAuthenticator')?.isDefault).toBe(true);
    expect(withOath.filter((m) => m.type === 'softwareOath')).toHaveLength(1);
  });
});

describe('Entra token endpoint', () => {
  it('publishes tenant metadata pointing at the stand-in', async () => {
    const res = await fetch(`${graph.url}/${ENTRA_TENANT_ID}/v2.0/.well-known/openid-configuration`);
    const meta = (await res.json()) as Record<string, string>;
    expect(res.status).toBe(200);
    expect(meta.issuer).toBe(`${graph.url}/${ENTRA_TENANT_ID}/v2.0`);
    expect(meta.token_endpoint).toBe(tokenEndpoint);
    expect(meta.authorization_endpoint).toBe(`${graph.url}/${ENTRA_TENANT_ID}/oauth2/v2.0/authorize`);
    const jwks = (await (await fetch(meta.jwks_uri!)).json()) as { keys: { kty: string }[] };
    expect(jwks.keys[0]!.kty).toBe('RSA');
  });

  it('issues an app token with roles for the client credentials grant', async () => {
    const { status, body } = await requestToken({
      grant_type: 'client_credentials',
      client_id: ENTRA_CLIENT_ID,
      client_secret: ENTRA_CLIENT_SECRET,
      scope: 'https://graph.microsoft.com/.default',
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599 });
    const claims = decodePayload(String(body.access_token));
    expect(claims.aud).toBe('https://graph.microsoft.com');
    expect(claims.tid).toBe(ENTRA_TENANT_ID);
    expect(claims.appid).toBe(ENTRA_CLIENT_ID);
    expect(claims.roles).toEqual(expect.arrayContaining(['User.Read.All', 'UserAuthenticationMethod.ReadWrite.All']));
    const lifetime = Number(claims.exp) - Math.floor(Date.now() / 1000);
    expect(lifetime).toBeGreaterThan(3500);
    expect(lifetime).toBeLessThanOrEqual(3600);
  });

  it('accepts a certificate client assertion', async () => {
    const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const assertion = `${b64({ alg: 'RS256', typ: 'JWT', x5t: 'abc' })}.${b64({ iss: ENTRA_CLIENT_ID, sub: ENTRA_CLIENT_ID, aud: tokenEndpoint, exp: Math.floor(Date.now() / 1000) + 600, jti: 'x' })}.c2ln`;
    const { status, body } = await requestToken({
      grant_type: 'client_credentials',
      client_id: ENTRA_CLIENT_ID,
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: assertion,
      scope: 'https://graph.microsoft.com/.default',
    });
    expect(status).toBe(200);
    expect(decodePayload(String(body.access_token)).appidacr).toBe('2');
  });

  it('rejects a wrong secret, a scope without /.default and an unknown tenant like Entra', async () => {
    const wrong = await requestToken({
      grant_type: 'client_credentials',
      client_id: ENTRA_CLIENT_ID,
      client_secret: 'nope',
      scope: 'https://graph.microsoft.com/.default',
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error).toBe('invalid_client');
    expect(String(wrong.body.error_description)).toMatch(/^AADSTS7000215: Invalid client secret provided\./);

    const scope = await requestToken({
      grant_type: 'client_credentials',
      client_id: ENTRA_CLIENT_ID,
      client_secret: ENTRA_CLIENT_SECRET,
      scope: 'https://graph.microsoft.com/User.Read.All',
    });
    expect(scope.status).toBe(400);
    expect(scope.body.error).toBe('invalid_scope');

    const res = await fetch(`${graph.url}/00000000-0000-0000-0000-000000000000/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: ENTRA_CLIENT_ID,
        client_secret: ENTRA_CLIENT_SECRET,
        scope: 'https://graph.microsoft.com/.default',
      }).toString(),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error_description: string }).error_description).toMatch(/^AADSTS90002/);

    expect((await adminRequests()).tokenRequests).toBe(3);
  });
});

describe('Graph authorization', () => {
  it('answers 401 InvalidAuthenticationToken without a token or with a bad one', async () => {
    const none = await graphFetch('/users', { token: null });
    expectGraphError(none, 401, 'InvalidAuthenticationToken');
    const bad = await graphFetch('/users', { token: 'not.a.token' });
    expectGraphError(bad, 401, 'InvalidAuthenticationToken');
    // a token with the wrong audience (the header and payload of a real one, resigned badly)
    const real = await token();
    const [h, , s] = real.split('.');
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...decodePayload(real), aud: 'api://other' })).toString('base64url')}.${s}`;
    expectGraphError(await graphFetch('/users', { token: forged }), 401, 'InvalidAuthenticationToken');
  });

  it('answers 403 Authorization_RequestDenied for a token without the needed role', async () => {
    const weak = await token(ENTRA_UNCONSENTED_CLIENT_ID, ENTRA_UNCONSENTED_CLIENT_SECRET);
    expect(decodePayload(weak)).not.toHaveProperty('roles');
    const res = await graphFetch(filterPath(person('two-authenticators').nationalId), {
      token: weak,
      headers: { ConsistencyLevel: 'eventual' },
    });
    expectGraphError(res, 403, 'Authorization_RequestDenied');
  });
});

describe('Graph v1.0', () => {
  it('finds the account by national id with $filter, ConsistencyLevel and $count', async () => {
    const p = person('two-authenticators');
    const res = await graphFetch(filterPath(p.nationalId), { headers: { ConsistencyLevel: 'eventual' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('request-id')).toBeTruthy();
    expect(res.body).toEqual({
      '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#users(id,displayName,userPrincipalName)',
      '@odata.count': 1,
      value: [
        {
          id: p.accounts[0]!.id,
          displayName: p.accounts[0]!.displayName,
          userPrincipalName: p.accounts[0]!.userPrincipalName,
        },
      ],
    });

    const ext = await graphFetch(filterPath(p.nationalId, 'extension_0a1b2c3d4e5f_nationalIdentityNumber'), {
      headers: { ConsistencyLevel: 'eventual' },
    });
    expect((ext.body!.value as unknown[]).length).toBe(1);

    const shared = await graphFetch(filterPath(person('shared-number').nationalId), {
      headers: { ConsistencyLevel: 'eventual' },
    });
    expect(shared.body!['@odata.count']).toBe(2);
    const none = await graphFetch(filterPath(person('no-account').nationalId), {
      headers: { ConsistencyLevel: 'eventual' },
    });
    expect(none.body!.value).toEqual([]);

    const noHeader = await graphFetch(filterPath(p.nationalId));
    expectGraphError(noHeader, 400, 'Request_UnsupportedQuery');
  });

  it('lists authentication methods with Graph shapes', async () => {
    const account = person('authenticator-default-with-oath').accounts[0]!;
    const res = await graphFetch(`/users/${account.id}/authentication/methods`);
    expect(res.status).toBe(200);
    const value = res.body!.value as Record<string, unknown>[];
    expect(value.map((m) => m['@odata.type']).sort()).toEqual([
      '#microsoft.graph.microsoftAuthenticatorAuthenticationMethod',
      '#microsoft.graph.passwordAuthenticationMethod',
      '#microsoft.graph.softwareOathAuthenticationMethod',
    ]);
    const auth = value.find((m) => m['@odata.type'] === '#microsoft.graph.microsoftAuthenticatorAuthenticationMethod')!;
    expect(Object.keys(auth).sort()).toEqual([
      '@odata.type',
      'createdDateTime',
      'deviceTag',
      'displayName',
      'id',
      'phoneAppVersion',
    ]);
    expect(value.find((m) => m['@odata.type'] === '#microsoft.graph.softwareOathAuthenticationMethod')).toHaveProperty(
      'secretKey',
      null,
    );
    expect(value.find((m) => m['@odata.type'] === '#microsoft.graph.passwordAuthenticationMethod')).toHaveProperty(
      'password',
      null,
    );

    expectGraphError(
      await graphFetch('/users/00000000-0000-0000-0000-00000000dead/authentication/methods'),
      404,
      'Request_ResourceNotFound',
    );
  });

  it('deletes an Authenticator registration (204) and then answers 404', async () => {
    const account = person('two-authenticators').accounts[0]!;
    const method = account.methods.find((m) => m.type === 'microsoftAuthenticator')!;
    const path = `/users/${account.id}/authentication/microsoftAuthenticatorMethods/${method.id}`;
    const del = await graphFetch(path, { method: 'DELETE' });
    expect(del.status).toBe(204);
    expect(del.body).toBeNull();
    const user = (await adminState()).users.find((u) => u.id === account.id)!;
    expect(user.methods.map((m) => m.id)).not.toContain(method.id);
    expectGraphError(await graphFetch(path, { method: 'DELETE' }), 404, 'Request_ResourceNotFound');
  });

  it('refuses to delete the default method while other methods remain', async () => {
    const account = person('authenticator-default-with-oath').accounts[0]!;
    const def = account.methods.find((m) => m.type === 'microsoftAuthenticator')!;
    const oath = account.methods.find((m) => m.type === 'softwareOath')!;
    const defPath = `/users/${account.id}/authentication/microsoftAuthenticatorMethods/${def.id}`;
    const refused = await graphFetch(defPath, { method: 'DELETE' });
    expectGraphError(refused, 400, 'invalidRequest');
    expect((refused.body as { error: { message: string } }).error.message).toBe(
      'Cannot delete default method with other methods configured',
    );
    expect(
      (await graphFetch(`/users/${account.id}/authentication/softwareOathMethods/${oath.id}`, { method: 'DELETE' }))
        .status,
    ).toBe(204);
    expect((await graphFetch(defPath, { method: 'DELETE' })).status).toBe(204);
    const user = (await adminState()).users.find((u) => u.id === account.id)!;
    expect(user.methods.map((m) => m.type)).toEqual(['password']);
  });

  it('revokes sign-in sessions', async () => {
    const account = person('two-authenticators').accounts[0]!;
    const res = await graphFetch(`/users/${account.id}/revokeSignInSessions`, { method: 'POST' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#Edm.Boolean',
      value: true,
    });
    const user = (await adminState()).users.find((u) => u.id === account.id)!;
    expect(Date.parse(user.sessionsRevokedAt!)).toBeGreaterThan(Date.now() - 10_000);
  });

  it('runs JSON $batch requests concurrently through the same handlers, with latency on each', async () => {
    const account = person('five-authenticators').accounts[0]!;
    const ids = account.methods.filter((m) => m.type === 'microsoftAuthenticator').map((m) => m.id);
    expect(ids).toHaveLength(5);
    const bearer = await token();
    await setFaults({ latencyMs: 200 });
    const started = Date.now();
    const res = await graphFetch('/$batch', {
      method: 'POST',
      token: bearer,
      body: {
        requests: ids.map((id, i) => ({
          id: String(i + 1),
          method: 'DELETE',
          url: `/users/${account.id}/authentication/microsoftAuthenticatorMethods/${id}`,
        })),
      },
    });
    const elapsed = Date.now() - started;
    expect(res.status).toBe(200);
    const responses = res.body!.responses as { id: string; status: number }[];
    expect(responses.map((r) => r.status)).toEqual([204, 204, 204, 204, 204]);
    expect(responses.map((r) => r.id).sort()).toEqual(['1', '2', '3', '4', '5']);
    // outer call (200 ms) + the five inner calls in parallel (200 ms), not 6 × 200 ms
    expect(elapsed).toBeGreaterThanOrEqual(400);
    expect(elapsed).toBeLessThan(1000);

    const { requests } = await adminRequests();
    const inner = requests.filter((r) => r.viaBatch);
    expect(inner).toHaveLength(5);
    expect(inner.every((r) => r.method === 'DELETE' && r.status === 204 && r.path.startsWith('/v1.0/users/'))).toBe(
      true,
    );
    const latestStart = Math.max(...inner.map((r) => r.startedAt));
    const earliestEnd = Math.min(...inner.map((r) => r.endedAt));
    expect(latestStart).toBeLessThan(earliestEnd); // all five overlap in time
    expect(requests.filter((r) => !r.viaBatch).map((r) => r.path)).toEqual(['/v1.0/$batch']);
    expect((await adminState()).users.find((u) => u.id === account.id)!.methods.map((m) => m.type)).toEqual([
      'password',
    ]);
  });

  it('applies fault rules to requests inside $batch', async () => {
    const account = person('partial-failure').accounts[0]!;
    const [a, b] = account.methods.filter((m) => m.type === 'microsoftAuthenticator');
    await setFaults({ rules: [{ method: 'DELETE', pathContains: b!.id, status: 500, times: 1 }] });
    const res = await graphFetch('/$batch', {
      method: 'POST',
      body: {
        requests: [a!, b!].map((m, i) => ({
          id: String(i + 1),
          method: 'DELETE',
          url: `/users/${account.id}/authentication/microsoftAuthenticatorMethods/${m.id}`,
        })),
      },
    });
    const responses = res.body!.responses as { id: string; status: number; body?: { error: { code: string } } }[];
    expect(responses.find((r) => r.id === '1')!.status).toBe(204);
    expect(responses.find((r) => r.id === '2')!.status).toBe(500);
    expect(responses.find((r) => r.id === '2')!.body!.error.code).toBe('generalException');
    // spent: the retry succeeds
    const again = await graphFetch(`/users/${account.id}/authentication/microsoftAuthenticatorMethods/${b!.id}`, {
      method: 'DELETE',
    });
    expect(again.status).toBe(204);
  });

  it('answers 429 with Retry-After once, then serves the request', async () => {
    const account = person('retry-after').accounts[0]!;
    const method = account.methods.find((m) => m.type === 'microsoftAuthenticator')!;
    await setFaults({
      rules: [
        {
          method: 'DELETE',
          pathContains: '/microsoftAuthenticatorMethods/',
          status: 429,
          times: 1,
          retryAfterSeconds: 1,
        },
      ],
    });
    const path = `/users/${account.id}/authentication/microsoftAuthenticatorMethods/${method.id}`;
    const first = await graphFetch(path, { method: 'DELETE' });
    expectGraphError(first, 429, 'TooManyRequests');
    expect(first.headers.get('retry-after')).toBe('1');
    expect((await graphFetch(path, { method: 'DELETE' })).status).toBe(204);
    const log = (await adminRequests()).requests.map((r) => r.status);
    expect(log).toEqual([429, 204]);
  });

  it('adds latency to Graph calls but not to the admin API', async () => {
    const bearer = await token();
    await setFaults({ latencyMs: 300 });
    let t = Date.now();
    await graphFetch(`/users/${person('one-authenticator').accounts[0]!.id}`, { token: bearer });
    expect(Date.now() - t).toBeGreaterThanOrEqual(290);
    t = Date.now();
    await adminState();
    expect(Date.now() - t).toBeLessThan(200);
    const [entry] = (await adminRequests()).requests;
    expect(entry!.endedAt - entry!.startedAt).toBeGreaterThanOrEqual(290);
  });

  it('resets state, request log, faults and the token count', async () => {
    const account = person('two-authenticators').accounts[0]!;
    const method = account.methods.find((m) => m.type === 'microsoftAuthenticator')!;
    await graphFetch(`/users/${account.id}/authentication/microsoftAuthenticatorMethods/${method.id}`, {
      method: 'DELETE',
    });
    await graphFetch(`/users/${account.id}/revokeSignInSessions`, { method: 'POST' });
    await setFaults({ latencyMs: 50, rules: [{ method: 'GET', pathContains: '/users', status: 503, times: 5 }] });
    expect((await adminRequests()).tokenRequests).toBe(2);

    await fetch(`${graph.url}/_admin/reset`, { method: 'POST' });
    const user = (await adminState()).users.find((u) => u.id === account.id)!;
    expect(user.methods.map((m) => m.id)).toContain(method.id);
    expect(user.sessionsRevokedAt).toBeNull();
    const afterReset = await adminRequests();
    expect(afterReset).toMatchObject({ requests: [], tokenRequests: 0 });
    // The count since start survives a reset: it is how e2e tests prove the site reuses its app token.
    expect(afterReset.tokenRequestsSinceStart).toBeGreaterThan(0);
    const faults = (await (await fetch(`${graph.url}/_admin/faults`)).json()) as {
      latencyMs: number;
      rules: unknown[];
      holds: unknown[];
    };
    expect(faults).toEqual({ latencyMs: 0, rules: [], holds: [] });
  });

  it('holds a matching call before acting on it, and a caller that goes away meanwhile changes nothing', async () => {
    const account = person('two-authenticators').accounts[0]!;
    const [first, second] = account.methods.filter((m) => m.type === 'microsoftAuthenticator');
    const path = (id: string) => `/users/${account.id}/authentication/microsoftAuthenticatorMethods/${id}`;
    const bearer = await token();
    await setFaults({ holds: [{ method: 'DELETE', pathContains: second!.id, ms: 400, times: 1 }] });

    // Not held: acts at once.
    expect((await graphFetch(path(first!.id), { method: 'DELETE', token: bearer })).status).toBe(204);
    // Held, and the caller dies (its connection closes) before the hold ends.
    const gone = new AbortController();
    const held = fetch(`${graph.url}/v1.0${path(second!.id)}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${bearer}` },
      signal: gone.signal,
    }).catch(() => 'aborted');
    setTimeout(() => gone.abort(), 100);
    expect(await held).toBe('aborted');
    // The stand-in logs the held call when its hold ends.
    for (let tries = 0; (await adminRequests()).requests.length < 2 && tries < 50; tries += 1)
      await new Promise((resolve) => setTimeout(resolve, 50));
    const user = (await adminState()).users.find((u) => u.id === account.id)!;
    expect(user.methods.map((m) => m.id)).toContain(second!.id);
    expect(user.methods.map((m) => m.id)).not.toContain(first!.id);
    expect((await adminRequests()).requests.map((r) => r.status)).toEqual([204, 499]);

    // The hold is used up: the next call acts at once.
    expect((await graphFetch(path(second!.id), { method: 'DELETE', token: bearer })).status).toBe(204);
  });
});

describe('Graph v1.0, issue 8: FIDO2, Temporary Access Pass, sendMail', () => {
  const passkeyPerson = () => person('authenticator-and-passkey').accounts[0]!;
  const tapPolicy = async (policy: Record<string, unknown>) => {
    const res = await fetch(`${graph.url}/_admin/tap-policy`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(policy),
    });
    expect(res.status).toBe(200);
  };

  it('lists, gets and deletes fido2Methods with aaGuid and model; the methods list carries them too', async () => {
    const account = passkeyPerson();
    const list = await graphFetch(`/users/${account.id}/authentication/fido2Methods`);
    expect(list.status).toBe(200);
    const value = list.body?.value as { '@odata.type': string; id: string; aaGuid: string; model: string }[];
    expect(value.map((m) => m['@odata.type'])).toEqual([
      '#microsoft.graph.fido2AuthenticationMethod',
      '#microsoft.graph.fido2AuthenticationMethod',
    ]);
    expect(value.map((m) => m.aaGuid)).toEqual([
      '90a3ccdf-635c-4729-a248-9b709135078f',
      'cb69481e-8ff7-4039-93ec-0a2729a154a8',
    ]);
    const all = await graphFetch(`/users/${account.id}/authentication/methods`);
    expect(JSON.stringify(all.body)).toContain('"aaGuid":"cb69481e-8ff7-4039-93ec-0a2729a154a8"');
    const one = await graphFetch(`/users/${account.id}/authentication/fido2Methods/${value[0]!.id}`);
    expect(one.body).toMatchObject({ id: value[0]!.id, model: 'Microsoft Authenticator for iOS' });
    expect(
      (await graphFetch(`/users/${account.id}/authentication/fido2Methods/${value[0]!.id}`, { method: 'DELETE' }))
        .status,
    ).toBe(204);
    expectGraphError(
      await graphFetch(`/users/${account.id}/authentication/fido2Methods/${value[0]!.id}`, { method: 'DELETE' }),
      404,
      'Request_ResourceNotFound',
    );
  });

  it('creates a pass with Graph’s shape (201, the pass only in this answer), one per user, within the policy’s lifetime', async () => {
    const account = person('tap-replace').accounts[0]!;
    const created = await graphFetch(`/users/${account.id}/authentication/temporaryAccessPassMethods`, {
      method: 'POST',
      body: { lifetimeInMinutes: 60, isUsableOnce: true },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      '@odata.type': '#microsoft.graph.temporaryAccessPassAuthenticationMethod',
      lifetimeInMinutes: 60,
      isUsableOnce: true,
      isUsable: true,
      methodUsabilityReason: 'EnabledByPolicy',
    });
    expect(String(created.body?.temporaryAccessPass)).toMatch(/^\S{8}$/);
    const listed = await graphFetch(`/users/${account.id}/authentication/temporaryAccessPassMethods`);
    const passes = listed.body?.value as { id: string; temporaryAccessPass: string | null }[];
    // The old pass from the fixture is gone; the listing never shows the pass itself.
    expect(passes).toEqual([expect.objectContaining({ id: created.body?.id, temporaryAccessPass: null })]);
    expectGraphError(
      await graphFetch(`/users/${account.id}/authentication/temporaryAccessPassMethods`, {
        method: 'POST',
        body: { lifetimeInMinutes: 5 },
      }),
      400,
      'badRequest',
    );
  });

  it('refuses a pass with the policy off, and for a person the policy does not target', async () => {
    const account = person('tap-policy-off').accounts[0]!;
    await tapPolicy({ state: 'disabled' });
    expectGraphError(
      await graphFetch(`/users/${account.id}/authentication/temporaryAccessPassMethods`, { method: 'POST', body: {} }),
      400,
      'badRequest',
    );
    await tapPolicy({ state: 'enabled', excludedUserIds: [account.id] });
    expectGraphError(
      await graphFetch(`/users/${account.id}/authentication/temporaryAccessPassMethods`, { method: 'POST', body: {} }),
      400,
      'badRequest',
    );
    await tapPolicy({ excludedUserIds: [] });
    expect(
      (await graphFetch(`/users/${account.id}/authentication/temporaryAccessPassMethods`, { method: 'POST', body: {} }))
        .status,
    ).toBe(201);
  });

  it('captures sendMail (202) from the service mailbox, lists it as JSON and on a page, and refuses an unknown sender', async () => {
    const message = {
      message: {
        subject: 'Hei',
        body: { contentType: 'Text', content: 'Tekst <b>' },
        toRecipients: [{ emailAddress: { address: 'kari@example.com' } }],
      },
      saveToSentItems: false,
    };
    const sent = await graphFetch('/users/tofaktor-noreply@oslomet.no/sendMail', { method: 'POST', body: message });
    expect(sent.status).toBe(202);
    expect(sent.body).toBeNull();
    expectGraphError(
      await graphFetch('/users/nobody@oslomet.no/sendMail', { method: 'POST', body: message }),
      404,
      'ErrorInvalidUser',
    );
    const captured = (await (await fetch(`${graph.url}/_admin/mail`)).json()) as { messages: unknown[] };
    expect(captured.messages).toEqual([
      expect.objectContaining({
        sender: 'tofaktor-noreply@oslomet.no',
        subject: 'Hei',
        toRecipients: ['kari@example.com'],
        content: 'Tekst <b>',
      }),
    ]);
    const page = await (await fetch(`${graph.url}/mail`)).text();
    expect(page).toContain('Tekst &lt;b&gt;');
  });

  it('needs Mail.Send and a TAP permission, and fails the new calls on request', async () => {
    const unconsented = await token(ENTRA_UNCONSENTED_CLIENT_ID, ENTRA_UNCONSENTED_CLIENT_SECRET);
    const account = person('tap-once').accounts[0]!;
    expectGraphError(
      await graphFetch(`/users/${account.id}/authentication/temporaryAccessPassMethods`, {
        method: 'POST',
        body: {},
        token: unconsented,
      }),
      403,
      'Authorization_RequestDenied',
    );
    await setFaults({ rules: [{ method: 'POST', pathContains: '/sendMail', status: 500, times: 1 }] });
    const failed = await graphFetch('/users/tofaktor-noreply@oslomet.no/sendMail', {
      method: 'POST',
      body: {
        message: {
          body: { contentType: 'Text', content: 'x' },
          toRecipients: [{ emailAddress: { address: 'a@example.com' } }],
        },
      },
    });
    expectGraphError(failed, 500, 'generalException');
  });
  it('answers checkMemberGroups with the asked groups the user is in, needs a group permission, and bounds the list (issue 10)', async () => {
    const admin = person('desk-protected').accounts[0]!;
    const group = '9a9a9a9a-0000-4000-8000-00000000ad01';
    const asked = await graphFetch(`/users/${admin.id}/checkMemberGroups`, {
      method: 'POST',
      body: { groupIds: [group, 'aaaaaaaa-0000-4000-8000-000000000000'] },
    });
    expect(asked.status).toBe(200);
    expect(asked.body?.value).toEqual([group]);
    const other = await graphFetch(`/users/${person('desk-two-phones').accounts[0]!.id}/checkMemberGroups`, {
      method: 'POST',
      body: { groupIds: [group] },
    });
    expect(other.body?.value).toEqual([]);
    expectGraphError(
      await graphFetch(`/users/${admin.id}/checkMemberGroups`, { method: 'POST', body: { groupIds: [] } }),
      400,
      'Request_BadRequest',
    );
    const tooMany = Array.from({ length: 21 }, (_, i) => `aaaaaaaa-0000-4000-8000-${String(i).padStart(12, '0')}`);
    expectGraphError(
      await graphFetch(`/users/${admin.id}/checkMemberGroups`, { method: 'POST', body: { groupIds: tooMany } }),
      400,
      'Request_BadRequest',
    );
    const unconsented = await token(ENTRA_UNCONSENTED_CLIENT_ID, ENTRA_UNCONSENTED_CLIENT_SECRET);
    expectGraphError(
      await graphFetch(`/users/${admin.id}/checkMemberGroups`, {
        method: 'POST',
        body: { groupIds: [group] },
        token: unconsented,
      }),
      403,
      'Authorization_RequestDenied',
    );
  });

  it('filters users with startswith on the name or the username, and caps the answer with $top (issue 10)', async () => {
    const filter = encodeURIComponent("startswith(displayName,'hanne') or startswith(userPrincipalName,'hanne')");
    const both = await graphFetch(`/users?$filter=${filter}&$select=id,displayName,userPrincipalName`);
    expect(both.status).toBe(200);
    expect((both.body?.value as unknown[]).length).toBe(2);
    const one = await graphFetch(`/users?$filter=${filter}&$top=1`);
    expect((one.body?.value as unknown[]).length).toBe(1);
    const quoted = encodeURIComponent("startswith(displayName,'o''brien')");
    expect((await graphFetch(`/users?$filter=${quoted}`)).body?.value).toEqual([]);
    expectGraphError(
      await graphFetch(`/users?$filter=${encodeURIComponent("startswith(employeeId,'0')")}`),
      400,
      'Request_BadRequest',
    );
    expectGraphError(
      await graphFetch(`/users?$filter=${encodeURIComponent("startswith(displayName,'a') and true")}`),
      400,
      'Request_UnsupportedQuery',
    );
  });
});

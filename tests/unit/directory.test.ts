/** @jest-environment node */
// The Graph directory against a tiny fake Graph + token endpoint over plain http, like the stand-in.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse, type Config } from '@/lib/config';
import { createGraphDirectory, type AuthMethod } from '@/lib/directory/directory';
import { DirectoryError } from '@/lib/directory/errors';
import { NationalIdSchema, type NationalId } from '@/lib/national-id';

const TENANT = '11111111-2222-3333-4444-555555555555';
const NATIONAL_ID = NationalIdSchema.parse('01819012365');
const ACCOUNT = 'aaaaaaaa-0000-0000-0000-000000000001';

type Method = { id: string; type: 'microsoftAuthenticator' | 'softwareOath' | 'password'; isDefault?: boolean };
type Fault = { method: string; pathContains: string; status: number; times: number; retryAfter?: string };
type Logged = {
  method: string;
  path: string;
  authorization: string | undefined;
  headers: IncomingMessage['headers'];
  start: number;
  end: number;
  status: number;
};

const ODATA_TYPES = {
  microsoftAuthenticator: '#microsoft.graph.microsoftAuthenticatorAuthenticationMethod',
  softwareOath: '#microsoft.graph.softwareOathAuthenticationMethod',
  password: '#microsoft.graph.passwordAuthenticationMethod',
};

class FakeGraph {
  server: Server = createServer((req, res) => void this.handle(req, res));
  requests: Logged[] = [];
  tokenRequests = 0;
  faults: Fault[] = [];
  latencyMs = 0;
  users: { id: string; nationalId: string; methods: Method[] }[] = [];

  get origin() {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async start() {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
  }

  async stop() {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const start = performance.now();
    const url = new URL(req.url ?? '/', this.origin);
    for await (const _chunk of req); // drain the body
    const send = (status: number, body?: unknown, headers: Record<string, string> = {}) => {
      if (!url.pathname.includes('oauth2') && !url.pathname.includes('.well-known')) {
        this.requests.push({
          method: req.method ?? '',
          path: url.pathname + url.search,
          authorization: req.headers.authorization,
          headers: req.headers,
          start,
          end: performance.now(),
          status,
        });
      }
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(body === undefined ? undefined : JSON.stringify(body));
    };
    const graphError = (status: number, code: string, message: string, headers?: Record<string, string>) =>
      send(
        status,
        {
          error: {
            code,
            message,
            innerError: { date: new Date().toISOString(), 'request-id': 'req-123', 'client-request-id': 'c-1' },
          },
        },
        headers,
      );

    if (url.pathname === `/${TENANT}/v2.0/.well-known/openid-configuration`) {
      return send(200, {
        issuer: `https://login.microsoftonline.com/${TENANT}/v2.0`,
        authorization_endpoint: `${this.origin}/${TENANT}/oauth2/v2.0/authorize`,
        token_endpoint: `${this.origin}/${TENANT}/oauth2/v2.0/token`,
        end_session_endpoint: `${this.origin}/${TENANT}/oauth2/v2.0/logout`,
        jwks_uri: `${this.origin}/${TENANT}/discovery/v2.0/keys`,
        response_types_supported: ['code'],
      });
    }
    if (url.pathname === `/${TENANT}/oauth2/v2.0/token` && req.method === 'POST') {
      this.tokenRequests += 1;
      return send(200, {
        token_type: 'Bearer',
        expires_in: 3599,
        ext_expires_in: 3599,
        access_token: 'fake-app-token',
      });
    }
    if (req.headers.authorization !== 'Bearer fake-app-token') {
      return graphError(401, 'InvalidAuthenticationToken', 'Access token is empty.');
    }
    if (this.latencyMs) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));

    const fault = this.faults.find(
      (rule) => rule.times > 0 && rule.method === req.method && url.pathname.includes(rule.pathContains),
    );
    if (fault) {
      fault.times -= 1;
      const code =
        fault.status === 429
          ? 'TooManyRequests'
          : fault.status === 403
            ? 'Authorization_RequestDenied'
            : 'generalException';
      return graphError(
        fault.status,
        code,
        `Fault for ${url.pathname}${url.search}`,
        fault.retryAfter ? { 'Retry-After': fault.retryAfter } : {},
      );
    }

    if (url.pathname === '/v1.0/users' && req.method === 'GET') {
      const filter = url.searchParams.get('$filter') ?? '';
      const match = /^employeeId eq '(\d{11})'$/.exec(filter);
      const value = this.users
        .filter((user) => user.nationalId === match?.[1])
        .map((user) => ({
          id: user.id,
          displayName: 'Kari Nordmann',
          userPrincipalName: 'kari.nordmann@oslomet.no',
        }));
      return send(200, { '@odata.context': 'x', '@odata.count': value.length, value });
    }

    const userMatch = /^\/v1\.0\/users\/([^/]+)\/(.+)$/.exec(url.pathname);
    const user = this.users.find((candidate) => candidate.id === userMatch?.[1]);
    if (!userMatch || !user) return graphError(404, 'Request_ResourceNotFound', 'Resource not found.');
    const rest = userMatch[2] ?? '';

    if (rest === 'authentication/methods' && req.method === 'GET') {
      return send(200, {
        value: user.methods.map((method) => ({
          '@odata.type': ODATA_TYPES[method.type],
          id: method.id,
          ...(method.type === 'microsoftAuthenticator'
            ? {
                displayName: `Phone ${method.id}`,
                deviceTag: 'SoftwareTokenActivated',
                createdDateTime: '2024-05-01T10:00:00Z',
              }
            : {}),
        })),
      });
    }
    const deleteMatch = /^authentication\/(microsoftAuthenticatorMethods|softwareOathMethods)\/(.+)$/.exec(rest);
    if (deleteMatch && req.method === 'DELETE') {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const method = user.methods.find((candidate) => candidate.id === deleteMatch[2]);
      if (!method) return graphError(404, 'Request_ResourceNotFound', 'Resource not found.');
      const others = user.methods.filter((candidate) => candidate !== method && candidate.type !== 'password');
      if (method.isDefault && others.length > 0) {
        return graphError(400, 'invalidRequest', 'Cannot delete default method with other methods configured');
      }
      user.methods = user.methods.filter((candidate) => candidate !== method);
      return send(204);
    }
    if (rest === 'revokeSignInSessions' && req.method === 'POST') {
      return send(200, { '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#Edm.Boolean', value: true });
    }
    return graphError(404, 'Request_ResourceNotFound', 'Resource not found.');
  }
}

function configFor(graph: FakeGraph, overrides: Record<string, string> = {}): Config {
  const result = parse('full', {
    AUTH_SECRET: 'x'.repeat(32),
    APP_ORIGIN: 'http://localhost:3000',
    IDPORTEN_ISSUER: 'http://127.0.0.1:4010',
    IDPORTEN_CLIENT_ID: 'tofaktor-local',
    IDPORTEN_CLIENT_SECRET: 'local-idporten-secret-not-for-production',
    ENTRA_TENANT_ID: TENANT,
    ENTRA_CLIENT_ID: '22222222-3333-4444-5555-666666666666',
    ENTRA_CLIENT_SECRET: 'local-graph-secret-not-for-production',
    ENTRA_AUTHORITY_HOST: graph.origin,
    GRAPH_BASE_URL: graph.origin,
    RECORDS_HMAC_KEY: 'y'.repeat(32),
    ...overrides,
  });
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return result.config;
}

const method = (id: string, type: AuthMethod['type'] = 'microsoftAuthenticator'): AuthMethod => ({
  id,
  type,
  label: `Phone ${id}`,
  createdAt: '2024-05-01T10:00:00Z',
});

describe('Graph directory over http', () => {
  let graph: FakeGraph;

  beforeEach(async () => {
    graph = new FakeGraph();
    await graph.start();
    graph.users = [
      {
        id: ACCOUNT,
        nationalId: NATIONAL_ID,
        methods: [
          { id: 'pw', type: 'password' },
          { id: 'm1', type: 'microsoftAuthenticator' },
          { id: 'm2', type: 'microsoftAuthenticator' },
          { id: 'o1', type: 'softwareOath' },
        ],
      },
    ];
  });

  afterEach(() => graph.stop());

  it('sends the app token over http and fetches it once for several calls', async () => {
    const directory = createGraphDirectory(configFor(graph));
    const accounts = await directory.findAccountsByNationalId(NATIONAL_ID);
    expect(accounts).toEqual([
      {
        id: ACCOUNT,
        displayName: 'Kari Nordmann',
        userPrincipalName: 'kari.nordmann@oslomet.no',
        mail: null,
        otherMails: [],
      },
    ]);
    await directory.listRemovableMethods(ACCOUNT);
    await directory.revokeSessions(ACCOUNT);
    await directory.findAccountsByNationalId(NATIONAL_ID);

    expect(graph.tokenRequests).toBe(1);
    expect(graph.requests).toHaveLength(4);
    expect(graph.requests.every((request) => request.authorization === 'Bearer fake-app-token')).toBe(true);
  });

  it('looks people up with an exact $filter, $count, a narrow $select and eventual consistency', async () => {
    const directory = createGraphDirectory(configFor(graph));
    await directory.findAccountsByNationalId(NATIONAL_ID);
    const [lookup] = graph.requests;
    const query = new URL(lookup?.path ?? '', graph.origin).searchParams;
    expect(query.get('$filter')).toBe(`employeeId eq '${NATIONAL_ID}'`);
    expect(query.get('$count')).toBe('true');
    // mail and otherMails: where the notice goes.
    expect(query.get('$select')).toBe('id,displayName,userPrincipalName,mail,otherMails');
    expect(lookup?.headers.consistencylevel).toBe('eventual');
  });

  it('uses the configured attribute and refuses a malformed number before any request', async () => {
    const attribute = 'extension_0123456789abcdef0123456789abcdef_nationalId';
    const directory = createGraphDirectory(configFor(graph, { GRAPH_NATIONAL_ID_ATTRIBUTE: attribute }));
    await directory.findAccountsByNationalId(NATIONAL_ID);
    expect(new URL(graph.requests[0]?.path ?? '', graph.origin).searchParams.get('$filter')).toBe(
      `${attribute} eq '${NATIONAL_ID}'`,
    );

    const injected = "01819012365' or true or employeeId eq '1" as NationalId;
    await expect(directory.findAccountsByNationalId(injected)).rejects.toMatchObject({ code: 'invalidNationalId' });
    expect(graph.requests).toHaveLength(1);
  });

  it('lists only the configured method types, as small DTOs', async () => {
    const all = await createGraphDirectory(configFor(graph)).listRemovableMethods(ACCOUNT);
    expect(all).toEqual([
      { id: 'm1', type: 'microsoftAuthenticator', label: 'Phone m1', createdAt: '2024-05-01T10:00:00Z' },
      { id: 'm2', type: 'microsoftAuthenticator', label: 'Phone m2', createdAt: '2024-05-01T10:00:00Z' },
      // No displayName from Graph: an empty label, which the page words in the reader's language.
      { id: 'o1', type: 'softwareOath', label: '', createdAt: null },
    ]);
    const onlyAuthenticator = createGraphDirectory(configFor(graph, { RESET_METHOD_TYPES: 'microsoftAuthenticator' }));
    expect((await onlyAuthenticator.listRemovableMethods(ACCOUNT)).map((m) => m.id)).toEqual(['m1', 'm2']);
  });

  it('deletes methods in parallel, each on its own endpoint', async () => {
    const directory = createGraphDirectory(configFor(graph));
    const result = await directory.removeMethods(ACCOUNT, [method('m1'), method('m2'), method('o1', 'softwareOath')]);
    expect(result.removed.map((m) => m.id)).toEqual(['m1', 'm2', 'o1']);
    expect(result.notRemoved).toEqual([]);

    const deletes = graph.requests.filter((request) => request.method === 'DELETE');
    expect(deletes.map((request) => request.path).sort()).toEqual([
      `/v1.0/users/${ACCOUNT}/authentication/microsoftAuthenticatorMethods/m1`,
      `/v1.0/users/${ACCOUNT}/authentication/microsoftAuthenticatorMethods/m2`,
      `/v1.0/users/${ACCOUNT}/authentication/softwareOathMethods/o1`,
    ]);
    // Every deletion started before any other one ended: they overlapped rather than ran one after another.
    const lastStart = Math.max(...deletes.map((request) => request.start));
    const firstEnd = Math.min(...deletes.map((request) => request.end));
    expect(lastStart).toBeLessThan(firstEnd);
  });

  it('counts a method Graph no longer has (404) as removed: deleting is idempotent', async () => {
    const directory = createGraphDirectory(configFor(graph));
    // Two submissions racing: the first removes m1, the second's DELETE of m1 finds nothing there.
    expect((await directory.removeMethods(ACCOUNT, [method('m1')])).removed.map((m) => m.id)).toEqual(['m1']);
    const second = await directory.removeMethods(ACCOUNT, [method('m1'), method('m2')]);
    expect(second.removed.map((m) => m.id)).toEqual(['m1', 'm2']);
    expect(second.notRemoved).toEqual([]);
    const m1Deletes = graph.requests.filter((request) => request.method === 'DELETE' && request.path.endsWith('/m1'));
    expect(m1Deletes.map((request) => request.status)).toEqual([204, 404]);
    // Other failures are still reported.
    graph.faults = [{ method: 'DELETE', pathContains: '/o1', status: 403, times: 1 }];
    expect((await directory.removeMethods(ACCOUNT, [method('o1', 'softwareOath')])).notRemoved).toEqual([
      { method: method('o1', 'softwareOath'), reason: '403 Authorization_RequestDenied' },
    ]);
  });

  it('retries a 429 after the Retry-After the server asked for', async () => {
    graph.faults = [{ method: 'DELETE', pathContains: '/m2', status: 429, times: 1, retryAfter: '1' }];
    const directory = createGraphDirectory(configFor(graph));
    const started = performance.now();
    const result = await directory.removeMethods(ACCOUNT, [method('m1'), method('m2')]);
    expect(result.removed.map((m) => m.id)).toEqual(['m1', 'm2']);
    expect(performance.now() - started).toBeGreaterThanOrEqual(1000);
    const attempts = graph.requests.filter((request) => request.path.endsWith('/m2'));
    expect(attempts.map((request) => request.status)).toEqual([429, 204]);
    expect(attempts[1]?.headers['retry-attempt']).toBe('1');
  });

  it('does not keep a person waiting for a long Retry-After, and reports what stayed', async () => {
    graph.faults = [{ method: 'DELETE', pathContains: '/m2', status: 429, times: 5, retryAfter: '120' }];
    const directory = createGraphDirectory(configFor(graph));
    const started = performance.now();
    const result = await directory.removeMethods(ACCOUNT, [method('m1'), method('m2')]);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(result.removed.map((m) => m.id)).toEqual(['m1']);
    expect(result.notRemoved).toEqual([{ method: method('m2'), reason: '429 TooManyRequests' }]);
  });

  it('gives up after two retries on repeated 503s', async () => {
    graph.faults = [{ method: 'DELETE', pathContains: '/m1', status: 503, times: 10, retryAfter: '0' }];
    const result = await createGraphDirectory(configFor(graph)).removeMethods(ACCOUNT, [method('m1')]);
    expect(result.notRemoved).toEqual([{ method: method('m1'), reason: '503 generalException' }]);
    expect(graph.requests.filter((request) => request.path.endsWith('/m1'))).toHaveLength(3);
  });

  it('removes the default method last, once the others are gone', async () => {
    graph.users[0]!.methods = [
      { id: 'pw', type: 'password' },
      { id: 'm1', type: 'microsoftAuthenticator', isDefault: true },
      { id: 'o1', type: 'softwareOath' },
    ];
    const directory = createGraphDirectory(configFor(graph));
    const result = await directory.removeMethods(ACCOUNT, [method('m1'), method('o1', 'softwareOath')]);
    expect(result.removed.map((m) => m.id)).toEqual(['m1', 'o1']);
    expect(result.notRemoved).toEqual([]);

    const defaultAttempts = graph.requests.filter((request) => request.path.endsWith('/m1'));
    const other = graph.requests.find((request) => request.path.endsWith('/o1'));
    expect(defaultAttempts.map((request) => request.status)).toEqual([400, 204]);
    expect(defaultAttempts[1]!.start).toBeGreaterThanOrEqual(other!.end);
  });

  it('reports truthfully when the default method has to stay', async () => {
    graph.users[0]!.methods = [
      { id: 'pw', type: 'password' },
      { id: 'm1', type: 'microsoftAuthenticator', isDefault: true },
      { id: 'o1', type: 'softwareOath' },
    ];
    graph.faults = [{ method: 'DELETE', pathContains: '/o1', status: 500, times: 1 }];
    const result = await createGraphDirectory(configFor(graph)).removeMethods(ACCOUNT, [
      method('m1'),
      method('o1', 'softwareOath'),
    ]);
    expect(result.removed).toEqual([]);
    expect(result.notRemoved).toEqual([
      { method: method('m1'), reason: 'default-method' },
      { method: method('o1', 'softwareOath'), reason: '500 generalException' },
    ]);
    expect(graph.requests.filter((request) => request.path.endsWith('/m1'))).toHaveLength(2);
  });

  it('turns Graph errors into typed errors without the national id', async () => {
    graph.faults = [{ method: 'GET', pathContains: '/users', status: 500, times: 1 }];
    const directory = createGraphDirectory(configFor(graph));
    const error = await directory.findAccountsByNationalId(NATIONAL_ID).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DirectoryError);
    expect(error).toMatchObject({
      operation: 'find-accounts',
      status: 500,
      code: 'generalException',
      requestId: 'req-123',
    });
    expect(JSON.stringify(error)).not.toContain(NATIONAL_ID);
    expect(String((error as Error).message)).not.toContain(NATIONAL_ID);

    graph.faults = [{ method: 'GET', pathContains: '/methods', status: 403, times: 1 }];
    await expect(directory.listRemovableMethods(ACCOUNT)).rejects.toMatchObject({
      status: 403,
      code: 'Authorization_RequestDenied',
    });
    await expect(directory.revokeSessions(ACCOUNT)).resolves.toBe(true);
  });

  it('reports an unreachable token endpoint as a token error', async () => {
    const config = configFor(graph);
    await graph.stop();
    const error = await createGraphDirectory(config)
      .listRemovableMethods(ACCOUNT)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DirectoryError);
    expect(error).toMatchObject({ operation: 'token' });
    graph = new FakeGraph();
    await graph.start();
  });
});

describe('DirectoryError across copies of its module', () => {
  it('is a DirectoryError to every copy: Next gives each server chunk its own, while the directory is shared', () => {
    let Other: typeof DirectoryError | undefined;
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a second, separate copy of the module
      Other = (require('@/lib/directory/errors') as { DirectoryError: typeof DirectoryError }).DirectoryError;
    });
    expect(Other).toBeDefined();
    expect(Other).not.toBe(DirectoryError);
    const fromOtherCopy = new Other!('send-mail', 500, 'generalException', 'r-1');
    expect(fromOtherCopy).toBeInstanceOf(DirectoryError);
    expect(new DirectoryError('create-tap', 400, 'badRequest', null)).toBeInstanceOf(Other!);
    expect(new Error('plain')).not.toBeInstanceOf(DirectoryError);
    expect({ name: 'DirectoryError' }).not.toBeInstanceOf(DirectoryError);
  });
});

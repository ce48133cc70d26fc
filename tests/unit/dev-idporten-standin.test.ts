/** @jest-environment node */
// The ID-porten stand-in (dev/idporten/server.ts) over real HTTP: discovery, a full authorization
// code flow with PKCE driven by plain fetch (cookies carried by hand), noPid, the login form's
// validation, and RP-initiated logout with front-channel logout.

import { createHash, createPublicKey, randomBytes, verify } from 'node:crypto';
import { spawnStandIn, type SpawnedStandIn } from '../../dev/testing/spawn-stand-in';
import { IDPORTEN_CLIENT_ID, IDPORTEN_CLIENT_SECRET } from '../../dev/credentials';

jest.setTimeout(30_000);

const APP = 'http://localhost:3000';
const REDIRECT_URI = `${APP}/api/auth/callback/idporten`;
const PID = '07916211400'; // two-authenticators in dev/graph/fixture.json

let op: SpawnedStandIn;
let discovery: Record<string, unknown>;

beforeAll(async () => {
  op = await spawnStandIn('dev/idporten/server.ts', { APP_ORIGIN: APP });
  discovery = (await (await fetch(`${op.url}/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
});

afterAll(async () => {
  await op?.stop();
});

class CookieJar {
  private readonly cookies = new Map<string, string>();

  store(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attrs] = line.split(';');
      const i = pair.indexOf('=');
      const name = pair.slice(0, i).trim();
      const value = pair.slice(i + 1).trim();
      const expired = attrs.some((a) => {
        const [k = '', v = ''] = a.split('=');
        if (k.trim().toLowerCase() === 'max-age') return Number(v) <= 0;
        if (k.trim().toLowerCase() === 'expires') return Date.parse(v) <= Date.now();
        return false;
      });
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  header(): Record<string, string> {
    if (this.cookies.size === 0) return {};
    return { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
  }
}

function decodeJwt(jwt: string): { header: Record<string, unknown>; payload: Record<string, unknown> } {
  const [h = '', p = ''] = jwt.split('.');
  return {
    header: JSON.parse(Buffer.from(h, 'base64url').toString('utf8')) as Record<string, unknown>,
    payload: JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as Record<string, unknown>,
  };
}

async function verifyJwt(jwt: string): Promise<Record<string, unknown>> {
  const { header, payload } = decodeJwt(jwt);
  const jwks = (await (await fetch(String(discovery.jwks_uri))).json()) as { keys: Record<string, unknown>[] };
  const jwk = jwks.keys.find((k) => k.kid === header.kid);
  expect(jwk).toBeDefined();
  const key = createPublicKey({ key: jwk as never, format: 'jwk' });
  const [h, p, s] = jwt.split('.') as [string, string, string];
  expect(header.alg).toBe('RS256');
  expect(verify('RSA-SHA256', Buffer.from(`${h}.${p}`), key, Buffer.from(s, 'base64url'))).toBe(true);
  return payload;
}

/** Follows redirects by hand (carrying cookies) until a non-redirect or a redirect to the app. */
async function follow(jar: CookieJar, first: Response, base: string): Promise<{ res: Response; location?: string }> {
  let res = first;
  for (let i = 0; i < 10; i++) {
    jar.store(res);
    const location = res.headers.get('location');
    if (res.status < 300 || res.status >= 400 || !location) return { res };
    const next = new URL(location, base).toString();
    if (next.startsWith(APP)) return { res, location: next };
    res = await fetch(next, { redirect: 'manual', headers: jar.header() });
  }
  throw new Error('too many redirects');
}

interface StartedLogin {
  jar: CookieJar;
  html: string;
  formAction: string;
  state: string;
  nonce: string;
  verifier: string;
}

function authorizationRequest(opts: { acrValues?: string; uiLocales?: string; extra?: Record<string, string> }) {
  const verifier = randomBytes(32).toString('base64url');
  const state = randomBytes(12).toString('base64url');
  const nonce = randomBytes(12).toString('base64url');
  const url = new URL(String(discovery.authorization_endpoint));
  url.search = new URLSearchParams({
    client_id: IDPORTEN_CLIENT_ID,
    response_type: 'code',
    scope: 'openid',
    redirect_uri: REDIRECT_URI,
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
    state,
    nonce,
    acr_values: opts.acrValues ?? 'idporten-loa-substantial',
    ui_locales: opts.uiLocales ?? 'nb',
    ...opts.extra,
  }).toString();
  return { url, verifier, state, nonce };
}

async function startLogin(
  opts: { acrValues?: string; uiLocales?: string; extra?: Record<string, string> } = {},
  jar = new CookieJar(),
): Promise<StartedLogin> {
  const { url, verifier, state, nonce } = authorizationRequest(opts);
  const { res } = await follow(jar, await fetch(url, { redirect: 'manual', headers: jar.header() }), op.url);
  expect(res.status).toBe(200);
  const html = await res.text();
  const action = /<form method="post" action="([^"]+\/login)"/.exec(html)?.[1];
  expect(action).toBeDefined();
  return { jar, html, formAction: new URL(action!, op.url).toString(), state, nonce, verifier };
}

async function submitLogin(
  login: StartedLogin,
  fields: Record<string, string>,
): Promise<{ res: Response; location?: string }> {
  const res = await fetch(login.formAction, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...login.jar.header() },
    body: new URLSearchParams(fields).toString(),
  });
  return follow(login.jar, res, op.url);
}

async function exchangeCode(
  login: StartedLogin,
  callback: string,
  auth: 'basic' | 'post' = 'basic',
): Promise<Record<string, unknown>> {
  const cb = new URL(callback);
  expect(cb.origin + cb.pathname).toBe(REDIRECT_URI);
  expect(cb.searchParams.get('state')).toBe(login.state);
  expect(cb.searchParams.get('iss')).toBe(op.url);
  const code = cb.searchParams.get('code');
  expect(code).toBeTruthy();
  const body = new URLSearchParams({
    grant_type: 'authorization_code',
    code: code!,
    redirect_uri: REDIRECT_URI,
    code_verifier: login.verifier,
  });
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (auth === 'basic') {
    headers.authorization = `Basic ${Buffer.from(`${IDPORTEN_CLIENT_ID}:${IDPORTEN_CLIENT_SECRET}`).toString('base64')}`;
  } else {
    body.set('client_id', IDPORTEN_CLIENT_ID);
    body.set('client_secret', IDPORTEN_CLIENT_SECRET);
  }
  const res = await fetch(String(discovery.token_endpoint), { method: 'POST', headers, body: body.toString() });
  const json = (await res.json()) as Record<string, unknown>;
  expect(res.status).toBe(200);
  return json;
}

describe('ID-porten stand-in', () => {
  it('publishes an ID-porten shaped discovery document', () => {
    expect(discovery.issuer).toBe(op.url);
    expect(discovery.acr_values_supported).toEqual(['idporten-loa-substantial', 'idporten-loa-high']);
    expect(discovery.code_challenge_methods_supported).toEqual(['S256']);
    expect(discovery.end_session_endpoint).toBe(`${op.url}/logout`);
    expect(discovery.token_endpoint).toBe(`${op.url}/token`);
    expect(discovery.authorization_endpoint).toBe(`${op.url}/authorize`);
    expect(discovery.ui_locales_supported).toEqual(expect.arrayContaining(['nb', 'en']));
    expect(discovery.frontchannel_logout_supported).toBe(true);
    expect(discovery.frontchannel_logout_session_supported).toBe(true);
    expect(discovery.claims_supported).toEqual(
      expect.arrayContaining(['pid', 'acr', 'amr', 'auth_time', 'sid', 'locale']),
    );
    expect(discovery.token_endpoint_auth_methods_supported).toEqual(
      expect.arrayContaining(['client_secret_basic', 'client_secret_post']),
    );
  });

  it('runs the authorization code flow with PKCE and puts pid, acr, auth_time and sid in the ID token', async () => {
    const login = await startLogin({ acrValues: 'idporten-loa-high', uiLocales: 'en' });
    expect(login.html).toContain('<html lang="en">');
    expect(login.html).toContain('National identity number (synthetic)');
    expect(login.html).toContain('>Log in</button>');
    // the requested acr is preselected, and the synthetic people are listed as help
    expect(login.html).toMatch(/<option value="idporten-loa-high" selected>/);
    expect(login.html).toContain(PID);

    const before = Math.floor(Date.now() / 1000);
    const { location } = await submitLogin(login, { pid: PID, acr: 'idporten-loa-high', minutesAgo: '5' });
    expect(location).toBeDefined();
    const tokens = await exchangeCode(login, location!);
    expect(tokens.token_type).toBe('Bearer');
    const claims = await verifyJwt(String(tokens.id_token));

    expect(claims.iss).toBe(op.url);
    expect(claims.aud).toBe(IDPORTEN_CLIENT_ID);
    expect(claims.nonce).toBe(login.nonce);
    expect(claims.pid).toBe(PID);
    expect(claims.acr).toBe('idporten-loa-high');
    expect(claims.amr).toEqual(['TestID']);
    expect(claims.locale).toBe('en');
    expect(typeof claims.sid).toBe('string');
    expect(claims.auth_time).toBeGreaterThanOrEqual(before - 300 - 2);
    expect(claims.auth_time).toBeLessThanOrEqual(before - 300 + 5);
    // sub is an opaque value, never the pid, and stable for the same pid
    expect(typeof claims.sub).toBe('string');
    expect(String(claims.sub)).not.toContain(PID);

    const again = await startLogin();
    const second = await submitLogin(again, { pid: PID, acr: 'idporten-loa-substantial', minutesAgo: '0' });
    const claims2 = decodeJwt(String((await exchangeCode(again, second.location!, 'post')).id_token)).payload;
    expect(claims2.sub).toBe(claims.sub);
    expect(claims2.acr).toBe('idporten-loa-substantial');
    expect(claims2.locale).toBe('nb');
  });

  it('gives an ID token without pid for noPid (foreign eID / e-mail login)', async () => {
    const login = await startLogin();
    expect(login.html).toContain('<html lang="nb">');
    expect(login.html).toContain('Fødselsnummer (syntetisk)');
    expect(login.html).toContain('>Logg inn</button>');
    const { location } = await submitLogin(login, {
      pid: '',
      acr: 'idporten-loa-substantial',
      minutesAgo: '0',
      noPid: '1',
    });
    const tokens = await exchangeCode(login, location!, 'post');
    const claims = await verifyJwt(String(tokens.id_token));
    expect(claims).not.toHaveProperty('pid');
    expect(String(claims.sub)).toMatch(/^eidas-/);
    expect(claims.acr).toBe('idporten-loa-substantial');
    expect(typeof claims.sid).toBe('string');
    expect(typeof claims.auth_time).toBe('number');
  });

  it('re-shows the form with an accessible error for a malformed pid', async () => {
    const login = await startLogin();
    const { res } = await submitLogin(login, { pid: '1234', acr: 'idporten-loa-substantial', minutesAgo: '0' });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('Fødselsnummeret må være 11 siffer.');
    expect(html).toMatch(/id="pid"[^>]*aria-invalid="true"/);
    expect(html).toContain('role="alert"');
  });

  it('keeps an SSO session, and asks for a new login when a higher acr is requested (step-up)', async () => {
    const login = await startLogin();
    const first = await submitLogin(login, { pid: PID, acr: 'idporten-loa-substantial', minutesAgo: '0' });
    expect(first.location).toBeDefined();

    // same acr: single sign-on, straight back to the client
    const sso = authorizationRequest({});
    const ssoResult = await follow(
      login.jar,
      await fetch(sso.url, { redirect: 'manual', headers: login.jar.header() }),
      op.url,
    );
    expect(ssoResult.location).toMatch(/^http:\/\/localhost:3000\/api\/auth\/callback\/idporten\?code=/);

    // higher acr: the login page again
    const stepUp = await startLogin({ acrValues: 'idporten-loa-high' }, login.jar);
    expect(stepUp.html).toMatch(/<option value="idporten-loa-high" selected>/);
  });

  it('sends access_denied back to the client when the person cancels', async () => {
    const login = await startLogin();
    const res = await fetch(login.formAction.replace(/\/login$/, '/abort'), {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...login.jar.header() },
      body: '',
    });
    const { location } = await follow(login.jar, res, op.url);
    const cb = new URL(location!);
    expect(cb.searchParams.get('error')).toBe('access_denied');
    expect(cb.searchParams.get('state')).toBe(login.state);
  });

  it('requires PKCE', async () => {
    const url = new URL(String(discovery.authorization_endpoint));
    url.search = new URLSearchParams({
      client_id: IDPORTEN_CLIENT_ID,
      response_type: 'code',
      scope: 'openid',
      redirect_uri: REDIRECT_URI,
      state: 'x',
    }).toString();
    const res = await fetch(url, { redirect: 'manual' });
    expect(res.status).toBe(303);
    const location = new URL(res.headers.get('location')!);
    expect(location.searchParams.get('error')).toBe('invalid_request');
    expect(location.searchParams.get('error_description')).toMatch(/PKCE/);
  });

  it('ends the session on RP-initiated logout and loads the front-channel logout URI with iss and sid', async () => {
    const login = await startLogin();
    const { location } = await submitLogin(login, { pid: PID, acr: 'idporten-loa-substantial', minutesAgo: '0' });
    const tokens = await exchangeCode(login, location!);
    const { sid, sub } = decodeJwt(String(tokens.id_token)).payload;

    const listed = (await (await fetch(`${op.url}/_admin/sessions`)).json()) as {
      sessions: { sid: string; accountId: string }[];
    };
    expect(listed.sessions).toContainEqual({ sid, accountId: sub });

    const end = new URL(String(discovery.end_session_endpoint));
    end.search = new URLSearchParams({
      id_token_hint: String(tokens.id_token),
      post_logout_redirect_uri: `${APP}/en`,
      state: 'logout-state',
      ui_locales: 'en',
    }).toString();
    const logoutPage = await fetch(end, { redirect: 'manual', headers: login.jar.header() });
    login.jar.store(logoutPage);
    expect(logoutPage.status).toBe(200);
    const html = await logoutPage.text();
    // auto-submitting form, with a visible button for no-JS
    expect(html).toContain('document.forms[0].submit()');
    expect(html).toContain('>Log out</button>');
    const action = /<form id="op.logoutForm" method="post" action="([^"]+)"/.exec(html)?.[1];
    const form = new URLSearchParams();
    for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"\/>/g)) form.set(m[1]!, m[2]!);
    expect(form.get('logout')).toBe('yes');

    const confirm = await fetch(new URL(action!, op.url), {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...login.jar.header() },
      body: form.toString(),
    });
    expect(confirm.status).toBe(200);
    const done = await confirm.text();
    const iframe = /<iframe class="fc-logout"[^>]* src="([^"]+)"/.exec(done)?.[1]?.replace(/&amp;/g, '&');
    expect(iframe).toBeDefined();
    const fc = new URL(iframe!);
    expect(fc.origin + fc.pathname).toBe(`${APP}/api/auth/frontchannel-logout`);
    expect(fc.searchParams.get('iss')).toBe(op.url);
    expect(fc.searchParams.get('sid')).toBe(sid);
    expect(done).toContain(`href="${APP}/en?state=logout-state"`);

    const after = (await (await fetch(`${op.url}/_admin/sessions`)).json()) as { sessions: { sid: string }[] };
    expect(after.sessions.map((s) => s.sid)).not.toContain(sid);
  });
});

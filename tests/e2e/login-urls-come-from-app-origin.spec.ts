// Auth.js builds every URL of a login from APP_ORIGIN: a Host or X-Forwarded-Host sent by a client moves
// neither the redirect_uri sent to ID-porten, nor the callback-url cookie, nor any redirect.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { expect, test } from '@playwright/test';
import { startInstance } from './support/instance';
import { cookiesOf, rawRequest, type RawResponse } from './support/raw-http';

const SITE = 'http://localhost:3000';
const APP_ORIGIN = 'http://localhost:3000';
// `origin` matches the hostile host, as it would behind a proxy that passes such headers on: Next's own check of
// server actions (Origin against Host / X-Forwarded-Host) then lets the request through to Auth.js.
const hostile: { name: string; headers: Record<string, string>; origin: string }[] = [
  { name: 'Host: evil.example', headers: { host: 'evil.example' }, origin: 'http://evil.example' },
  {
    name: 'X-Forwarded-Host: evil.example',
    headers: { 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' },
    origin: 'https://evil.example',
  },
  {
    name: 'both, with a forwarded port',
    headers: { host: 'evil.example', 'x-forwarded-host': 'evil.example:8443', 'x-forwarded-port': '8443' },
    origin: 'http://evil.example:8443',
  },
];

function expectOnlyAppOrigin(response: RawResponse) {
  const location = String(response.headers.location ?? '');
  expect(location).not.toContain('evil.example');
  const redirectUri = location ? new URL(location, APP_ORIGIN).searchParams.get('redirect_uri') : null;
  if (redirectUri) expect(redirectUri).toBe(`${APP_ORIGIN}/api/auth/callback/idporten`);
  for (const [name, value] of cookiesOf(response)) {
    expect(value, name).not.toContain('evil.example');
    if (name.endsWith('callback-url'))
      expect(value === APP_ORIGIN || value.startsWith(`${APP_ORIGIN}/`), `${name}: ${value}`).toBe(true);
  }
  return { location, redirectUri };
}

/** The reset guide's start form, submitted without JavaScript (as a server action), with the given headers. */
async function startLoginFromGuide(headers: Record<string, string>, origin: string | null): Promise<RawResponse> {
  const guide = await rawRequest(`${SITE}/nb/nullstill`, { headers });
  const actionField = /name="(\$ACTION_ID_[0-9a-f]+)"/.exec(guide.body)?.[1];
  expect(actionField, 'the start form carries its server action id').toBeTruthy();
  const boundary = '----tofaktor-test';
  const field = (name: string, value: string) =>
    `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  const body = `${field(actionField ?? '', '')}${field('locale', 'nb')}--${boundary}--\r\n`;
  return rawRequest(`${SITE}/nb/nullstill`, {
    method: 'POST',
    headers: { ...headers, 'content-type': `multipart/form-data; boundary=${boundary}`, ...(origin ? { origin } : {}) },
    body,
  });
}

for (const { name, headers, origin } of hostile) {
  test(`login start from the reset guide with ${name}: refused, or redirect_uri, cookies and redirect on APP_ORIGIN`, async () => {
    // The hostile Origin: the proxy refuses the POST outright (its Origin is not APP_ORIGIN).
    const refused = await startLoginFromGuide(headers, origin);
    expect(refused.status).toBe(403);
    expectOnlyAppOrigin(refused);

    // The site's own Origin with the hostile host: Next would refuse the action with a 500 (Origin and host differ);
    // the proxy makes the same check first and answers 400.
    const mismatched = await startLoginFromGuide(headers, APP_ORIGIN);
    expect(mismatched.status).toBe(400);
    expectOnlyAppOrigin(mismatched);

    // No Origin at all (a hand-made request; browsers always send one): Next lets the action run, and Auth.js must
    // still build every URL from APP_ORIGIN.
    const response = await startLoginFromGuide(headers, null);
    expect(response.status).toBe(303);
    const { location, redirectUri } = expectOnlyAppOrigin(response);
    expect(location.startsWith('http://127.0.0.1:4010/')).toBe(true); // on to ID-porten (the stand-in)
    expect(redirectUri).toBe(`${APP_ORIGIN}/api/auth/callback/idporten`);
  });

  test(`Auth.js's own endpoints with ${name}: closed, nothing on the hostile host`, async () => {
    for (const path of [
      '/api/auth/csrf',
      '/api/auth/signin',
      '/api/auth/error?error=Configuration',
      '/api/auth/signout',
    ]) {
      const page = await rawRequest(`${SITE}${path}`, { headers });
      expect(page.status, path).toBe(404);
      expectOnlyAppOrigin(page);
      expect(page.body, path).not.toContain('evil.example');
    }
    const signIn = await rawRequest(`${SITE}/api/auth/signin/idporten`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ callbackUrl: 'http://evil.example/steal' }).toString(),
    });
    expect(signIn.status).toBe(404);
    expectOnlyAppOrigin(signIn);
  });
}

// Both logins take APP_ORIGIN from their own configuration: a fresh process whose first request is the console's
// staff callback (before anything of the ID-porten login has run) still answers on APP_ORIGIN only.
test('a fresh instance whose first request is a staff login callback with a hostile Host redirects on APP_ORIGIN only', async () => {
  const dataDir = mkdtempSync(`${tmpdir()}/tofaktor-staff-origin-`);
  const instance = await startInstance(3997, {
    APP_ORIGIN: 'https://tofaktor.test.example',
    PGLITE_DIR: dataDir,
    DATABASE_URL: '',
  });
  try {
    const callback = await rawRequest(`${instance.url}/api/staff-auth/callback/entra?code=forged&state=forged`, {
      headers: { host: 'evil.example', 'x-forwarded-host': 'evil.example' },
    });
    expect(callback.status).toBe(302);
    const location = String(callback.headers.location ?? '');
    expect(location).toMatch(/^https:\/\/tofaktor\.test\.example\/nb\/servicedesk\/ingen-tilgang\?error=\w+$/);
    for (const [name, value] of cookiesOf(callback)) expect(value, name).not.toContain('evil.example');
  } finally {
    expect(await instance.stop()).toBe(0);
    rmSync(dataDir, { recursive: true, force: true });
  }
});

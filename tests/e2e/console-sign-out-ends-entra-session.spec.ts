// "Sign out" in the console ends the console session and then the member of staff's Entra ID session in that
// browser (Entra's end-session endpoint, back through /api/servicedesk/signed-out in the console's language); with
// Entra unreachable the console session still ends and the front page says so.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { expect, test } from '@playwright/test';
import { consolePaths, loginToConsole } from './support/console';
import { startInstance } from './support/instance';
import { cookiesOf, rawRequest } from './support/raw-http';

const APP_ORIGIN = 'http://localhost:3000';
const ENTRA = 'http://127.0.0.1:4030';

async function entraCookieNames(context: import('@playwright/test').BrowserContext): Promise<string[]> {
  return (await context.cookies(ENTRA)).map((cookie) => cookie.name);
}

test('signing out ends the console session and the Entra ID session, and comes back in the console language', async ({
  page,
  context,
}) => {
  await loginToConsole(page, 'agent', { locale: 'en' });
  await expect(page.getByTestId('console-signed-in')).toBeVisible();
  expect(await entraCookieNames(context)).toContain('_session');

  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL(`${APP_ORIGIN}${consolePaths.home.en}?signed-out=1`);
  await expect(page.getByTestId('console-signed-out')).toBeVisible();
  await expect(page.getByTestId('console-signed-in')).toHaveCount(0);
  expect(await entraCookieNames(context)).not.toContain('_session');
  // The language cookie that crossed Entra's sign-out is gone again.
  expect(
    (await context.cookies(`${APP_ORIGIN}/api/servicedesk/signed-out`)).map((cookie) => cookie.name),
  ).not.toContain('tofaktor-console-signed-out');
});

test('the sign-out form sends the browser to Entra ID with the registered return address, and only from the site', async () => {
  const form = new URLSearchParams({ locale: 'nn' }).toString();
  const headers = { 'content-type': 'application/x-www-form-urlencoded' };
  const response = await rawRequest(`${APP_ORIGIN}/api/servicedesk/sign-out`, {
    method: 'POST',
    headers: { ...headers, origin: APP_ORIGIN },
    body: form,
  });
  expect(response.status).toBe(303);
  const location = new URL(String(response.headers.location));
  expect(`${location.origin}${location.pathname}`).toMatch(
    new RegExp(`^${ENTRA}/[0-9a-f-]+/v2\\.0/oauth2/v2\\.0/logout$`),
  );
  expect(location.searchParams.get('post_logout_redirect_uri')).toBe(`${APP_ORIGIN}/api/servicedesk/signed-out`);
  expect(location.searchParams.get('client_id')).toBeTruthy();
  expect(cookiesOf(response).get('tofaktor-console-signed-out')).toBe('nn');

  const back = await rawRequest(`${APP_ORIGIN}/api/servicedesk/signed-out`, {
    headers: { cookie: 'tofaktor-console-signed-out=nn' },
  });
  expect(back.status).toBe(303);
  expect(back.headers.location).toBe(`${APP_ORIGIN}${consolePaths.home.nn}?signed-out=1`);
  expect(cookiesOf(back).get('tofaktor-console-signed-out')).toBe('');

  const foreign = await rawRequest(`${APP_ORIGIN}/api/servicedesk/sign-out`, {
    method: 'POST',
    headers: { ...headers, origin: 'http://evil.example' },
    body: form,
  });
  expect(foreign.status).toBe(403);
  expect(foreign.headers.location).toBeUndefined();
});

test('with Entra ID unreachable, signing out still ends the console session and says so, with one log line', async () => {
  const dataDir = mkdtempSync(`${tmpdir()}/tofaktor-entra-down-`);
  // Nothing listens on port 9 (discard): Entra's discovery fails at once.
  const instance = await startInstance(3996, {
    PGLITE_DIR: dataDir,
    DATABASE_URL: '',
    CONSOLE_ENTRA_ISSUER: 'http://127.0.0.1:9/tenant/v2.0',
  });
  try {
    const response = await rawRequest(`${instance.url}/api/servicedesk/sign-out`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: APP_ORIGIN },
      body: new URLSearchParams({ locale: 'en' }).toString(),
    });
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe(`${APP_ORIGIN}${consolePaths.home.en}?signed-out=1`);
    // pino writes asynchronously: the line follows the response by a moment.
    await expect.poll(() => instance.output()).toContain('"event":"console.entra-logout-unavailable"');
  } finally {
    expect(await instance.stop()).toBe(0);
    rmSync(dataDir, { recursive: true, force: true });
  }
});

// Issue 13: the site as deployed — nginx terminating TLS on https://tofaktor.test, the standalone server behind it
// bound to TLS_BIND (127.0.0.1, 0.0.0.0, ::), the stand-ins on https. Every page in every language answers
// through the proxy, every redirect stays on the https public origin, the whole self-service and console flows
// complete, every cookie is Secure and prefixed, every response carries HSTS and a CSP without an http: source.
import { expect, test, type APIRequestContext, type APIResponse, type Page } from '@playwright/test';
import { PUBLIC_ORIGIN } from '../../dev/tls/production-shape';
import { consolePaths, loginToConsole, openResetFor } from '../e2e/support/console';
import { graphAdmin, passes, removable } from '../e2e/support/graph-admin';
import { confirmReset, loginFromResetGuide } from '../e2e/support/login';
import { locales, publicPages } from '../e2e/support/pages';
import { person } from '../e2e/support/people';

const loginFailed = {
  nb: '/nb/nullstill/innlogging-feilet',
  nn: '/nn/nullstill/innlogging-feila',
  en: '/en/reset/login-failed',
};
const notFound = { nb: '/nb/finnes-ikke', nn: '/nn/finst-ikkje', en: '/en/does-not-exist' };

/** Every page a visitor can reach without logging in, in every language, with the status it must answer. */
const crawl: { path: string; status: number }[] = [
  ...publicPages.flatMap((page) => locales.map((locale) => ({ path: page[locale], status: 200 }))),
  ...locales.map((locale) => ({ path: loginFailed[locale], status: 200 })),
  ...locales.map((locale) => ({ path: consolePaths.home[locale], status: 200 })),
  ...locales.map((locale) => ({ path: notFound[locale], status: 404 })),
];

function expectDeployedHeaders(response: APIResponse, where: string): void {
  const headers = response.headers();
  expect(headers['strict-transport-security'], where).toMatch(/max-age=\d{8,}/);
  const csp = headers['content-security-policy'] ?? '';
  expect(csp, where).toContain("default-src 'self'");
  expect(csp, `${where}: a CSP source on plain http`).not.toMatch(/(^|[\s;])http:/);
  expect(csp, where).toContain('upgrade-insecure-requests');
}

/** Follows redirects one by one: each must stay on the https public origin. Returns the last response. */
async function getFollowingRedirects(request: APIRequestContext, path: string) {
  let url = new URL(path, PUBLIC_ORIGIN);
  for (let hop = 0; hop < 5; hop++) {
    const response = await request.get(url.href, { maxRedirects: 0 });
    expect(response.status(), `${url.pathname} answered a server error`).toBeLessThan(500);
    expectDeployedHeaders(response, url.pathname);
    const location = response.headers()['location'];
    if (response.status() < 300 || response.status() >= 400 || !location) return response;
    const next = new URL(location, url);
    expect(next.origin, `${url.pathname} redirected off the public origin to ${location}`).toBe(PUBLIC_ORIGIN);
    url = next;
  }
  throw new Error(`${path}: too many redirects`);
}

test('every page in nb, nn and en answers through the TLS proxy, redirects stay on the https origin', async ({
  request,
}) => {
  for (const { path, status } of crawl) {
    const response = await getFollowingRedirects(request, path);
    expect(response.status(), path).toBe(status);
    expect(await response.text(), path).toContain('<html');
  }
  // The bare origin goes to the reader's language, on the public origin.
  const root = await getFollowingRedirects(request, '/');
  expect(new URL(root.url()).pathname).toBe('/nb');
});

/** Every Set-Cookie the site sends during a flow, and the cookies the browser keeps. */
function watchSiteCookies(page: Page): string[] {
  const setCookies: string[] = [];
  page.on('response', async (response) => {
    if (new URL(response.url()).origin !== PUBLIC_ORIGIN) return;
    const header = await response.headerValue('set-cookie').catch(() => null);
    if (header) setCookies.push(...header.split('\n'));
  });
  return setCookies;
}

async function expectSecureCookies(page: Page, setCookies: string[]): Promise<void> {
  expect(setCookies.length).toBeGreaterThan(0);
  for (const line of setCookies) {
    const name = line.split('=')[0]!;
    expect(line, `${name} without Secure`).toMatch(/;\s*Secure/i);
    expect(name, `${name} without a __Host- or __Secure- prefix`).toMatch(/^__(Host|Secure)-/);
  }
  const kept = await page.context().cookies(PUBLIC_ORIGIN);
  for (const cookie of kept) {
    expect(cookie.secure, cookie.name).toBe(true);
    if (cookie.name.startsWith('__Host-')) expect(cookie.path, cookie.name).toBe('/');
  }
}

test('the self-service reset completes through the proxy, with Secure, prefixed cookies', async ({ page }) => {
  await graphAdmin.reset();
  const setCookies = watchSiteCookies(page);
  const someone = person('one-authenticator');
  await loginFromResetGuide(page, someone.nationalId);
  await expect(page).toHaveURL(`${PUBLIC_ORIGIN}/nb/nullstill/bekreft`);
  await confirmReset(page);
  expect(new URL(page.url()).origin).toBe(PUBLIC_ORIGIN);
  await expect(page.getByTestId('tap-shown')).toBeVisible();
  const [pass] = passes(await graphAdmin.user(someone.nationalId));
  await expect(page.getByTestId('tap-value')).toHaveText(pass?.temporaryAccessPass ?? 'missing');
  expect(removable(await graphAdmin.user(someone.nationalId))).toEqual([]);
  await expectSecureCookies(page, setCookies);
  const session = (await page.context().cookies(PUBLIC_ORIGIN)).map((cookie) => cookie.name);
  expect(session).toContain('__Secure-authjs.session-token');
});

test('the console flow completes through the proxy, with Secure, prefixed cookies', async ({ page }) => {
  await graphAdmin.reset();
  const setCookies = watchSiteCookies(page);
  const leif = person('desk-one-phone');
  await loginToConsole(page, 'agent');
  await expect(page.getByTestId('console-signed-in')).toContainText('Anne Agent');
  await openResetFor(page, 'leif.skrank', 'Leif Skrankesen');
  await page.getByRole('radio', { name: 'Pass', exact: true }).check();
  await page.getByRole('button', { name: 'Nullstill nå' }).click();
  await page.waitForURL((url) => url.origin === PUBLIC_ORIGIN && url.pathname === consolePaths.result.nb);
  await expect(page.getByTestId('outcome-success')).toBeVisible();
  expect(removable(await graphAdmin.user(leif.nationalId))).toEqual([]);
  await expectSecureCookies(page, setCookies);
  const names = (await page.context().cookies(PUBLIC_ORIGIN)).map((cookie) => cookie.name);
  expect(names).toContain('__Host-tofaktor-console-session');
});

// A session ends at logout everywhere, lives at most its 30 minutes from the login, cannot be stretched,
// and the reset action only answers forms posted from the site itself.
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { graphAdmin, removable } from './support/graph-admin';
import { loginFromResetGuide } from './support/login';
import { person } from './support/people';
import { recordsOf } from './support/records';
import { awaitNewLines, siteLogLines } from './support/site-log';

const SITE = 'http://localhost:3000';
const CONFIRM = `${SITE}/nb/nullstill/bekreft`;
const notSignedIn = 'Du er ikke logget inn';

async function cookieHeader(context: BrowserContext): Promise<string> {
  return (await context.cookies(SITE)).map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');
}

/** The "Reset now" form's fields exactly as the browser would post them without JavaScript. */
async function resetFormFields(page: Page): Promise<[string, string][]> {
  return page
    .locator('form', { has: page.getByRole('button', { name: 'Nullstill nå' }) })
    .evaluate((form: HTMLFormElement) =>
      [...new FormData(form)].map(([name, value]) => [name, String(value)] as [string, string]),
    );
}

function postForm(fields: [string, string][], headers: Record<string, string>) {
  const body = new FormData();
  for (const [name, value] of fields) body.append(name, value);
  return fetch(CONFIRM, { method: 'POST', body, headers, redirect: 'manual' });
}

test.describe('without JavaScript, so the form is the plain HTML one', () => {
  test.use({ javaScriptEnabled: false });

  test('a copy of the cookie taken before logout is signed out after it, with no front-channel call', async ({
    page,
    context,
  }) => {
    const someone = person('session-copy');
    await loginFromResetGuide(page, someone.nationalId);
    await expect(page.getByTestId('methods-to-remove')).toBeVisible();
    const copied = await cookieHeader(context);
    const fields = await resetFormFields(page);
    const before = removable(await graphAdmin.user(someone.nationalId)).length;

    // The site's own logout endpoint; the hand-over to ID-porten is never followed, so ID-porten never calls back.
    const logout = await fetch(`${SITE}/api/auth/idporten-logout`, {
      method: 'POST',
      headers: { cookie: copied, origin: SITE, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'locale=nb',
    });
    expect(logout.status).toBe(200);

    const confirm = await fetch(CONFIRM, { headers: { cookie: copied } });
    expect(await confirm.text()).toContain(notSignedIn);
    const replay = await postForm(fields, { cookie: copied, origin: SITE });
    expect(replay.status).toBeLessThan(400);
    expect(removable(await graphAdmin.user(someone.nationalId))).toHaveLength(before);
  });

  test('a reset POST without Origin, or from another origin, changes nothing and is recorded', async ({
    page,
    context,
  }) => {
    const someone = person('origin-check');
    await loginFromResetGuide(page, someone.nationalId);
    await expect(page.getByTestId('methods-to-remove')).toBeVisible();
    const cookie = await cookieHeader(context);
    const fields = await resetFormFields(page);
    const before = removable(await graphAdmin.user(someone.nationalId)).length;
    expect(before).toBe(2);

    const withoutOrigin = await postForm(fields, { cookie });
    expect(withoutOrigin.status).toBe(303);
    const foreign = await postForm(fields, { cookie, origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(await foreign.text()).not.toMatch(/\bat \S+:\d+/);

    expect(removable(await graphAdmin.user(someone.nationalId))).toHaveLength(before);
    const reasons = (await recordsOf(someone.nationalId)).map((record) => `${record.outcome}:${record.reason}`);
    expect(reasons).toEqual(expect.arrayContaining(['refused:missing-origin', 'refused:foreign-origin']));
    expect(reasons.some((reason) => reason.startsWith('success'))).toBe(false);

    // The route that writes the foreign-origin record is reached only by the proxy's rewrite: sent there directly,
    // with the proxy's own headers and the person's cookie, it is a page that does not exist and writes nothing.
    for (const path of ['/api/recorded-refusal', '/api/recorded%2Drefusal']) {
      const forged = await fetch(`${SITE}${path}`, {
        method: 'POST',
        headers: {
          cookie,
          origin: SITE,
          'content-type': 'application/x-www-form-urlencoded',
          'x-tofaktor-refusal-reason': 'foreign-origin',
          'x-tofaktor-refusal-locale': 'nb',
        },
        body: 'a=1',
      });
      expect(forged.status).toBe(404);
    }
    const foreignOrigin = (await recordsOf(someone.nationalId)).filter((record) => record.reason === 'foreign-origin');
    expect(foreignOrigin).toHaveLength(1);

    // The real form, from the real page, still works.
    await page.getByRole('button', { name: 'Nullstill nå' }).click();
    await expect(page.getByTestId('outcome-success')).toBeVisible();
  });
});

test("polling the session endpoint neither answers nor moves the cookie's expiry", async ({ page, context }) => {
  await loginFromResetGuide(page, person('session-copy').nationalId);
  const session = async () =>
    (await context.cookies(SITE)).find((cookie) => cookie.name.endsWith('authjs.session-token'));
  const issued = await session();
  expect(issued).toBeDefined();
  for (let poll = 0; poll < 10; poll += 1) {
    const response = await page.request.get('/api/auth/session');
    expect(response.status()).toBe(404);
    expect(response.headers()['set-cookie']).toBeUndefined();
  }
  expect((await session())?.expires).toBe(issued?.expires);
});

test('a session whose login is older than 30 minutes is over, whatever its cookie says', async ({ page }) => {
  const before = siteLogLines().length;
  await loginFromResetGuide(page, person('session-copy').nationalId, { minutesAgo: 31 });
  await page.goto('/nb/nullstill/bekreft');
  await expect(page.getByRole('heading', { name: notSignedIn })).toBeVisible();
  const lines = await awaitNewLines(before, (line) => line.event === 'session-cookie-rejected');
  expect(lines.map((line) => line.reason)).toContain('lifetime-exceeded');
});

test("Auth.js' own sign-in, sign-out, error and session pages are not there", async ({ request }) => {
  for (const path of [
    '/api/auth/signin',
    '/api/auth/signout',
    '/api/auth/error',
    '/api/auth/providers',
    '/api/auth/csrf',
    '/api/auth/session',
  ]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(404);
    expect(await response.text(), path).not.toContain('authjs');
  }
  expect((await request.post('/api/auth/signin/idporten')).status()).toBe(404);
  expect((await request.post('/api/auth/signout')).status()).toBe(404);
});

test('a tampered session cookie is refused and writes exactly one security log line, without its value', async ({
  page,
  context,
}) => {
  await loginFromResetGuide(page, person('session-copy').nationalId);
  const cookies = await context.cookies(SITE);
  const token = cookies.find((cookie) => cookie.name === 'authjs.session-token');
  expect(token).toBeDefined();
  const flipped = `${token!.value.slice(0, 40)}${token!.value[40] === 'A' ? 'B' : 'A'}${token!.value.slice(41)}`;
  const before = siteLogLines().length;
  const response = await fetch(CONFIRM, { headers: { cookie: `authjs.session-token=${flipped}` } });
  expect(await response.text()).toContain(notSignedIn);
  const lines = await awaitNewLines(before, (line) => line.event === 'session-cookie-rejected');
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(
    siteLogLines()
      .slice(before)
      .filter((line) => line.event === 'session-cookie-rejected'),
  ).toHaveLength(1);
  expect(lines[0]?.reason).toBe('undecryptable');
  expect(JSON.stringify(lines[0])).not.toContain(flipped.slice(0, 40));
});

// Done when 1 (issue 16): a console cookie copied before sign-out is refused on search, reset and audit after it,
// and so is one whose session is past its lifetime (the Entra stand-in's login clock set back, not a sleep). Each
// refused request writes exactly one `console.session-refused` line, without the cookie, and changes nothing.
import { expect, test, type BrowserContext } from '@playwright/test';
import { consolePaths, kariResetForm, KARI_ACCOUNT, loginToConsole, staff } from './support/console';
import { graphAdmin } from './support/graph-admin';
import { person } from './support/people';
import { recordsSince } from './support/records';
import { awaitNewLines, siteLogLines } from './support/site-log';

const SITE = 'http://localhost:3000';
const signInButton = 'Logg inn med Microsoft Entra ID';

async function cookieHeader(context: BrowserContext): Promise<string> {
  return (await context.cookies(SITE)).map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');
}

/** One request with the copied cookie; returns its status and text, and the refusal lines it logged. */
async function withCopiedCookie(cookie: string, path: string, init: RequestInit = {}) {
  const before = siteLogLines().length;
  const response = await fetch(`${SITE}${path}`, {
    ...init,
    redirect: 'manual',
    headers: { cookie, ...(init.headers as Record<string, string>) },
  });
  const text = await response.text();
  await awaitNewLines(before, (line) => line.event === 'console.session-refused');
  await new Promise((resolve) => setTimeout(resolve, 300)); // a second line, if any, would be there by now
  const lines = siteLogLines()
    .slice(before)
    .filter((line) => line.event === 'console.session-refused');
  return { status: response.status, location: response.headers.get('location'), text, lines };
}

/** Search, reset (a complete, valid form posted from the site's origin) and audit, each with the cookie. */
async function expectRefusedEverywhere(cookie: string, reason: string) {
  const kariBefore = await graphAdmin.user(person('desk-two-phones').nationalId);
  const since = new Date();

  const search = await withCopiedCookie(cookie, `${consolePaths.search.nb}?q=kari.skrank`);
  expect(search.status).toBe(200);
  expect(search.text).toContain(signInButton);
  expect(search.text).not.toContain('data-testid="search-results"');

  const reset = await withCopiedCookie(cookie, '/api/servicedesk/reset', {
    method: 'POST',
    headers: { origin: SITE, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(kariResetForm()).toString(),
  });
  expect(reset.status).toBe(303);
  expect(new URL(reset.location ?? '').pathname).toBe(consolePaths.home.nb);

  const resetPage = await withCopiedCookie(cookie, `${consolePaths.reset.nb}?account=${KARI_ACCOUNT}`);
  expect(resetPage.text).toContain(signInButton);
  expect(resetPage.text).not.toContain('Nullstill nå');

  const audit = await withCopiedCookie(cookie, consolePaths.audit.nb);
  expect(audit.text).toContain(signInButton);
  expect(audit.text).not.toContain('data-testid="audit-table"');

  for (const refused of [search, reset, resetPage, audit]) {
    expect(refused.lines).toHaveLength(1);
    expect(refused.lines[0]).toMatchObject({ reason, agentId: staff('agent').oid });
    expect(JSON.stringify(refused.lines[0])).not.toContain(cookie.slice(-40));
  }
  expect(await graphAdmin.user(person('desk-two-phones').nationalId)).toEqual(kariBefore);
  expect((await recordsSince(since)).filter((record) => record.channel === 'service-desk')).toEqual([]);
}

test('a console cookie copied before sign-out is refused on search, reset and audit after it', async ({
  page,
  context,
}) => {
  await graphAdmin.reset();
  await loginToConsole(page, 'agent');
  await page.goto(`${consolePaths.search.nb}?q=kari.skrank`);
  await expect(page.getByTestId('search-results')).toBeVisible();
  const copied = await cookieHeader(context);
  // The copy works while the session lives.
  expect(
    (await fetch(`${SITE}${consolePaths.audit.nb}`, { headers: { cookie: copied } }).then((r) => r.text())).includes(
      'data-testid="audit-table"',
    ),
  ).toBe(true);

  await page.getByRole('button', { name: 'Logg ut' }).click();
  await expect(page.getByTestId('console-signed-out')).toBeVisible();
  await expectRefusedEverywhere(copied, 'ended');
});

test('a console session past its lifetime is refused everywhere, whatever its cookie says', async ({
  page,
  context,
}) => {
  await graphAdmin.reset();
  // The stand-in dates the Entra login 8 hours and a minute back: the session's lifetime (8 h) is over.
  await loginToConsole(page, 'agent', { minutesAgo: 8 * 60 + 1 });
  const cookie = await cookieHeader(context);
  expect(cookie).toContain('tofaktor-console-session=');
  await expect(page.getByTestId('console-signed-in')).toHaveCount(0);
  await expectRefusedEverywhere(cookie, 'lifetime-exceeded');
});

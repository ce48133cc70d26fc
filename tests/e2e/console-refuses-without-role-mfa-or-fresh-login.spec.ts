// Done when 2 and 3 (issue 10): a staff member without a role, an agent without MFA, an auditor trying to reset,
// an agent whose login is too old and an agent trying to reset a protected account are each refused with the right
// page, and nothing changes in the directory; the refusals of a reset attempt are recorded.
import { expect, test } from '@playwright/test';
import { consolePaths, kariResetForm, loginToConsole, postFromPage, staff } from './support/console';
import { graphAdmin } from './support/graph-admin';
import { person } from './support/people';
import { recordsSince } from './support/records';

const consoleCookie = 'tofaktor-console-session';

test('a staff member without a console role gets the 403 page and no console session', async ({ page, context }) => {
  await loginToConsole(page, 'no-role');
  expect(new URL(page.url()).pathname).toBe(consolePaths.forbidden.nb);
  await expect(page.getByTestId('console-forbidden-no-role')).toContainText('Ingen tilgang (403)');
  expect((await page.request.get(page.url())).status()).toBe(403);
  expect((await context.cookies()).map((cookie) => cookie.name)).not.toContain(consoleCookie);
  await page.goto(consolePaths.search.nb);
  await expect(page.getByRole('button', { name: 'Logg inn med Microsoft Entra ID' })).toBeVisible();
  await expect(page.getByRole('searchbox')).toHaveCount(0);
});

test('an agent whose login lacks MFA is refused and gets no console session', async ({ page, context }) => {
  await loginToConsole(page, 'agent-no-mfa', { locale: 'en' });
  expect(new URL(page.url()).pathname).toBe(consolePaths.forbidden.en);
  await expect(page.getByTestId('console-forbidden-no-mfa')).toContainText('did not use two-factor');
  expect((await context.cookies()).map((cookie) => cookie.name)).not.toContain(consoleCookie);
});

test('a staff login that fails at Entra ID lands on the refusal page saying so, with a way to sign in again', async ({
  page,
  context,
}) => {
  await page.goto(consolePaths.home.en);
  await page.getByRole('button', { name: 'Sign in with Microsoft Entra ID' }).click();
  await page.waitForURL(/127\.0\.0\.1:4030/);
  const landing = page.waitForResponse((response) => new URL(response.url()).pathname === consolePaths.forbidden.en);
  await page.getByRole('button', { name: 'Cancel' }).click();
  expect((await landing).status()).toBe(403);
  await expect(page.getByTestId('console-forbidden-login-failed')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign in with Microsoft Entra ID' })).toBeVisible();
  expect((await context.cookies()).map((cookie) => cookie.name)).not.toContain(consoleCookie);
});

test('an auditor can neither open the reset page nor post a reset, and nothing changes', async ({ page }) => {
  await graphAdmin.reset();
  const since = new Date();
  const before = await graphAdmin.user(person('desk-two-phones').nationalId);
  await loginToConsole(page, 'auditor');
  const refused = await page.goto(`${consolePaths.reset.nb}?account=${before.id}`);
  expect(refused?.status()).toBe(403);
  expect(new URL(page.url()).pathname).toBe(consolePaths.forbidden.nb);
  await expect(page.getByTestId('console-forbidden-role')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Nullstill nå' })).toHaveCount(0);
  await page.goto(consolePaths.search.nb);
  await expect(page.getByTestId('console-forbidden-role')).toBeVisible();

  const posted = await postFromPage(page, '/api/servicedesk/reset', kariResetForm());
  expect(new URL(posted.url).pathname).toBe(consolePaths.forbidden.nb);
  expect(await graphAdmin.user(person('desk-two-phones').nationalId)).toEqual(before);
  expect((await recordsSince(since)).filter((record) => record.channel === 'service-desk')).toEqual([]);
});

test('an agent whose login is older than the reset allows is asked to sign in again; a posted reset is refused and recorded', async ({
  page,
}) => {
  await graphAdmin.reset();
  const since = new Date();
  const before = await graphAdmin.user(person('desk-two-phones').nationalId);
  await loginToConsole(page, 'agent', { minutesAgo: 20 });
  await page.goto(`${consolePaths.reset.nb}?account=${before.id}`);
  await expect(page.getByTestId('console-stale-login')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Nullstill nå' })).toHaveCount(0);

  const posted = await postFromPage(page, '/api/servicedesk/reset', kariResetForm());
  expect(new URL(posted.url).pathname).toBe(consolePaths.result.nb);
  await page.goto(posted.url);
  await expect(page.getByTestId('outcome-refused-stale-staff-login')).toBeVisible();
  expect(await graphAdmin.user(person('desk-two-phones').nationalId)).toEqual(before);
  const records = (await recordsSince(since)).filter((record) => record.channel === 'service-desk');
  expect(records).toMatchObject([
    { outcome: 'refused', reason: 'stale-staff-login', agentId: staff('agent').oid, verificationKind: 'passport' },
  ]);
});

test('an agent cannot reset a member of a protected group: refused on the page and on a post, both recorded', async ({
  page,
}) => {
  await graphAdmin.reset();
  const since = new Date();
  const per = person('desk-protected');
  const before = await graphAdmin.user(per.nationalId);
  await loginToConsole(page, 'agent');
  await page.goto(`${consolePaths.search.nb}?q=per.admin`);
  await page.getByRole('link', { name: 'Nullstill for Per Administratorsen' }).click();
  await expect(page.getByTestId('refusal-protected-account')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Nullstill nå' })).toHaveCount(0);

  const posted = await postFromPage(page, '/api/servicedesk/reset', [
    ['locale', 'nb'],
    ['account', before.id],
    ['verification', 'national-id-card'],
    ['method', 'a1a1a1a1-0000-4000-8000-000000000204'],
  ]);
  await page.goto(posted.url);
  await expect(page.getByTestId('outcome-refused-protected-account')).toBeVisible();
  expect(await graphAdmin.user(per.nationalId)).toEqual(before);
  const deletes = (await graphAdmin.requests()).requests.filter((request) => request.method === 'DELETE');
  expect(deletes).toEqual([]);
  const records = (await recordsSince(since)).filter((record) => record.channel === 'service-desk');
  expect(records.map((record) => [record.outcome, record.reason, record.accountId, record.agentId])).toEqual([
    ['refused', 'protected-account', before.id, staff('agent').oid],
    ['refused', 'protected-account', before.id, staff('agent').oid],
  ]);
});

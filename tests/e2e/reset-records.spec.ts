// Points 1–3 of the reset, each attempt checked in three places: the page, the Graph stand-in's
// directory and the audit records. `npm run test:e2e` runs this file on PGlite and on PostgreSQL.
import { expect, test } from '@playwright/test';
import { graphAdmin, removable } from './support/graph-admin';
import { confirmPath, confirmReset, loginFromResetGuide } from './support/login';
import { person } from './support/people';
import { recordsOf, recordsSince } from './support/records';

test.beforeEach(async () => {
  await graphAdmin.reset();
});

test('two Authenticators: listed, removed, sessions revoked, one success record', async ({ page }) => {
  const someone = person('two-authenticators');
  const before = await graphAdmin.user(someone.nationalId);
  const devices = removable(before).map((method) => method.displayName ?? '');
  expect(devices).toHaveLength(2);

  await loginFromResetGuide(page, someone.nationalId);
  await expect(page).toHaveURL(new RegExp(`${confirmPath.nb}$`));
  const toRemove = page.getByTestId('methods-to-remove').getByRole('listitem');
  await expect(toRemove).toHaveCount(2);
  for (const device of devices) await expect(page.getByTestId('methods-to-remove')).toContainText(device);
  // The username is masked; the full one is not on the page.
  await expect(page.getByTestId('account-upn')).toHaveText(/^\w\*\*\*\w@oslomet\.no$/);
  await expect(page.locator('body')).not.toContainText(before.userPrincipalName);

  await confirmReset(page);
  await expect(page.getByTestId('outcome-success')).toBeVisible();
  await expect(page.getByTestId('removed-methods').getByRole('listitem')).toHaveCount(2);
  // With everything gone a pass is shown; the guide link comes after "I have written it down" (issue 17).
  await page.getByRole('button', { name: 'Jeg har skrevet det ned' }).click();
  await expect(page.getByRole('link', { name: /Gå til veiledningen for aktivering/ })).toHaveAttribute(
    'href',
    '/nb/aktiver',
  );

  const after = await graphAdmin.user(someone.nationalId);
  expect(removable(after)).toEqual([]);
  // The password stays; with everything removable gone, a Temporary Access Pass (TAP_ENABLED in the e2e run) joins it.
  expect(after.methods.map((method) => method.type)).toEqual(['password', 'temporaryAccessPass']);
  expect(after.sessionsRevokedAt).not.toBeNull();

  const records = await recordsOf(someone.nationalId);
  expect(records).toHaveLength(1);
  expect(records[0]).toMatchObject({ outcome: 'success', accountId: before.id, sessionsRevoked: true });
  expect(records[0]?.removed.map((method) => method.id).sort()).toEqual(
    removable(before)
      .map((m) => m.id)
      .sort(),
  );
});

test('an Authenticator that is the default method, next to a software OATH token: both removed', async ({ page }) => {
  const someone = person('authenticator-default-with-oath');
  const before = await graphAdmin.user(someone.nationalId);
  expect(
    removable(before)
      .map((method) => method.type)
      .sort(),
  ).toEqual(['microsoftAuthenticator', 'softwareOath']);

  await loginFromResetGuide(page, someone.nationalId);
  await expect(page.getByTestId('methods-to-remove').getByRole('listitem')).toHaveCount(2);
  await confirmReset(page);
  await expect(page.getByTestId('outcome-success')).toBeVisible();

  // Whether Graph refused the default first depends on which parallel DELETE lands first; the
  // ordering itself is proven in tests/unit/directory.test.ts. Here: both are gone.
  expect(removable(await graphAdmin.user(someone.nationalId))).toEqual([]);
  const records = await recordsOf(someone.nationalId);
  expect(records.map((record) => record.outcome)).toEqual(['success']);
  expect(records[0]?.removed).toHaveLength(2);
});

const refusals = [
  { key: 'no-account', testId: 'refusal-no-account', reason: 'no-account' },
  { key: 'shared-number', testId: 'refusal-several-accounts', reason: 'several-accounts' },
] as const;

for (const refusal of refusals) {
  test(`${refusal.key}: refused, nothing changed, one refused record`, async ({ page }) => {
    const someone = person(refusal.key);
    const before = await graphAdmin.users(someone.nationalId);
    await loginFromResetGuide(page, someone.nationalId);
    await expect(page.getByTestId(refusal.testId)).toBeVisible();
    await expect(page.getByRole('button', { name: 'Nullstill nå' })).toHaveCount(0);
    expect(await graphAdmin.users(someone.nationalId)).toEqual(before);
    expect((await graphAdmin.requests()).requests.filter((request) => request.method !== 'GET')).toEqual([]);
    const records = await recordsOf(someone.nationalId);
    expect(records.map((record) => [record.outcome, record.reason])).toEqual([['refused', refusal.reason]]);
  });
}

test('a login older than the freshness window is refused; a fresh login then works', async ({ page }) => {
  const someone = person('stale-login');
  const before = await graphAdmin.user(someone.nationalId);
  await loginFromResetGuide(page, someone.nationalId, { minutesAgo: 15 });
  await expect(page.getByTestId('refusal-stale-login')).toBeVisible();
  expect(await graphAdmin.user(someone.nationalId)).toEqual(before);
  expect((await recordsOf(someone.nationalId)).map((record) => [record.outcome, record.reason])).toEqual([
    ['refused', 'stale-login'],
  ]);

  // "Log in again" asks ID-porten for a fresh login (prompt=login), not the old session.
  await page.getByRole('button', { name: 'Logg inn på nytt' }).click();
  await page.waitForURL(/127\.0\.0\.1:4010/);
  await page.locator('input[name="pid"]').fill(someone.nationalId);
  await page.locator('select[name="acr"]').selectOption('idporten-loa-high');
  await page.getByRole('button', { name: 'Logg inn', exact: true }).click();
  await page.waitForURL(new RegExp(`${confirmPath.nb}$`));
  await expect(page.getByTestId('methods-to-remove').getByRole('listitem')).toHaveCount(2);
});

test('an assurance level below the required one gives no session and changes nothing', async ({ page }) => {
  const someone = person('low-assurance');
  const before = await graphAdmin.user(someone.nationalId);
  await loginFromResetGuide(page, someone.nationalId, { acr: 'idporten-loa-substantial' });
  await expect(page.getByTestId('refusal-low-assurance')).toBeVisible();
  await page.goto(confirmPath.nb);
  await expect(page.getByRole('heading', { name: 'Du er ikke logget inn' })).toBeVisible();
  expect(await graphAdmin.user(someone.nationalId)).toEqual(before);
  expect((await recordsOf(someone.nationalId)).map((record) => [record.outcome, record.reason])).toEqual([
    ['refused', 'low-assurance'],
  ]);
});

test('a login without a national identity number gets the service desk and no session', async ({ page }) => {
  const since = new Date(Date.now() - 1000);
  const stateBefore = await graphAdmin.requests();
  await loginFromResetGuide(page, person('two-authenticators').nationalId, { noPid: true });
  await expect(page).toHaveURL(/\/nb\/nullstill\/mangler-fodselsnummer$/);
  await expect(page.getByTestId('no-national-id')).toBeVisible();
  await expect(page.locator('main').getByRole('heading', { name: 'IT-servicedesk' })).toBeVisible();
  await page.goto(confirmPath.nb);
  await expect(page.getByRole('heading', { name: 'Du er ikke logget inn' })).toBeVisible();
  expect((await graphAdmin.requests()).requests).toEqual(stateBefore.requests);
  const records = (await recordsSince(since)).filter((record) => record.reason === 'no-national-id');
  expect(records).toHaveLength(1);
  expect(records[0]).toMatchObject({ outcome: 'refused', accountId: null });
});

test('after three resets in a day the fourth is refused, and says when to come back', async ({ page }) => {
  const someone = person('rate-limited');
  for (let attempt = 1; attempt <= 3; attempt += 1) {
    await graphAdmin.reset();
    await loginFromResetGuide(page, someone.nationalId);
    await confirmReset(page);
    await expect(page.getByTestId('outcome-success')).toBeVisible();
  }
  await graphAdmin.reset();
  const before = await graphAdmin.user(someone.nationalId);
  await loginFromResetGuide(page, someone.nationalId);
  await expect(page.getByTestId('refusal-rate-limited-person')).toBeVisible();
  await expect(page.getByTestId('refusal-rate-limited-person')).toContainText('3 ganger');
  expect(await graphAdmin.user(someone.nationalId)).toEqual(before);
  const records = await recordsOf(someone.nationalId);
  expect(records.map((record) => record.outcome)).toEqual(['success', 'success', 'success', 'refused']);
  expect(records[3]?.reason).toBe('rate-limited-person');
});

test('Graph answering 429 with Retry-After: 1 once: the reset still succeeds', async ({ page }) => {
  const someone = person('retry-after');
  const user = await graphAdmin.user(someone.nationalId);
  await loginFromResetGuide(page, someone.nationalId);
  await graphAdmin.faults({
    rules: [{ method: 'DELETE', pathContains: user.id, status: 429, times: 1, retryAfterSeconds: 1 }],
  });
  await confirmReset(page);
  await expect(page.getByTestId('outcome-success')).toBeVisible();
  expect(removable(await graphAdmin.user(someone.nationalId))).toEqual([]);
  const deletes = (await graphAdmin.requests()).requests.filter((request) => request.method === 'DELETE');
  expect(deletes.map((request) => request.status).sort()).toEqual([204, 204, 429]);
  expect((await recordsOf(someone.nationalId)).map((record) => record.outcome)).toEqual(['success']);
});

test('a 500 on one of two removals: the page names what stayed, the record says partial, a retry completes it', async ({
  page,
}) => {
  const someone = person('partial-failure');
  const user = await graphAdmin.user(someone.nationalId);
  const [failing, passing] = removable(user);
  if (!failing || !passing) throw new Error('fixture person needs two registrations');
  await loginFromResetGuide(page, someone.nationalId);
  await graphAdmin.faults({ rules: [{ method: 'DELETE', pathContains: failing.id, status: 500, times: 1 }] });
  await confirmReset(page);

  await expect(page.getByTestId('outcome-partial')).toBeVisible();
  await expect(page.getByTestId('removed-methods')).toContainText(passing.displayName ?? '');
  await expect(page.getByTestId('not-removed-methods')).toContainText(failing.displayName ?? '');
  expect(removable(await graphAdmin.user(someone.nationalId)).map((method) => method.id)).toEqual([failing.id]);
  let records = await recordsOf(someone.nationalId);
  expect(records.map((record) => record.outcome)).toEqual(['partial']);
  expect(records[0]?.removed.map((method) => method.id)).toEqual([passing.id]);
  expect(records[0]?.notRemoved.map((method) => method.id)).toEqual([failing.id]);

  const firstResult = page.url();
  await page.getByRole('button', { name: 'Prøv igjen' }).click();
  await page.waitForURL((url) => url.href !== firstResult && url.pathname === '/nb/nullstill/resultat');
  await expect(page.getByTestId('outcome-success')).toBeVisible();
  expect(removable(await graphAdmin.user(someone.nationalId))).toEqual([]);
  records = await recordsOf(someone.nationalId);
  expect(records.map((record) => record.outcome)).toEqual(['partial', 'success']);
  expect(records[1]?.removed.map((method) => method.id)).toEqual([failing.id]);
});

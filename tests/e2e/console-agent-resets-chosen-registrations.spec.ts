// Done when 1 (issue 10): an agent logs in at the Entra stand-in, finds a person by username, records "passport",
// unticks one of two phones and resets: only the chosen registration is gone from the stand-in, the record names
// the channel, the agent and the verification; with TAP on, a full reset shows the pass to the agent once.
import { expect, test } from '@playwright/test';
import { consolePaths, loginToConsole, openResetFor, staff } from './support/console';
import { graphAdmin, passes, removable } from './support/graph-admin';
import { person } from './support/people';
import { recordsSince } from './support/records';

test('an agent resets only the phone the person lost, and the record names channel, agent and verification', async ({
  page,
}) => {
  await graphAdmin.reset();
  const since = new Date();
  const kari = person('desk-two-phones');
  await loginToConsole(page, 'agent');
  await expect(page.getByTestId('console-signed-in')).toContainText('Anne Agent');

  // Found by the start of the username; the list shows the display name and the masked username only.
  await page.goto(`${consolePaths.search.nb}?q=kari.skrank`);
  const results = page.getByTestId('search-results');
  await expect(results).toContainText('Kari Skrankesen');
  await expect(results).toContainText('k***n@oslomet.no');
  await expect(results).not.toContainText('kari.skrankesen@oslomet.no');
  await openResetFor(page, 'kari.skrank', 'Kari Skrankesen');

  // The same list as the self-service confirm page: both phones, ticked.
  const choices = page.getByTestId('methods-to-remove').getByRole('checkbox');
  await expect(choices).toHaveCount(2);
  await page.getByRole('radio', { name: 'Pass', exact: true }).check();
  await page.getByLabel('Saksnummer i servicedesken (valgfritt)').fill('INC0012345');
  await page.getByRole('checkbox', { name: /iPhone 13/ }).uncheck();
  const [response] = await Promise.all([
    page.waitForResponse((r) => new URL(r.url()).pathname === consolePaths.result.nb),
    page.getByRole('button', { name: 'Nullstill nå' }).click(),
  ]);
  expect(response.headers()['cache-control']).toContain('no-store');
  await expect(page.getByTestId('outcome-success')).toBeVisible();
  await expect(page.getByTestId('removed-methods')).toContainText('Galaxy S23');
  await expect(page.getByTestId('removed-methods')).not.toContainText('iPhone 13');
  // Something stays, so no pass is due.
  await expect(page.getByTestId('tap-shown')).toHaveCount(0);

  const left = removable(await graphAdmin.user(kari.nationalId)).map((method) => method.displayName);
  expect(left).toEqual(['iPhone 13']);

  const records = (await recordsSince(since)).filter((record) => record.channel === 'service-desk');
  expect(records).toHaveLength(1);
  expect(records[0]).toMatchObject({
    outcome: 'success',
    channel: 'service-desk',
    agentId: staff('agent').oid,
    verificationKind: 'passport',
    ticketReference: 'INC0012345',
    accountId: 'd1d1d1d1-0000-4000-8000-000000000201',
  });
  expect(records[0]?.removed.map((method) => method.label)).toEqual(['Galaxy S23']);
  const reference = new URL(page.url()).searchParams.get('ref');
  expect(records[0]?.requestId).toBe(reference);
  // Issue 17: the notice tells the person the desk did it, after which identity check, and how to undo it.
  const notices = (await graphAdmin.mail()).filter((mail) => mail.content.includes(reference ?? 'missing'));
  expect(notices).toHaveLength(1);
  expect(notices[0]?.content).toContain('ble nullstilt');
  expect(notices[0]?.content).toContain('av IT-servicedesk. Den som ba om det, viste fram pass i skranken.');
  expect(notices[0]?.content).not.toContain('logget inn med ID-porten på nettstedet');
  expect(notices[0]?.content).toContain('http://localhost:3000/nb/nullstill/ikke-meg');

  // The agent looks up the person's history by username: this attempt, with agent and verification.
  await page.goto(`${consolePaths.audit.nb}?username=${encodeURIComponent('kari.skrankesen@oslomet.no')}`);
  const row = page.getByTestId('audit-table').locator(`tr[data-reference="${reference}"]`);
  await expect(row).toContainText('Servicedesk');
  await expect(row).toContainText(staff('agent').oid);
  await expect(row).toContainText('Pass (INC0012345)');
  await expect(page.getByTestId('audit-table').locator('tbody tr')).toHaveCount(1);
});

test('with TAP on, a full reset shows the pass to the agent once, and a reload shows only that it was issued', async ({
  page,
}) => {
  await graphAdmin.reset();
  const leif = person('desk-one-phone');
  await loginToConsole(page, 'agent', { locale: 'en' });
  await openResetFor(page, 'Leif', 'Leif Skrankesen', 'en');
  await page.getByRole('radio', { name: 'Residence card' }).check();
  await page.getByRole('button', { name: 'Reset now' }).click();
  await page.waitForURL(new RegExp(`${consolePaths.result.en}\\?ref=`));
  await expect(page.getByTestId('tap-shown')).toBeVisible();
  const shown = (await page.getByTestId('tap-value').textContent())?.trim() ?? '';
  const [pass] = passes(await graphAdmin.user(leif.nationalId));
  expect(pass?.temporaryAccessPass).toBe(shown);
  expect(removable(await graphAdmin.user(leif.nationalId))).toEqual([]);

  await page.reload();
  await expect(page.getByTestId('tap-issued-before')).toBeVisible();
  expect(await page.content()).not.toContain(shown);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the agent signs in, finds the person, resets only the lost phone and signs out, all with plain forms', async ({
    page,
  }) => {
    await graphAdmin.reset();
    const since = new Date();
    const siv = person('desk-two-phones-nojs');
    await loginToConsole(page, 'agent');
    await expect(page.getByTestId('console-signed-in')).toContainText('Anne Agent');

    await page.goto(consolePaths.search.nb);
    await page.getByLabel('Navn eller brukernavn').fill('siv.utan');
    await page.getByLabel('Navn eller brukernavn').press('Enter');
    await page.waitForURL(/\?q=siv\.utan/);
    await expect(page.getByTestId('search-results')).toContainText('Siv Utanskript');
    await page.getByRole('link', { name: 'Nullstill for Siv Utanskript' }).click();
    await expect(page.getByTestId('account-name')).toHaveText('Siv Utanskript');

    await page.getByRole('radio', { name: 'Pass', exact: true }).check();
    await page.getByRole('checkbox', { name: /iPhone 13/ }).uncheck();
    await page.getByRole('button', { name: 'Nullstill nå' }).click();
    await page.waitForURL(new RegExp(`${consolePaths.result.nb}\\?ref=`));
    await expect(page.getByTestId('outcome-success')).toBeVisible();
    await expect(page.getByTestId('removed-methods')).toContainText('Galaxy S23');
    await expect(page.getByTestId('removed-methods')).not.toContainText('iPhone 13');

    expect(removable(await graphAdmin.user(siv.nationalId)).map((method) => method.displayName)).toEqual(['iPhone 13']);
    const records = (await recordsSince(since)).filter((record) => record.channel === 'service-desk');
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      outcome: 'success',
      agentId: staff('agent').oid,
      verificationKind: 'passport',
      accountId: 'd1d1d1d1-0000-4000-8000-000000000205',
    });
    expect(records[0]?.requestId).toBe(new URL(page.url()).searchParams.get('ref'));

    // Without JavaScript, Entra's sign-out takes one press of its button.
    await page.getByRole('button', { name: 'Logg ut' }).click();
    await page.waitForURL(/127\.0\.0\.1:4030/);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/localhost:3000/);
    await expect(page.getByTestId('console-signed-out')).toBeVisible();
    await expect(page.getByTestId('console-signed-in')).toHaveCount(0);
  });
});

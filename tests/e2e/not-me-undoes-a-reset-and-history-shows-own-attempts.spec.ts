// Done when 4 and 5 (issue 17). "This wasn't me": after a reset and a registration someone else made, the person
// logs in with ID-porten and presses one button: the new registration and the unused pass are removed, sessions are
// revoked, a record is written and the service desk gets exactly one alert. The notice links to that page. The
// history page shows exactly the person's own attempts and none of anyone else's. Both new pages pass axe and work
// by keyboard in nb, nn and en, signed in or not.
import { expect, test, type Page } from '@playwright/test';
import { axeViolations } from './support/accessibility';
import { graphAdmin, passes, removable } from './support/graph-admin';
import { confirmReset, loginFromResetGuide, type Locale } from './support/login';
import { person } from './support/people';
import { loginToConsole, openResetFor, staff } from './support/console';
import { recordsOf, recordsSince } from './support/records';

const DESK = 'it-servicedesk@oslomet.example';
const notMePath = { nb: '/nb/nullstill/ikke-meg', nn: '/nn/nullstill/ikkje-meg', en: '/en/reset/not-me' } as const;
const historyPath = { nb: '/nb/nullstill/historikk', nn: '/nn/nullstill/historikk', en: '/en/reset/history' } as const;

test('"this wasn\'t me" removes what was registered after the reset and the unused pass, signs out, records and alerts once', async ({
  page,
}) => {
  await graphAdmin.reset();
  const someone = person('not-me-flow');
  await loginFromResetGuide(page, someone.nationalId);
  await confirmReset(page);
  await expect(page.getByTestId('tap-shown')).toBeVisible();
  // The notice says who did it and links to the page; the link carries nothing about the person.
  const [notice] = await graphAdmin.mail();
  expect(notice?.content).toContain('logget inn med ID-porten');
  expect(notice?.content).toContain(`http://localhost:3000${notMePath.nb}`);
  expect(notice?.content).not.toMatch(/ikke-meg\?/);

  // Someone else registers their phone with the pass.
  const intruder = await graphAdmin.registerAuthenticator(someone.nationalId, 'Ukjent telefon');
  const before = await graphAdmin.user(someone.nationalId);
  expect(passes(before)).toHaveLength(1);

  await page.goto(notMePath.nb);
  const preview = page.getByTestId('not-me-to-remove');
  await expect(preview).toContainText('Microsoft Authenticator på «Ukjent telefon»');
  await expect(preview).toContainText('Midlertidig tilgangspass');
  expect(await axeViolations(page)).toEqual([]);
  // The keyboard alone reaches the one button.
  await tabTo(page, 'Dette var ikke meg – angre');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/nb\/nullstill\/ikke-meg\?done=/);
  await expect(page.getByTestId('not-me-done')).toContainText('Nullstillingen er angret');
  await expect(page.getByTestId('not-me-removed')).toContainText('Ukjent telefon');
  expect(await axeViolations(page)).toEqual([]);

  const after = await graphAdmin.user(someone.nationalId);
  expect(removable(after)).toEqual([]);
  expect(passes(after)).toEqual([]);
  expect(after.methods.map((method) => method.id)).not.toContain(intruder.id);
  expect(Date.parse(after.sessionsRevokedAt ?? '')).toBeGreaterThan(Date.parse(before.sessionsRevokedAt ?? '') || 0);

  const alerts = (await graphAdmin.mail()).filter((mail) => mail.toRecipients.includes(DESK));
  expect(alerts).toHaveLength(1);
  expect(alerts[0]?.content).toContain(someone.accounts[0]?.userPrincipalName);
  expect(JSON.stringify(alerts)).not.toContain(someone.nationalId);

  const records = await recordsOf(someone.nationalId);
  const undo = records.at(-1);
  expect(undo).toMatchObject({ outcome: 'success', reason: 'not-me', sessionsRevoked: true, deskAlerted: true });
  expect(undo?.removed.map((method) => method.type).sort()).toEqual(['microsoftAuthenticator', 'temporaryAccessPass']);
  // A reload shows the record, and undoes nothing twice.
  await page.reload();
  await expect(page.getByTestId('not-me-done')).toBeVisible();
  expect(await recordsOf(someone.nationalId)).toHaveLength(records.length);
  expect((await graphAdmin.mail()).filter((mail) => mail.toRecipients.includes(DESK))).toHaveLength(1);
});

test("the history page shows exactly the person's own attempts, and none of anyone else's", async ({ browser }) => {
  await graphAdmin.reset();
  const since = new Date();
  const a = person('history-a');
  const b = person('history-b');
  const contextA = await browser.newContext();
  const contextB = await browser.newContext();
  const pageA = await contextA.newPage();
  const pageB = await contextB.newPage();
  // A: the service desk removes the iPad, then A resets the Galaxy themselves; B: one reset of their own.
  const deskContext = await browser.newContext();
  const deskPage = await deskContext.newPage();
  await loginToConsole(deskPage, 'agent');
  await openResetFor(deskPage, 'hedda.hist', 'Hedda Historiesen');
  await deskPage.getByRole('radio', { name: 'Pass', exact: true }).check();
  await deskPage.getByRole('checkbox', { name: /Galaxy A54/ }).uncheck();
  await deskPage.getByRole('button', { name: 'Nullstill nå' }).click();
  await expect(deskPage.getByTestId('outcome-success')).toBeVisible();
  await deskContext.close();
  await loginFromResetGuide(pageA, a.nationalId);
  await confirmReset(pageA);
  await loginFromResetGuide(pageB, b.nationalId);
  await confirmReset(pageB);

  await pageA.goto(historyPath.nb);
  // A's own attempt by the hash of the national id, the desk's by A's account (the desk records no national id).
  const deskRefs = (await recordsSince(since))
    .filter((record) => record.channel === 'service-desk' && record.accountId === a.accounts[0]?.id)
    .map((record) => record.requestId);
  expect(deskRefs).toHaveLength(1);
  const ownRefs = [...(await recordsOf(a.nationalId)).map((record) => record.requestId).reverse(), ...deskRefs];
  const otherRefs = (await recordsOf(b.nationalId)).map((record) => record.requestId);
  expect(ownRefs).toHaveLength(2);
  const shown = await pageA
    .getByTestId('history-attempt')
    .evaluateAll((items) => items.map((item) => item.getAttribute('data-ref')));
  expect(shown).toEqual(ownRefs);
  for (const ref of otherRefs) expect(await pageA.content()).not.toContain(ref);
  await expect(pageA.getByTestId('history-attempt').first()).toContainText('Galaxy A54');
  await expect(pageA.getByTestId('history-attempt').first()).toContainText('Deg, på dette nettstedet (ID-porten)');
  // The desk as a service, never the agent.
  await expect(pageA.getByTestId('history-attempt').last()).toContainText('iPad');
  await expect(pageA.getByTestId('history-attempt').last()).toContainText('IT-servicedesk');
  await expect(pageA.locator('main')).not.toContainText('Anne Agent');
  await expect(pageA.locator('main')).not.toContainText(staff('agent').oid);
  expect(await axeViolations(pageA)).toEqual([]);

  await pageB.goto(historyPath.nb);
  await expect(pageB.getByTestId('history-attempt')).toHaveCount(1);
  for (const ref of ownRefs) expect(await pageB.content()).not.toContain(ref);
  await contextA.close();
  await contextB.close();
});

async function tabTo(page: Page, name: string) {
  const button = page.getByRole('button', { name });
  for (
    let step = 0;
    step < 40 && !(await button.evaluate((element) => element === document.activeElement));
    step += 1
  ) {
    await page.keyboard.press('Tab');
  }
  await expect(button).toBeFocused();
}

async function reflows(page: Page) {
  await page.setViewportSize({ width: 320, height: 800 });
  expect(
    await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
  ).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 800 });
}

const loginButton = {
  nb: 'Logg inn med ID-porten',
  nn: 'Logg inn med ID-porten',
  en: 'Sign in with ID-porten',
} as const;
const historyLogin = {
  nb: 'Logg inn med ID-porten',
  nn: 'Logg inn med ID-porten',
  en: 'Sign in with ID-porten',
} as const;

for (const locale of ['nb', 'nn', 'en'] as Locale[]) {
  test(`"this wasn't me" and the history pass axe and reflow signed in, and the sign-out is reached by keyboard (${locale})`, async ({
    page,
  }) => {
    await graphAdmin.reset();
    // Someone with nothing to undo: the pages' signed-in states without a reset of their own.
    await loginFromResetGuide(page, person('nothing-ticked').nationalId, { locale });
    for (const path of [notMePath[locale], historyPath[locale]]) {
      await page.goto(path);
      await expect(page.locator('h1')).toHaveCount(1);
      expect(await axeViolations(page)).toEqual([]);
      await reflows(page);
      await tabTo(page, { nb: 'Logg ut', nn: 'Logg ut', en: 'Sign out' }[locale]);
    }
  });

  test(`"this wasn't me" and the history pass axe, reflow and work by keyboard, signed out (${locale})`, async ({
    page,
  }) => {
    for (const [path, button] of [
      [notMePath[locale], loginButton[locale]],
      [historyPath[locale], historyLogin[locale]],
    ] as const) {
      await page.goto(path);
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      await expect(page.locator('h1')).toHaveCount(1);
      expect(await axeViolations(page)).toEqual([]);
      await reflows(page);
      // The keyboard alone reaches the login, which leads to ID-porten and back to this page.
      await tabTo(page, button);
      await page.keyboard.press('Enter');
      await page.waitForURL(/127\.0\.0\.1:4010/);
      await page.goBack();
    }
  });
}

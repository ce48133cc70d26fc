// Security invariant 10: an ID-porten session never opens the console, and a console session never reaches the
// self-service reset; not even a session cookie moved to the other login's name is accepted.
import { expect, test } from '@playwright/test';
import { consolePaths, kariResetForm, loginToConsole, postFromPage } from './support/console';
import { graphAdmin, removable } from './support/graph-admin';
import { confirmPath, loginFromResetGuide } from './support/login';
import { person } from './support/people';
import { recordsOf, recordsSince } from './support/records';

test('an ID-porten session opens no console page and cannot post a console reset', async ({ page }) => {
  await graphAdmin.reset();
  const since = new Date();
  const kariBefore = await graphAdmin.user(person('desk-two-phones').nationalId);
  await loginFromResetGuide(page, person('desk-two-phones').nationalId);
  await expect(page.getByRole('button', { name: 'Nullstill nå' })).toBeVisible(); // the self-service session works

  for (const path of [
    consolePaths.home.nb,
    consolePaths.search.nb,
    consolePaths.audit.nb,
    consolePaths.statistics.nb,
  ]) {
    await page.goto(path);
    await expect(page.getByTestId('console-signed-in')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Logg inn med Microsoft Entra ID' })).toBeVisible();
  }
  const posted = await postFromPage(page, '/api/servicedesk/reset', kariResetForm());
  expect(new URL(posted.url).pathname).toBe(consolePaths.home.nb);
  expect(await graphAdmin.user(person('desk-two-phones').nationalId)).toEqual(kariBefore);
  expect((await recordsSince(since)).filter((record) => record.channel === 'service-desk')).toEqual([]);
});

test('a console session cannot use the self-service reset action', async ({ browser }) => {
  await graphAdmin.reset();
  const someone = person('two-phones');
  // The action's form, as a signed-in person's confirm page renders it (its hidden action id included).
  const personContext = await browser.newContext({ locale: 'nb-NO' });
  const personPage = await personContext.newPage();
  await loginFromResetGuide(personPage, someone.nationalId);
  const fields = await personPage
    .locator('form:has(button:text("Nullstill nå"))')
    .evaluate((form) =>
      [...new FormData(form as HTMLFormElement)].map(([name, value]) => [name, String(value)] as [string, string]),
    );
  await personContext.close();
  expect(fields.some(([name]) => name.startsWith('$ACTION_ID_'))).toBe(true);
  const before = await graphAdmin.user(someone.nationalId);
  const recordsBefore = (await recordsOf(someone.nationalId)).length;

  const agentContext = await browser.newContext({ locale: 'nb-NO' });
  const agentPage = await agentContext.newPage();
  await loginToConsole(agentPage, 'agent');
  await agentPage.goto(confirmPath.nb);
  await expect(agentPage.getByRole('button', { name: 'Nullstill nå' })).toHaveCount(0);
  const posted = await agentPage.evaluate(
    async ({ path, fields }) => {
      const body = new FormData();
      for (const [name, value] of fields) body.append(name, value);
      const response = await fetch(path, { method: 'POST', body });
      return response.url;
    },
    { path: confirmPath.nb, fields },
  );
  expect(new URL(posted).pathname).toBe(confirmPath.nb);
  expect(await graphAdmin.user(someone.nationalId)).toEqual(before);
  expect(removable(before).length).toBeGreaterThan(0);
  expect(await recordsOf(someone.nationalId)).toHaveLength(recordsBefore);
  await agentContext.close();
});

test("a session cookie moved to the other login's cookie name is not accepted by either", async ({ browser }) => {
  const agentContext = await browser.newContext({ locale: 'nb-NO' });
  const agentPage = await agentContext.newPage();
  await loginToConsole(agentPage, 'agent');
  const consoleValue = (await agentContext.cookies()).find(
    (cookie) => cookie.name === 'tofaktor-console-session',
  )?.value;
  expect(consoleValue).toBeTruthy();
  await agentContext.close();

  const personContext = await browser.newContext({ locale: 'nb-NO' });
  const personPage = await personContext.newPage();
  await loginFromResetGuide(personPage, person('two-phones').nationalId);
  const idportenValue = (await personContext.cookies()).find((cookie) => cookie.name === 'authjs.session-token')?.value;
  expect(idportenValue).toBeTruthy();
  await personContext.close();

  const swapped = await browser.newContext({ locale: 'nb-NO' });
  await swapped.addCookies([
    { name: 'authjs.session-token', value: consoleValue!, url: 'http://localhost:3000' },
    { name: 'tofaktor-console-session', value: idportenValue!, url: 'http://localhost:3000' },
  ]);
  const page = await swapped.newPage();
  await page.goto(confirmPath.nb);
  await expect(page.getByRole('button', { name: 'Nullstill nå' })).toHaveCount(0);
  await page.goto(consolePaths.home.nb);
  await expect(page.getByTestId('console-signed-in')).toHaveCount(0);
  await swapped.close();
});

test('signing out of the console ends the console session only: the ID-porten session of the same browser stays', async ({
  page,
}) => {
  await loginFromResetGuide(page, person('two-phones').nationalId);
  await loginToConsole(page, 'agent');
  await expect(page.getByTestId('console-signed-in')).toBeVisible();
  await page.getByRole('button', { name: 'Logg ut' }).click();
  await expect(page.getByTestId('console-signed-out')).toBeVisible();
  await expect(page.getByTestId('console-signed-in')).toHaveCount(0);
  await page.goto(consolePaths.search.nb);
  await expect(page.getByRole('button', { name: 'Logg inn med Microsoft Entra ID' })).toBeVisible();
  await page.goto(confirmPath.nb);
  await expect(page.getByRole('button', { name: 'Nullstill nå' })).toBeVisible();
});

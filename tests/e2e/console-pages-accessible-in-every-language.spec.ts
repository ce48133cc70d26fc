// Every console page in each locale (nb, nn, en): one h1 in the page's language, zero axe violations, no sideways scroll at
// 320 px, never indexed, never cached; and the agent's way from search to reset works by keyboard alone.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { axeViolations } from './support/accessibility';
import { consolePaths, loginToConsole, type Locale } from './support/console';
import { graphAdmin } from './support/graph-admin';

/** `refused`: the page is one the member of staff's role does not allow, so it ends on the 403 refusal page. */
async function checkPage(page: Page, path: string, locale: Locale, expected: 'shown' | 'refused' = 'shown') {
  const response = await page.goto(path);
  const refusal = new URL(page.url()).pathname === consolePaths.forbidden[locale];
  expect(refusal, path).toBe(expected === 'refused' || path.startsWith(consolePaths.forbidden[locale]));
  expect(response?.status(), path).toBe(refusal ? 403 : 200);
  expect(response?.headers()['cache-control']).toContain('no-store');
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
  await expect(page.locator('h1')).toHaveCount(1);
  // Next adds a noindex of its own to a page answered with an error status (the 403 refusal page).
  const robots = await page
    .locator('meta[name="robots"]')
    .evaluateAll((metas) => metas.map((meta) => meta.getAttribute('content')));
  expect(robots.length, path).toBeGreaterThan(0);
  for (const content of robots) expect(content, path).toMatch(/noindex/);
  expect(await axeViolations(page), path).toEqual([]);
  await page.setViewportSize({ width: 320, height: 800 });
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, path).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 800 });
}

async function newPage(browser: Browser, locale: Locale) {
  const context = await browser.newContext({ locale: { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' }[locale] });
  return context.newPage();
}

for (const locale of ['nb', 'nn', 'en'] as const) {
  test(`console pages (${locale}) pass axe, reflow at 320 px and are noindex and no-store`, async ({ browser }) => {
    await graphAdmin.reset();
    const visitor = await newPage(browser, locale);
    await checkPage(visitor, consolePaths.home[locale], locale);
    await checkPage(visitor, `${consolePaths.forbidden[locale]}?reason=no-role`, locale);
    await checkPage(visitor, `${consolePaths.forbidden[locale]}?reason=no-mfa`, locale);
    await visitor.context().close();

    const agent = await newPage(browser, locale);
    await loginToConsole(agent, 'agent', { locale });
    await checkPage(agent, consolePaths.home[locale], locale);
    await checkPage(agent, `${consolePaths.search[locale]}?q=skranke`, locale);
    await checkPage(agent, `${consolePaths.reset[locale]}?account=d1d1d1d1-0000-4000-8000-000000000201`, locale);
    await checkPage(
      agent,
      `${consolePaths.reset[locale]}?account=d1d1d1d1-0000-4000-8000-000000000201&invalid=verification,ticket`,
      locale,
    );
    await checkPage(agent, `${consolePaths.reset[locale]}?account=d1d1d1d1-0000-4000-8000-000000000203`, locale);
    await agent.goto(`${consolePaths.reset[locale]}?account=d1d1d1d1-0000-4000-8000-000000000202`);
    await agent.getByRole('radio').first().check();
    await agent
      .getByRole('button', { name: { nb: 'Nullstill nå', nn: 'Nullstill no', en: 'Reset now' }[locale] })
      .click();
    await agent.waitForURL(new RegExp(`${consolePaths.result[locale]}\\?ref=`));
    await checkPage(agent, agent.url(), locale); // the pass was shown on arrival; this is the "issued before" view
    await checkPage(agent, `${consolePaths.audit[locale]}?channel=service-desk`, locale);
    await checkPage(agent, `${consolePaths.statistics[locale]}`, locale, 'refused'); // statistics are the auditor's
    await agent.context().close();

    const auditor = await newPage(browser, locale);
    await loginToConsole(auditor, 'auditor', { locale });
    await checkPage(auditor, consolePaths.statistics[locale], locale);
    await checkPage(auditor, consolePaths.audit[locale], locale);
    await auditor.context().close();
  });
}

test('an agent gets from the search to a reset with the keyboard alone', async ({ page }) => {
  await graphAdmin.reset();
  await loginToConsole(page, 'agent');
  await page.goto(consolePaths.search.nb);
  await page.getByLabel('Navn eller brukernavn').focus();
  await page.keyboard.type('kari.skrank');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('search-results')).toBeVisible();
  const link = page.getByRole('link', { name: 'Nullstill for Kari Skrankesen' });
  for (let i = 0; i < 40 && !(await link.evaluate((element) => element === document.activeElement)); i += 1)
    await page.keyboard.press('Tab');
  await expect(link).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('account-name')).toHaveText('Kari Skrankesen');
  const passport = page.getByRole('radio', { name: 'Pass', exact: true });
  for (let i = 0; i < 40 && !(await passport.evaluate((element) => element === document.activeElement)); i += 1)
    await page.keyboard.press('Tab');
  await expect(passport).toBeFocused();
  await page.keyboard.press('Space');
  await expect(passport).toBeChecked();
  const button = page.getByRole('button', { name: 'Nullstill nå' });
  for (let i = 0; i < 40 && !(await button.evaluate((element) => element === document.activeElement)); i += 1)
    await page.keyboard.press('Tab');
  await expect(button).toBeFocused();
  await page.keyboard.press('Enter');
  await page.waitForURL(new RegExp(`${consolePaths.result.nb}\\?ref=`));
  await expect(page.getByTestId('outcome-success')).toBeVisible();
});

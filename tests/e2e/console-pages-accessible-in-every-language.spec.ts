// Every console page in each locale (nb, nn, en): one h1 in the page's language, zero axe violations, no sideways scroll at
// 320 px, never indexed, never cached; and the agent's way from search to reset works by keyboard alone.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { axeViolations } from './support/accessibility';
import { consolePaths, loginToConsole, staff, type Locale } from './support/console';
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
  // The console's own frame: none of the public site's guide navigation or footer.
  await expect(page.getByRole('navigation', { name: /Veiledninger|Rettleiingar|Guides/ })).toHaveCount(0);
  // Next adds a noindex of its own to a page answered with an error status (the 403 refusal page).
  const robots = await page
    .locator('meta[name="robots"]')
    .evaluateAll((metas) => metas.map((meta) => meta.getAttribute('content')));
  expect(robots.length, path).toBeGreaterThan(0);
  for (const content of robots) expect(content, path).toMatch(/noindex/);
  expect(await axeViolations(page), path).toEqual([]);
  // At 1280 px no table is wider than its box: nothing to scroll sideways.
  const wider = await page
    .locator('table')
    .evaluateAll((tables) =>
      tables
        .filter((table) => table.scrollWidth > (table.parentElement?.clientWidth ?? 0))
        .map((t) => t.dataset.testid),
    );
  expect(wider, path).toEqual([]);
  await page.setViewportSize({ width: 320, height: 800 });
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, path).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 800 });
}

async function newPage(browser: Browser, locale: Locale) {
  const context = await browser.newContext({
    locale: { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' }[locale],
    viewport: { width: 1280, height: 800 },
  });
  return context.newPage();
}

/** The smallest text a reader sees in the main area, in CSS pixels; SVG text counts at the size it is drawn. */
async function smallestVisibleText(page: Page): Promise<{ size: number; text: string }> {
  return page.locator('main').evaluate((main) => {
    let smallest = { size: Infinity, text: '' };
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const element = node.parentElement;
      if (!element || !node.textContent?.trim()) continue;
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || element.closest('.sr-only, title, desc')) continue;
      let size = parseFloat(getComputedStyle(element).fontSize);
      const svg = element.closest('svg');
      if (svg && element instanceof SVGElement) {
        const viewBox = svg.viewBox.baseVal;
        size =
          parseFloat(element.getAttribute('font-size') ?? '16') * (svg.getBoundingClientRect().width / viewBox.width);
      }
      if (size < smallest.size) smallest = { size, text: node.textContent.trim() };
    }
    return smallest;
  });
}

for (const locale of ['nb', 'nn', 'en'] as const) {
  test.describe(`console pages (${locale})`, () => {
    // Many pages, each scanned by axe at two widths: more than the default minute on a busy machine.
    test.describe.configure({ timeout: 180_000 });

    test('before sign-in: pass axe, reflow at 320 px, noindex and no-store', async ({ browser }) => {
      const visitor = await newPage(browser, locale);
      await checkPage(visitor, consolePaths.home[locale], locale);
      await checkPage(visitor, `${consolePaths.forbidden[locale]}?reason=no-role`, locale);
      await checkPage(visitor, `${consolePaths.forbidden[locale]}?reason=no-mfa`, locale);
      await visitor.context().close();
    });

    test("the agent's search and reset pages: pass axe, fit 1280 px, reflow at 320 px, noindex and no-store", async ({
      browser,
    }) => {
      await graphAdmin.reset();
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
      await checkPage(agent, `${consolePaths.reset[locale]}?account=${staff('agent').oid}`, locale); // own account
      await checkPage(agent, `${consolePaths.reset[locale]}?account=${staff('auditor').oid}`, locale); // staff
      await agent.context().close();
    });

    test("the agent's result and log, and the refusal of the statistics", async ({ browser }) => {
      await graphAdmin.reset();
      const agent = await newPage(browser, locale);
      await loginToConsole(agent, 'agent', { locale });
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
    });

    test("the auditor's pages: pass axe, fit 1280 px, statistics readable at 390 px", async ({ browser }) => {
      const auditor = await newPage(browser, locale);
      await loginToConsole(auditor, 'auditor', { locale });
      await checkPage(auditor, consolePaths.statistics[locale], locale);
      await checkPage(auditor, consolePaths.audit[locale], locale); // every record, the seeded ones among them
      await checkPage(auditor, consolePaths.search[locale], locale, 'refused');

      await auditor.goto(consolePaths.statistics[locale]);
      await auditor.setViewportSize({ width: 390, height: 844 });
      await expect(auditor.getByTestId('statistics-chart')).toBeHidden();
      await expect(auditor.getByTestId('statistics-narrow-chart')).toBeVisible();
      const smallest = await smallestVisibleText(auditor);
      expect(smallest.size, smallest.text).toBeGreaterThanOrEqual(12);
      // The wide chart, where it is shown, is drawn no smaller either.
      await auditor.setViewportSize({ width: 800, height: 900 });
      await expect(auditor.getByTestId('statistics-chart')).toBeVisible();
      const atTablet = await smallestVisibleText(auditor);
      expect(atTablet.size, atTablet.text).toBeGreaterThanOrEqual(12);
      await auditor.context().close();
    });
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

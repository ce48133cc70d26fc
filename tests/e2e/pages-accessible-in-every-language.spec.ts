import { expect, test } from '@playwright/test';
import { expectKeyboardReachesEverything, expectNoAxeViolationsAndReflow } from './support/accessibility';
import { locales, publicPages } from './support/pages';

for (const page of publicPages) {
  for (const locale of locales) {
    test(`${page.name} (${locale}) has one h1, its language, no axe violations and no sideways scroll at 320 px`, async ({
      page: tab,
    }) => {
      const response = await tab.goto(page[locale]);
      expect(response?.status()).toBe(200);
      await expect(tab.locator('html')).toHaveAttribute('lang', locale);
      await expect(tab.locator('h1')).toHaveCount(1);
      await expect(tab.locator('main#main')).toHaveCount(1);
      await expect(tab).toHaveTitle(/\S/);

      await expectNoAxeViolationsAndReflow(tab);
    });

    test(`${page.name} (${locale}): the Tab key reaches every link, button and field, each with a visible focus`, async ({
      page: tab,
    }) => {
      await tab.goto(page[locale]);
      await expectKeyboardReachesEverything(tab);
    });
  }
}

test('the skip link is the first stop for the keyboard and moves focus to the main content', async ({ page }) => {
  for (const [path, name] of [
    ['/nb/aktiver', 'Hopp til hovedinnholdet'],
    ['/nn/aktiver', 'Hopp til hovudinnhaldet'],
  ] as const) {
    await page.goto(path);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name });
    await expect(skip).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#main$/);
    await expect(page.locator('main#main')).toBeFocused();
  }
});

test('an FAQ entry opens with the keyboard alone', async ({ page }) => {
  await page.goto('/en/faq');
  const first = page.locator('details').first();
  await first.locator('summary').focus();
  await page.keyboard.press('Enter');
  await expect(first).toHaveAttribute('open', '');
});

test('each guide shows when it was last checked, in the page language', async ({ page }) => {
  for (const [path, text] of [
    ['/nb/aktiver', 'Sist kontrollert 6. desember 2026'],
    ['/nn/aktiver', 'Sist kontrollert 6. desember 2026'],
    ['/en/activate', 'Last checked 6 December 2026'],
  ] as const) {
    await page.goto(path);
    await expect(page.locator('time[datetime="2026-12-06"]')).toHaveText(text);
  }
});

import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { publicPages } from './support/pages';

for (const page of publicPages) {
  for (const locale of ['nb', 'en'] as const) {
    test(`${page.name} (${locale}) has one h1, its language, no axe violations and no sideways scroll at 320 px`, async ({ page: tab }) => {
      const response = await tab.goto(page[locale]);
      expect(response?.status()).toBe(200);
      await expect(tab.locator('html')).toHaveAttribute('lang', locale);
      await expect(tab.locator('h1')).toHaveCount(1);
      await expect(tab.locator('main#main')).toHaveCount(1);
      await expect(tab).toHaveTitle(/\S/);

      // Open every FAQ entry so axe checks the answers too.
      await tab.locator('details').evaluateAll((all) => all.forEach((details) => details.setAttribute('open', '')));
      const axe = await new AxeBuilder({ page: tab }).analyze();
      expect(axe.violations.map((violation) => `${violation.id}: ${violation.nodes.map((n) => n.target).join(' | ')}`)).toEqual([]);

      await tab.setViewportSize({ width: 320, height: 800 });
      const overflow = await tab.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    });
  }
}

test('the skip link is the first stop for the keyboard and moves focus to the main content', async ({ page }) => {
  await page.goto('/nb/aktiver');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Hopp til hovedinnholdet' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main$/);
  await expect(page.locator('main#main')).toBeFocused();
});

test('an FAQ entry opens with the keyboard alone', async ({ page }) => {
  await page.goto('/en/faq');
  const first = page.locator('details').first();
  await first.locator('summary').focus();
  await page.keyboard.press('Enter');
  await expect(first).toHaveAttribute('open', '');
});

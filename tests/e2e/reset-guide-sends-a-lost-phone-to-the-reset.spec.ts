// Someone who has just lost their phone opens the reset guide on a phone: the first screen (390 × 844) must tell
// them where to go, in every language, before anything about moving from a phone that still works.
import { expect, test } from '@playwright/test';
import { locales, publicPages } from './support/pages';

const reset = publicPages.find((page) => page.name === 'reset');
if (!reset) throw new Error('no public page reset');

for (const locale of locales) {
  test(`the reset guide's first screen at 390 px sends a lost phone to the reset (${locale})`, async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(reset[locale]);
    const toReset = page.locator('main a[href$="#how-to-reset"]').first();
    await expect(toReset).toBeInViewport();
    await toReset.click();
    await expect(page.locator('#how-to-reset')).toBeInViewport();
  });
}

import { expect, test } from '@playwright/test';
import { publicPages } from './support/pages';

const switchLabel = { nb: 'Read this page in English', en: 'Les denne siden på norsk' } as const;

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
    test.use({ javaScriptEnabled });

    for (const page of publicPages) {
      test(`${page.name}: the switcher leads to the same page in the other language and back`, async ({ page: tab }) => {
        await tab.goto(page.nb);
        await tab.getByRole('link', { name: switchLabel.nb }).click();
        await expect(tab).toHaveURL(new RegExp(`${page.en}$`));
        await expect(tab.locator('html')).toHaveAttribute('lang', 'en');
        await tab.getByRole('link', { name: switchLabel.en }).click();
        await expect(tab).toHaveURL(new RegExp(`${page.nb}$`));
        await expect(tab.locator('html')).toHaveAttribute('lang', 'nb');
      });
    }
  });
}

test('with JavaScript, a reader at step 7 lands at step 7 in the other language', async ({ page }) => {
  await page.goto('/nb/aktiver#step-7');
  await page.getByRole('link', { name: switchLabel.nb }).click();
  await expect(page).toHaveURL(/\/en\/activate#step-7$/);
  await expect(page.locator('#step-7')).toBeInViewport();
  await page.goto('/en/external-users#step-3');
  await page.getByRole('link', { name: switchLabel.en }).click();
  await expect(page).toHaveURL(/\/nb\/eksterne-brukere#step-3$/);
});

test('every page names its language alternates for search engines', async ({ page }) => {
  await page.goto('/nb/sporsmal-og-svar');
  await expect(page.locator('link[rel="alternate"][hreflang="en"]')).toHaveAttribute('href', /\/en\/faq$/);
  await expect(page.locator('link[rel="alternate"][hreflang="nb"]')).toHaveAttribute('href', /\/nb\/sporsmal-og-svar$/);
});

import { expect, test } from '@playwright/test';

test('/ sends a Norwegian reader to /nb', async ({ request }) => {
  const response = await request.get('/', { maxRedirects: 0, headers: { 'accept-language': 'nb-NO,nb;q=0.9' } });
  expect(response.status()).toBeGreaterThanOrEqual(300);
  expect(response.status()).toBeLessThan(400);
  expect(response.headers().location).toMatch(/\/nb$/);
});

test('/ sends an English reader to /en, and anyone else to /nb', async ({ request }) => {
  const english = await request.get('/', { maxRedirects: 0, headers: { 'accept-language': 'en-GB,en;q=0.9' } });
  expect(english.headers().location).toMatch(/\/en$/);
  const german = await request.get('/', { maxRedirects: 0, headers: { 'accept-language': 'de-DE' } });
  expect(german.headers().location).toMatch(/\/nb$/);
});

for (const [path, lang, heading] of [
  ['/nb/finnes-ikke', 'nb', 'Vi finner ikke siden'],
  ['/en/does-not-exist', 'en', "We can't find that page"],
  ['/nb/aktiver/mer', 'nb', 'Vi finner ikke siden'],
] as const) {
  test(`${path} is a 404 page in ${lang}`, async ({ page }) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
  });
}

test('an unknown locale is a 404 in the language the browser asks for', async ({ browser }) => {
  for (const [locale, lang, heading] of [
    ['en-GB', 'en', "We can't find that page"],
    ['nb-NO', 'nb', 'Vi finner ikke siden'],
  ] as const) {
    const context = await browser.newContext({ locale });
    const page = await context.newPage();
    const response = await page.goto('/de/aktivieren');
    expect(response?.status()).toBe(404);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    await context.close();
  }
});

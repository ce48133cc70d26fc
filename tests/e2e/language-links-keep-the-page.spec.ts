import { expect, test } from '@playwright/test';
import { locales, publicPages, switchLabel, type SiteLocale } from './support/pages';

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? 'with JavaScript' : 'without JavaScript', () => {
    test.use({ javaScriptEnabled });

    for (const page of publicPages) {
      for (const from of locales) {
        test(`${page.name} (${from}): a plain link leads to the same page in each other language`, async ({
          page: tab,
        }) => {
          await tab.goto(page[from]);
          // No link to the language the reader is already in.
          await expect(tab.getByRole('link', { name: switchLabel[from] })).toHaveCount(0);
          for (const to of locales.filter((locale) => locale !== from)) {
            await tab.goto(page[from]);
            const link = tab.getByRole('link', { name: switchLabel[to] });
            await expect(link).toHaveAttribute('hreflang', to);
            await expect(link).toHaveAttribute('lang', to);
            await link.click();
            await expect(tab).toHaveURL(new RegExp(`${page[to]}$`));
            await expect(tab.locator('html')).toHaveAttribute('lang', to);
          }
        });
      }
    }
  });
}

test('with JavaScript, a reader at a step or an answer lands at the same place in the other languages', async ({
  page,
}) => {
  await page.goto('/nb/aktiver#step-7');
  await page.getByRole('link', { name: switchLabel.nn }).click();
  await expect(page).toHaveURL(/\/nn\/aktiver#step-7$/);
  await expect(page.locator('#step-7')).toBeInViewport();
  await page.getByRole('link', { name: switchLabel.en }).click();
  await expect(page).toHaveURL(/\/en\/activate#step-7$/);
  await page.goto('/en/external-users#step-3');
  await page.getByRole('link', { name: switchLabel.nn }).click();
  await expect(page).toHaveURL(/\/nn\/eksterne-brukarar#step-3$/);
  await page.goto('/nn/sporsmal-og-svar#passkey-or-app');
  await page.getByRole('link', { name: switchLabel.nb }).click();
  await expect(page).toHaveURL(/\/nb\/sporsmal-og-svar#passkey-or-app$/);
});

for (const page of publicPages) {
  test(`${page.name}: every language version names all three alternates for search engines`, async ({ request }) => {
    for (const locale of locales) {
      const html = await (await request.get(page[locale])).text();
      for (const other of locales) {
        // Origin-relative in the prerendered HTML (one build for every environment); the absolute ones are in
        // the Link header, from APP_ORIGIN.
        const alternate = new RegExp(`<link rel="alternate" hrefLang="${other}" href="${page[other]}"`);
        expect([locale, other, alternate.test(html)]).toEqual([locale, other, true]);
      }
    }
  });
}

// Every page a reader can reach by following links from a home page, named by its place in publicPages.
async function crawlFrom(home: string, locale: SiteLocale, get: (path: string) => Promise<string>): Promise<string[]> {
  const nameOf = new Map(publicPages.map((page) => [page[locale], page.name]));
  const seen = new Set<string>([home]);
  const queue = [home];
  const reached: string[] = [];
  while (queue.length > 0) {
    const path = queue.shift() ?? '';
    const html = await get(path);
    reached.push(nameOf.get(path) ?? `unknown page ${path}`);
    for (const match of html.matchAll(/<a [^>]*href="(\/[^"#?]*)/g)) {
      const target = match[1] ?? '';
      if (!target.startsWith(`/${locale}`) || seen.has(target)) continue;
      seen.add(target);
      queue.push(target);
    }
  }
  return reached.sort();
}

test('the crawl from each home page reaches the same set of pages in every language', async ({ request }) => {
  const get = async (path: string) => {
    const response = await request.get(path);
    expect([path, response.status()]).toEqual([path, 200]);
    return response.text();
  };
  const sets = await Promise.all(
    locales.map(async (locale) => [locale, await crawlFrom(`/${locale}`, locale, get)] as const),
  );
  const [, nbPages] = sets[0]!;
  expect(nbPages).toEqual(
    expect.arrayContaining(['home', 'activate', 'reset', 'external-users', 'faq', 'accessibility']),
  );
  for (const [locale, pages] of sets) expect([locale, pages]).toEqual([locale, nbPages]);
});

test('Accept-Language sends nynorsk readers to /nn, and bokmål stays the default', async ({ request }) => {
  for (const [acceptLanguage, home] of [
    ['nn-NO,nn;q=0.9', '/nn'],
    ['nn', '/nn'],
    ['no-NN', '/nn'],
    ['nb-NO,nb;q=0.9', '/nb'],
    ['no', '/nb'],
    ['de-DE', '/nb'],
    ['en-GB,en;q=0.9', '/en'],
  ] as const) {
    const response = await request.get('/', { headers: { 'Accept-Language': acceptLanguage }, maxRedirects: 0 });
    expect([
      acceptLanguage,
      response.status(),
      new URL(response.headers().location ?? '', 'http://localhost:3000').pathname,
    ]).toEqual([acceptLanguage, 307, home]);
    expect(response.headers().vary).toMatch(/accept-language/i);
  }
});

test('an unknown path is a 404 in nynorsk for a nynorsk reader', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'nn-NO' });
  const page = await context.newPage();
  const response = await page.goto('/xx/finst-ikkje');
  expect(response?.status()).toBe(404);
  await expect(page.locator('html')).toHaveAttribute('lang', 'nn');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vi finn ikkje sida');
  await context.close();
});

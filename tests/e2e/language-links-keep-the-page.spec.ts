import { expect, test } from '@playwright/test';
import { SITE_ORIGIN } from './support/origins';
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

/** The canonical and alternate links of a page, as `rel hreflang url` lines, from its HTML head. */
function headLinks(html: string): string[] {
  const head = html.slice(0, html.indexOf('</head>'));
  const canonical = [...head.matchAll(/<link rel="canonical" href="([^"]+)"/g)].map((match) => `canonical ${match[1]}`);
  const alternates = [...head.matchAll(/<link rel="alternate" hrefLang="([^"]+)" href="([^"]+)"/g)].map(
    (match) => `alternate ${match[1]} ${match[2]}`,
  );
  return [...canonical, ...alternates].sort();
}

/** The same, from the HTTP Link header. */
function headerLinks(header: string): string[] {
  return [...header.matchAll(/<([^>]+)>; rel="(canonical|alternate)"(?:; hreflang="([^"]+)")?/g)]
    .map((match) => (match[2] === 'canonical' ? `canonical ${match[1]}` : `alternate ${match[3]} ${match[1]}`))
    .sort();
}

for (const page of publicPages) {
  test(`${page.name}: every language version names its canonical URL and all alternates, absolute, in its HTML and Link header alike`, async ({
    request,
  }) => {
    for (const locale of locales) {
      const response = await request.get(page[locale]);
      const html = await response.text();
      const expected = [
        `canonical ${SITE_ORIGIN}${page[locale]}`,
        ...locales.map((other) => `alternate ${other} ${SITE_ORIGIN}${page[other]}`),
        `alternate x-default ${SITE_ORIGIN}${page.nb}`,
      ].sort();
      expect([locale, headLinks(html)]).toEqual([locale, expected]);
      expect([locale, headerLinks(response.headers()['link'] ?? '')]).toEqual([locale, expected]);
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

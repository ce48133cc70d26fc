// One URL per page: internal route names without a locale are 404s, the x-default alternate exists, and
// the icons browsers ask for are there.
import { expect, test } from '@playwright/test';
import { publicPages } from './support/pages';

const unprefixed = [
  '/faq',
  '/activate',
  '/reset',
  '/reset/confirm',
  '/reset/result',
  '/reset/no-national-id',
  '/reset/signed-out',
  '/reset/login-failed',
  '/external-users',
  '/accessibility',
  '/aktiver',
  '/nullstill',
  '/sporsmal-og-svar',
  '/error-probe',
];

for (const path of unprefixed) {
  test(`${path} is not a page`, async ({ request }) => {
    const response = await request.get(path, { headers: { 'accept-language': 'en' }, maxRedirects: 0 });
    expect(response.status()).toBe(404);
    expect(await response.text()).toContain('lang="en"');
  });
}

test("every page's x-default and hreflang alternates, in its head and its Link header, answer 200", async ({
  request,
}) => {
  for (const page of publicPages) {
    const response = await request.get(page.nb);
    const linked = [...(response.headers()['link'] ?? '').matchAll(/<([^>]+)>/g)].map((match) => match[1]!);
    expect(linked.length).toBeGreaterThan(0);
    for (const href of linked) expect((await request.get(href)).status(), `${page.nb} Link → ${href}`).toBe(200);
    const html = await response.text();
    const alternates = [...html.matchAll(/<link rel="alternate" hrefLang="([^"]+)" href="([^"]+)"/g)].map((match) => ({
      lang: match[1],
      href: match[2]!,
    }));
    expect(alternates.map((alternate) => alternate.lang)).toContain('x-default');
    for (const alternate of alternates) {
      expect((await request.get(alternate.href)).status(), `${page.nb} → ${alternate.lang}`).toBe(200);
    }
  }
});

test('favicon.ico, the SVG icon and the apple touch icon are served', async ({ request }) => {
  const expected = { '/favicon.ico': 'image/x-icon', '/icon.svg': 'image/svg+xml', '/apple-icon.png': 'image/png' };
  for (const [path, type] of Object.entries(expected)) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()['content-type'], path).toContain(type);
  }
  const html = await (await request.get('/nb')).text();
  expect(html).toMatch(/<link rel="icon" href="\/icon\.svg/);
  expect(html).toMatch(/<link rel="apple-touch-icon" href="\/apple-icon\.png/);
});

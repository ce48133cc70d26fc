import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { extractStepIds } from '../../lib/content-anchors';

const guides = [
  { file: 'activate', nb: '/nb/aktiver', en: '/en/activate' },
  { file: 'reset', nb: '/nb/nullstill', en: '/en/reset' },
  { file: 'external-users', nb: '/nb/eksterne-brukere', en: '/en/external-users' },
  { file: 'faq', nb: '/nb/sporsmal-og-svar', en: '/en/faq' },
  { file: 'accessibility', nb: '/nb/tilgjengelighet', en: '/en/accessibility' },
];

function stepTitles(source: string): string[] {
  return [...source.matchAll(/<Step\s[^>]*\btitle="([^"]+)"/g)].map((match) => match[1] ?? '');
}
function faqQuestions(source: string): string[] {
  return [...source.matchAll(/<Faq\s[^>]*\bquestion="([^"]+)"/g)].map((match) => match[1] ?? '');
}
const decode = (html: string) => html.replace(/&#x27;|&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');

for (const guide of guides) {
  for (const locale of ['nb', 'en'] as const) {
    test(`${guide.file} (${locale}) arrives as complete HTML, without running any script`, async ({ request }) => {
      const response = await request.get(guide[locale]);
      expect(response.status()).toBe(200);
      // Prerendered pages are served from the build with Next's cache marker.
      expect(response.headers()['x-nextjs-cache'] ?? response.headers()['x-nextjs-prerender']).toBeTruthy();
      const html = decode(await response.text());
      const source = readFileSync(`content/${locale}/${guide.file}.mdx`, 'utf8');
      for (const title of [...stepTitles(source), ...faqQuestions(source)]) expect(html).toContain(title);
      for (const id of extractStepIds(source)) expect(html).toContain(`id="${id}"`);
    });
  }
}

test('the build prerendered every guide in every language as static HTML', () => {
  const manifest = JSON.parse(readFileSync('.next/prerender-manifest.json', 'utf8')) as { routes: Record<string, unknown> };
  for (const guide of guides) {
    for (const locale of ['nb', 'en'] as const) expect(Object.keys(manifest.routes)).toContain(`/${locale}/${guide.file}`);
  }
});

test('sitemap.xml lists every guide in both languages and robots.txt points at it', async ({ request }) => {
  const sitemap = await (await request.get('/sitemap.xml')).text();
  for (const guide of guides) {
    expect(sitemap).toContain(`http://localhost:3000${guide.nb}<`);
    expect(sitemap).toContain(`http://localhost:3000${guide.en}<`);
  }
  const robots = await (await request.get('/robots.txt')).text();
  expect(robots).toContain('Sitemap: http://localhost:3000/sitemap.xml');
});

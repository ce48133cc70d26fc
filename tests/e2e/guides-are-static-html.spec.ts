import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { extractStepIds } from '../../lib/content-anchors';
import { locales, publicPages } from './support/pages';

const guides = ['activate', 'reset', 'external-users', 'faq', 'accessibility'].map((file) => {
  const page = publicPages.find((candidate) => candidate.name === file);
  if (!page) throw new Error(`no public page ${file}`);
  return { ...page, file };
});

function stepTitles(source: string): string[] {
  return [...source.matchAll(/<Step\s[^>]*\btitle="([^"]+)"/g)].map((match) => match[1] ?? '');
}
function faqQuestions(source: string): string[] {
  return [...source.matchAll(/<Faq\s[^>]*\bquestion="([^"]+)"/g)].map((match) => match[1] ?? '');
}
// Soft hyphens in long compounds (lib/i18n/soft-hyphens.ts) are invisible: compare the text without them.
const decode = (html: string) =>
  html
    .replace(/\u00ad|&shy;/g, '')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

for (const guide of guides) {
  for (const locale of locales) {
    test(`${guide.file} (${locale}) arrives as complete HTML, without running any script`, async ({ request }) => {
      const response = await request.get(guide[locale]);
      expect(response.status()).toBe(200);
      // Prerendered pages are served from the build with Next's cache marker.
      expect(response.headers()['x-nextjs-cache'] ?? response.headers()['x-nextjs-prerender']).toBeTruthy();
      const raw = await response.text();
      // Nothing of the framework's client runtime: no chunk, no inline RSC payload (scripts/static-pages.cjs).
      expect(raw).not.toMatch(/\/_next\/static\/[^"]*\.js|__next_f/);
      const html = decode(raw);
      const source = readFileSync(`content/${locale}/${guide.file}.mdx`, 'utf8');
      for (const title of [...stepTitles(source), ...faqQuestions(source)]) expect(html).toContain(title);
      for (const id of extractStepIds(source)) expect(html).toContain(`id="${id}"`);
    });
  }
}

test('the build prerendered every guide in every language as static HTML', () => {
  const manifest = JSON.parse(readFileSync('.next/prerender-manifest.json', 'utf8')) as {
    routes: Record<string, unknown>;
  };
  for (const guide of guides) {
    for (const locale of locales) expect(Object.keys(manifest.routes)).toContain(`/${locale}/${guide.file}`);
  }
});

test('sitemap.xml lists every guide in every language and robots.txt points at it', async ({ request }) => {
  const sitemap = await (await request.get('/sitemap.xml')).text();
  for (const guide of guides) {
    for (const locale of locales) expect(sitemap).toContain(`http://localhost:3000${guide[locale]}<`);
  }
  const robots = await (await request.get('/robots.txt')).text();
  expect(robots).toContain('Sitemap: http://localhost:3000/sitemap.xml');
});

test('the reset guide states the login level the site requires (idporten-loa-high in these tests)', async ({
  request,
}) => {
  for (const [path, refusal, promise] of [
    ['/nb/nullstill', 'MinID gir ikke høyt nok sikkerhetsnivå', 'Logg inn med MinID'],
    ['/nn/nullstill', 'MinID gir ikkje høgt nok tryggleiksnivå', 'Logg inn med MinID'],
    ['/en/reset', 'MinID does not give a high enough level of assurance', 'Sign in with MinID'],
  ] as const) {
    const html = decode(await (await request.get(path)).text());
    expect([path, html.includes(refusal), html.includes(promise)]).toEqual([path, true, false]);
  }
});

test('the statement links "Tell us" to the feedback contact and says it is not yet on uustatus.no', async ({
  request,
}) => {
  // ACCESSIBILITY_FEEDBACK_URL and UUSTATUS_URL are unset in these tests: the link falls back to SERVICE_DESK_URL.
  for (const [path, tell, unset] of [
    ['/nb/tilgjengelighet', 'Si fra til oss', 'Erklæringen er ikke publisert på uustatus.no'],
    ['/nn/tilgjenge', 'Sei frå til oss', 'Erklæringa er ikkje publisert på uustatus.no'],
    ['/en/accessibility', 'Tell us', 'This statement is not yet published on uustatus.no'],
  ] as const) {
    const html = decode(await (await request.get(path)).text());
    expect([path, html.includes(`<a href="https://www.oslomet.no/">${tell}</a>`), html.includes(unset)]).toEqual([
      path,
      true,
      true,
    ]);
  }
});

test('guides leave out the video guide and the uustatus link when they are not set', async ({ request }) => {
  for (const path of [
    '/nb/aktiver',
    '/nn/aktiver',
    '/en/activate',
    '/nb/tilgjengelighet',
    '/nn/tilgjenge',
    '/en/accessibility',
  ]) {
    const html = decode(await (await request.get(path)).text());
    expect([path, /videoveiledning|videorettleiing|video guide/i.test(html), html.includes('uustatus.no/')]).toEqual([
      path,
      false,
      false,
    ]);
  }
});

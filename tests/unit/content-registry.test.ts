/** @jest-environment node */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { extractFaqIds, extractFigureSources, extractStepIds } from '@/lib/content-anchors';
import { guideKeys, guidePathnames } from '@/lib/content';
import { routing } from '@/lib/i18n/routing';

const root = path.join(__dirname, '..', '..');
const source = (locale: string, guide: string) => readFileSync(path.join(root, 'content', locale, `${guide}.mdx`), 'utf8');

describe('guide registry', () => {
  it('has a file for every guide in every locale, and no stray files', () => {
    for (const locale of routing.locales) {
      const files = readdirSync(path.join(root, 'content', locale)).sort();
      expect(files).toEqual(guideKeys.map((guide) => `${guide}.mdx`).sort());
    }
  });

  it('gives every guide a localized path in every locale', () => {
    for (const guide of guideKeys) {
      const localized = routing.pathnames[guidePathnames[guide]];
      for (const locale of routing.locales) {
        const pathForLocale = typeof localized === 'string' ? localized : localized[locale];
        expect(pathForLocale).toMatch(/^\/[a-z0-9-]+$/);
      }
    }
  });

  it.each(guideKeys)('%s has a title and description in both languages', (guide) => {
    for (const locale of routing.locales) {
      expect(source(locale, guide)).toMatch(/^export const metadata = \{ title: '[^']+', description: '[^']+' \};/m);
    }
  });

  it.each(guideKeys)('%s has the same step anchors in both languages, numbered 1..n', (guide) => {
    const nbSteps = extractStepIds(source('nb', guide));
    const enSteps = extractStepIds(source('en', guide));
    expect(enSteps).toEqual(nbSteps);
    expect(nbSteps).toEqual(nbSteps.map((_, index) => `step-${index + 1}`));
  });

  it.each(guideKeys)('%s has the same FAQ anchors in both languages', (guide) => {
    expect(extractFaqIds(source('en', guide))).toEqual(extractFaqIds(source('nb', guide)));
  });

  it.each(guideKeys)('%s only shows illustrations that exist, in its own language', (guide) => {
    for (const locale of routing.locales) {
      for (const src of extractFigureSources(source(locale, guide))) {
        expect(src.startsWith(`/illustrations/${locale}/`)).toBe(true);
        expect(existsSync(path.join(root, 'public', src))).toBe(true);
      }
    }
  });

  it('finds anchors the way MDX writes them', () => {
    const sample = '<Step id="step-1" title="A">x</Step>\n<Faq id="q-1" question="Q">a</Faq>\n<Figure src="/illustrations/nb/a.svg" alt="" />';
    expect(extractStepIds(sample)).toEqual(['step-1']);
    expect(extractFaqIds(sample)).toEqual(['q-1']);
    expect(extractFigureSources(sample)).toEqual(['/illustrations/nb/a.svg']);
  });
});

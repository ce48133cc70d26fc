/** @jest-environment node */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  extractFaqIds,
  extractFigureSources,
  extractGuideLinkAnchors,
  extractSectionIds,
  extractStepIds,
} from '@/lib/content-anchors';
import { guideKeys, guidePathnames } from '@/lib/content';
import { routing } from '@/lib/i18n/routing';

const root = path.join(__dirname, '..', '..');
const source = (locale: string, guide: string) =>
  readFileSync(path.join(root, 'content', locale, `${guide}.mdx`), 'utf8');

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

  it('has three locales: bokmål (the default), nynorsk and English', () => {
    expect([...routing.locales].sort()).toEqual(['en', 'nb', 'nn']);
    expect(routing.defaultLocale).toBe('nb');
  });

  it.each(guideKeys)('%s has a title, a description and a last-checked date in every locale', (guide) => {
    for (const locale of routing.locales) {
      expect(source(locale, guide)).toMatch(
        /^export const metadata = \{ title: '[^']+', description: '[^']+', lastChecked: '\d{4}-\d{2}-\d{2}' \};/m,
      );
    }
  });

  it.each(guideKeys)('%s has the same step anchors in every locale, numbered 1..n', (guide) => {
    const nbSteps = extractStepIds(source('nb', guide));
    for (const locale of routing.locales)
      expect([locale, extractStepIds(source(locale, guide))]).toEqual([locale, nbSteps]);
    expect(nbSteps).toEqual(nbSteps.map((_, index) => `step-${index + 1}`));
  });

  it.each(guideKeys)('%s has the same FAQ and section anchors in every locale', (guide) => {
    const nbSource = source('nb', guide);
    for (const locale of routing.locales) {
      expect([locale, extractFaqIds(source(locale, guide))]).toEqual([locale, extractFaqIds(nbSource)]);
      expect([locale, extractSectionIds(source(locale, guide))]).toEqual([locale, extractSectionIds(nbSource)]);
    }
  });

  it.each(guideKeys)('%s links only to anchors that exist in the target guide, in every locale', (guide) => {
    for (const locale of routing.locales) {
      for (const link of extractGuideLinkAnchors(source(locale, guide))) {
        const target = source(locale, link.guide);
        const anchors = [...extractStepIds(target), ...extractFaqIds(target), ...extractSectionIds(target)];
        expect([locale, link.guide, anchors.includes(link.anchor)]).toEqual([locale, link.guide, true]);
      }
    }
  });

  it('has the same illustrations in every locale', () => {
    const files = (locale: string) => readdirSync(path.join(root, 'public', 'illustrations', locale)).sort();
    for (const locale of routing.locales) expect([locale, files(locale)]).toEqual([locale, files('nb')]);
  });

  it.each(guideKeys)('%s shows the same illustrations, in the same order, in every locale', (guide) => {
    const names = (locale: string) => extractFigureSources(source(locale, guide)).map((src) => path.basename(src));
    for (const locale of routing.locales) expect([locale, names(locale)]).toEqual([locale, names('nb')]);
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
    const sample =
      '<Step id="step-1" title="A">x</Step>\n<Faq id="q-1" question="Q">a</Faq>\n<Figure src="/illustrations/nb/a.svg" alt="" />';
    expect(extractStepIds(sample)).toEqual(['step-1']);
    expect(extractFaqIds(sample)).toEqual(['q-1']);
    expect(extractFigureSources(sample)).toEqual(['/illustrations/nb/a.svg']);
    const linked = '<h2 id="old-phone-works">A</h2> <GuideLink guide="reset" anchor="old-phone-works">x</GuideLink>';
    expect(extractSectionIds(linked)).toEqual(['old-phone-works']);
    expect(extractGuideLinkAnchors(linked)).toEqual([{ guide: 'reset', anchor: 'old-phone-works' }]);
  });
});

// Reads anchors out of guide sources, so tests can prove every language links the same way.
import type { GuideKey } from './content';
const stepIdPattern = /<Step\s[^>]*\bid="([^"]+)"/g;
const faqIdPattern = /<Faq\s[^>]*\bid="([^"]+)"/g;
const figureSrcPattern = /<Figure\s[^>]*\bsrc="([^"]+)"/g;
const sectionIdPattern = /<h[2-4]\s[^>]*\bid="([^"]+)"/g;
const guideLinkPattern = /<GuideLink\s[^>]*\bguide="([^"]+)"[^>]*\banchor="([^"]+)"/g;

function allMatches(source: string, pattern: RegExp): string[] {
  return [...source.matchAll(pattern)].map((match) => match[1] ?? '');
}

export function extractStepIds(source: string): string[] {
  return allMatches(source, stepIdPattern);
}

export function extractFaqIds(source: string): string[] {
  return allMatches(source, faqIdPattern);
}

export function extractFigureSources(source: string): string[] {
  return allMatches(source, figureSrcPattern);
}

/** Headings written with an explicit id, so other guides can link to a section. */
export function extractSectionIds(source: string): string[] {
  return allMatches(source, sectionIdPattern);
}

/** Links from guide text to an anchor in a guide: the anchor must exist there in the same locale. */
export function extractGuideLinkAnchors(source: string): { guide: GuideKey; anchor: string }[] {
  return [...source.matchAll(guideLinkPattern)].map((match) => ({
    guide: (match[1] ?? '') as GuideKey,
    anchor: match[2] ?? '',
  }));
}

// Reads anchors out of guide sources, so tests can prove both languages link the same way.
const stepIdPattern = /<Step\s[^>]*\bid="([^"]+)"/g;
const faqIdPattern = /<Faq\s[^>]*\bid="([^"]+)"/g;
const figureSrcPattern = /<Figure\s[^>]*\bsrc="([^"]+)"/g;

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

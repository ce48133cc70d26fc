// Picks the visitor's language from Accept-Language, for paths that carry no (known) locale.
import { routing, type Locale } from './routing';

// Norwegian in any written form reads the bokmål pages.
const aliases: Record<string, Locale> = { nb: 'nb', no: 'nb', nn: 'nb', en: 'en' };

export function negotiateLocale(acceptLanguage: string | null): Locale {
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = Number(params.find((param) => param.trim().startsWith('q='))?.split('=')[1] ?? 1);
      return { language: tag.toLowerCase().split('-')[0] ?? '', q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const entry of ranked) {
    const locale = aliases[entry.language];
    if (locale) return locale;
  }
  return routing.defaultLocale;
}

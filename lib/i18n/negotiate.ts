// Picks the visitor's language from Accept-Language, for paths that carry no (known) locale.
import { routing, type Locale } from './routing';

// Bokmål is the default Norwegian; nynorsk readers say so with nn, nn-NO or the older no-NN.
const languages: Record<string, Locale> = { nb: 'nb', no: 'nb', nn: 'nn', en: 'en' };
const nynorskTags = new Set(['no-nn', 'no-nyn']);

function localeOfTag(tag: string): Locale | undefined {
  const lower = tag.toLowerCase();
  const [language = '', region = ''] = lower.split('-');
  if (nynorskTags.has(`${language}-${region}`) || language === 'nn') return 'nn';
  return languages[language];
}

export function negotiateLocale(acceptLanguage: string | null): Locale {
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = Number(params.find((param) => param.trim().startsWith('q='))?.split('=')[1] ?? 1);
      return { tag: tag.trim(), q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const entry of ranked) {
    const locale = localeOfTag(entry.tag);
    if (locale) return locale;
  }
  return routing.defaultLocale;
}

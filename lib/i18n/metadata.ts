// Per-page <title>, description, canonical URL and hreflang alternates in every language, absolute on the
// build's public origin (search engines ignore relative hreflang), as are the `Link` header
// (lib/i18n/link-header.ts), the sitemap and robots.txt.
import type { Metadata } from 'next';
import { getPathname } from './navigation';
import { builtPublicOrigin } from './public-origin';
import { routing, type AppPathname, type Locale } from './routing';

/** A page's path in a language. */
export function localizedPath(locale: Locale, pathname: AppPathname): string {
  return getPathname({ locale, href: pathname });
}

/** The page's URL on `origin`. */
export function absoluteUrl(origin: string, locale: Locale, pathname: AppPathname): string {
  return new URL(localizedPath(locale, pathname), origin).toString();
}

export function pageMetadata(options: {
  locale: Locale;
  pathname: AppPathname;
  title: string;
  description: string;
  siteName: string;
  indexable?: boolean;
}): Metadata {
  const origin = builtPublicOrigin();
  const url = (locale: Locale) => absoluteUrl(origin, locale, options.pathname);
  const languages = Object.fromEntries(routing.locales.map((locale) => [locale, url(locale)]));
  return {
    title: options.pathname === '/' ? options.title : `${options.title} – ${options.siteName}`,
    description: options.description,
    alternates: {
      canonical: url(options.locale),
      // x-default is the default locale's page: a path without a locale answers 404 on this site.
      languages: { ...languages, 'x-default': url(routing.defaultLocale) },
    },
    robots: options.indexable === false ? { index: false, follow: false } : undefined,
  };
}

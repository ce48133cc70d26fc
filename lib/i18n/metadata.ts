// Per-page <title>, description, canonical URL and hreflang alternates in every language.
// The guides are prerendered once for every environment, so their HTML carries origin-relative links; the
// absolute ones, on APP_ORIGIN, go out at run time in the `Link` header (lib/i18n/link-header.ts), the sitemap
// and robots.txt.
import type { Metadata } from 'next';
import { getPathname } from './navigation';
import { routing, type AppPathname, type Locale } from './routing';

/** A page's path in a language: what the prerendered HTML links to (no metadataBase, so Next keeps it relative). */
export function localizedPath(locale: Locale, pathname: AppPathname): string {
  return getPathname({ locale, href: pathname });
}

/** The page's URL on the public origin (read at run time, never at build time). */
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
  const languages = Object.fromEntries(
    routing.locales.map((locale) => [locale, localizedPath(locale, options.pathname)]),
  );
  return {
    title: options.pathname === '/' ? options.title : `${options.title} – ${options.siteName}`,
    description: options.description,
    alternates: {
      canonical: localizedPath(options.locale, options.pathname),
      // x-default is the default locale's page: a path without a locale answers 404 on this site.
      languages: { ...languages, 'x-default': localizedPath(routing.defaultLocale, options.pathname) },
    },
    robots: options.indexable === false ? { index: false, follow: false } : undefined,
  };
}

// Per-page <title>, description, canonical URL and hreflang alternates in both languages.
import type { Metadata } from 'next';
import { getConfig } from '@/lib/config';
import { getPathname } from './navigation';
import { routing, type AppPathname, type Locale } from './routing';

export function absoluteUrl(locale: Locale, pathname: AppPathname): string {
  return new URL(getPathname({ locale, href: pathname }), getConfig().appOrigin).toString();
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
    routing.locales.map((locale) => [locale, absoluteUrl(locale, options.pathname)]),
  );
  return {
    title: options.pathname === '/' ? options.title : `${options.title} – ${options.siteName}`,
    description: options.description,
    alternates: {
      canonical: absoluteUrl(options.locale, options.pathname),
      // x-default is the default locale's page: a path without a locale answers 404 on this site.
      languages: { ...languages, 'x-default': absoluteUrl(routing.defaultLocale, options.pathname) },
    },
    robots: options.indexable === false ? { index: false, follow: false } : undefined,
  };
}

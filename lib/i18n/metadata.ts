// Per-page <title>, description, canonical URL and hreflang alternates in every language.
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
      languages: { ...languages, 'x-default': absoluteUrl(routing.defaultLocale, options.pathname) },
    },
    robots: options.indexable === false ? { index: false, follow: false } : undefined,
  };
}

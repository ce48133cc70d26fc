// Every address that is a page, per locale: what proxy.ts checks before it lets a request reach the routes.
import { routing, type Locale } from './routing';

// Internal route names under a locale are known too: next-intl redirects them to their localized twin.
// error-probe exists only when the tests switch it on; the page itself answers 404 otherwise.
const EXTRA_PATHS = ['/error-probe'];

const knownPaths = new Map<Locale, Set<string>>(
  routing.locales.map((locale) => {
    const paths = new Set<string>(EXTRA_PATHS.map((path) => `/${locale}${path}`));
    for (const [internal, localized] of Object.entries(routing.pathnames)) {
      const own = typeof localized === 'string' ? localized : localized[locale];
      for (const path of [internal, own]) paths.add(path === '/' ? `/${locale}` : `/${locale}${path}`);
    }
    return [locale, paths];
  }),
);

/** Whether a path (with its locale prefix, no trailing slash) is one of the site's pages. */
export function isKnownPagePath(locale: Locale, pathname: string): boolean {
  const trimmed = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  return knownPaths.get(locale)?.has(trimmed) ?? false;
}

// Locales and localized pathnames, defined once: the proxy, navigation helpers,
// static params and the sitemap all read from here.
import { defineRouting } from 'next-intl/routing';

export const routing = defineRouting({
  locales: ['nb', 'nn', 'en'],
  defaultLocale: 'nb',
  localePrefix: 'always',
  // No Set-Cookie and no Link header on guide responses: a shared cache stores neither, and the
  // page head already carries the hreflang alternates (lib/i18n/metadata.ts).
  localeCookie: false,
  alternateLinks: false,
  pathnames: {
    '/': '/',
    '/activate': { nb: '/aktiver', nn: '/aktiver', en: '/activate' },
    '/reset': { nb: '/nullstill', nn: '/nullstill', en: '/reset' },
    '/reset/confirm': { nb: '/nullstill/bekreft', nn: '/nullstill/stadfest', en: '/reset/confirm' },
    '/reset/result': { nb: '/nullstill/resultat', nn: '/nullstill/resultat', en: '/reset/result' },
    '/reset/no-national-id': {
      nb: '/nullstill/mangler-fodselsnummer',
      nn: '/nullstill/manglar-fodselsnummer',
      en: '/reset/no-national-id',
    },
    '/reset/signed-out': { nb: '/nullstill/logget-ut', nn: '/nullstill/logga-ut', en: '/reset/signed-out' },
    '/reset/login-failed': { nb: '/nullstill/innlogging-feilet', nn: '/nullstill/innlogging-feila', en: '/reset/login-failed' },
    '/external-users': { nb: '/eksterne-brukere', nn: '/eksterne-brukarar', en: '/external-users' },
    '/faq': { nb: '/sporsmal-og-svar', nn: '/sporsmal-og-svar', en: '/faq' },
    '/accessibility': { nb: '/tilgjengelighet', nn: '/tilgjenge', en: '/accessibility' },
  },
});

export type Locale = (typeof routing.locales)[number];
export type AppPathname = keyof typeof routing.pathnames;

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (routing.locales as readonly string[]).includes(value);
}

/** The locale of a route's params; the [locale] layout has already turned anything else into a 404. */
export function localeFromParams(value: string): Locale {
  return isLocale(value) ? value : routing.defaultLocale;
}

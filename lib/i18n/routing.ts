// Locales and localized pathnames, defined once: the proxy, navigation helpers,
// static params and the sitemap all read from here.
import { defineRouting } from 'next-intl/routing';

export const routing = defineRouting({
  locales: ['nb', 'en'],
  defaultLocale: 'nb',
  localePrefix: 'always',
  pathnames: {
    '/': '/',
    '/activate': { nb: '/aktiver', en: '/activate' },
    '/reset': { nb: '/nullstill', en: '/reset' },
    '/reset/confirm': { nb: '/nullstill/bekreft', en: '/reset/confirm' },
    '/reset/result': { nb: '/nullstill/resultat', en: '/reset/result' },
    '/reset/no-national-id': { nb: '/nullstill/mangler-fodselsnummer', en: '/reset/no-national-id' },
    '/reset/signed-out': { nb: '/nullstill/logget-ut', en: '/reset/signed-out' },
    '/external-users': { nb: '/eksterne-brukere', en: '/external-users' },
    '/faq': { nb: '/sporsmal-og-svar', en: '/faq' },
    '/accessibility': { nb: '/tilgjengelighet', en: '/accessibility' },
    // The service desk console (staff only, never indexed).
    '/servicedesk': '/servicedesk',
    '/servicedesk/search': { nb: '/servicedesk/finn-person', en: '/servicedesk/find-person' },
    '/servicedesk/reset': { nb: '/servicedesk/nullstill', en: '/servicedesk/reset' },
    '/servicedesk/result': { nb: '/servicedesk/resultat', en: '/servicedesk/result' },
    '/servicedesk/audit': { nb: '/servicedesk/logg', en: '/servicedesk/audit' },
    '/servicedesk/statistics': { nb: '/servicedesk/statistikk', en: '/servicedesk/statistics' },
    '/servicedesk/forbidden': { nb: '/servicedesk/ingen-tilgang', en: '/servicedesk/forbidden' },
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

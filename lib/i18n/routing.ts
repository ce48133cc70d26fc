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
    '/reset/not-me': { nb: '/nullstill/ikke-meg', nn: '/nullstill/ikkje-meg', en: '/reset/not-me' },
    '/reset/history': { nb: '/nullstill/historikk', nn: '/nullstill/historikk', en: '/reset/history' },
    '/reset/login-failed': {
      nb: '/nullstill/innlogging-feilet',
      nn: '/nullstill/innlogging-feila',
      en: '/reset/login-failed',
    },
    '/external-users': { nb: '/eksterne-brukere', nn: '/eksterne-brukarar', en: '/external-users' },
    '/faq': { nb: '/sporsmal-og-svar', nn: '/sporsmal-og-svar', en: '/faq' },
    '/accessibility': { nb: '/tilgjengelighet', nn: '/tilgjenge', en: '/accessibility' },
    // The service desk console (staff only, never indexed).
    '/servicedesk': '/servicedesk',
    '/servicedesk/search': {
      nb: '/servicedesk/finn-person',
      nn: '/servicedesk/finn-person',
      en: '/servicedesk/find-person',
    },
    '/servicedesk/reset': { nb: '/servicedesk/nullstill', nn: '/servicedesk/nullstill', en: '/servicedesk/reset' },
    '/servicedesk/result': { nb: '/servicedesk/resultat', nn: '/servicedesk/resultat', en: '/servicedesk/result' },
    '/servicedesk/audit': { nb: '/servicedesk/logg', nn: '/servicedesk/logg', en: '/servicedesk/audit' },
    '/servicedesk/statistics': {
      nb: '/servicedesk/statistikk',
      nn: '/servicedesk/statistikk',
      en: '/servicedesk/statistics',
    },
    '/servicedesk/forbidden': {
      nb: '/servicedesk/ingen-tilgang',
      nn: '/servicedesk/ingen-tilgang',
      en: '/servicedesk/forbidden',
    },
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

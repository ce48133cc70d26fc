// Every public page of the site, in every language, paired with its counterparts.
export const locales = ['nb', 'nn', 'en'] as const;
export type SiteLocale = (typeof locales)[number];
export type PublicPage = { name: string; hasSteps: boolean } & Record<SiteLocale, string>;

export const publicPages: PublicPage[] = [
  { name: 'home', nb: '/nb', nn: '/nn', en: '/en', hasSteps: false },
  { name: 'activate', nb: '/nb/aktiver', nn: '/nn/aktiver', en: '/en/activate', hasSteps: true },
  { name: 'reset', nb: '/nb/nullstill', nn: '/nn/nullstill', en: '/en/reset', hasSteps: true },
  {
    name: 'external-users',
    nb: '/nb/eksterne-brukere',
    nn: '/nn/eksterne-brukarar',
    en: '/en/external-users',
    hasSteps: true,
  },
  { name: 'faq', nb: '/nb/sporsmal-og-svar', nn: '/nn/sporsmal-og-svar', en: '/en/faq', hasSteps: false },
  { name: 'accessibility', nb: '/nb/tilgjengelighet', nn: '/nn/tilgjenge', en: '/en/accessibility', hasSteps: false },
  {
    name: 'no-national-id',
    nb: '/nb/nullstill/mangler-fodselsnummer',
    nn: '/nn/nullstill/manglar-fodselsnummer',
    en: '/en/reset/no-national-id',
    hasSteps: false,
  },
  {
    name: 'signed-out',
    nb: '/nb/nullstill/logget-ut',
    nn: '/nn/nullstill/logga-ut',
    en: '/en/reset/signed-out',
    hasSteps: false,
  },
  {
    name: 'confirm (signed out)',
    nb: '/nb/nullstill/bekreft',
    nn: '/nn/nullstill/stadfest',
    en: '/en/reset/confirm',
    hasSteps: false,
  },
];

/** The switcher's link to each language, named in that language. */
export const switchLabel: Record<SiteLocale, string> = {
  nb: 'Les denne siden på bokmål',
  nn: 'Les denne sida på nynorsk',
  en: 'Read this page in English',
};

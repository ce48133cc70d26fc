// Every public page of the site, in both languages, paired with its counterpart.
export type PublicPage = { name: string; nb: string; en: string; hasSteps: boolean };

export const publicPages: PublicPage[] = [
  { name: 'home', nb: '/nb', en: '/en', hasSteps: false },
  { name: 'activate', nb: '/nb/aktiver', en: '/en/activate', hasSteps: true },
  { name: 'reset', nb: '/nb/nullstill', en: '/en/reset', hasSteps: true },
  { name: 'external-users', nb: '/nb/eksterne-brukere', en: '/en/external-users', hasSteps: true },
  { name: 'faq', nb: '/nb/sporsmal-og-svar', en: '/en/faq', hasSteps: false },
  { name: 'accessibility', nb: '/nb/tilgjengelighet', en: '/en/accessibility', hasSteps: false },
  { name: 'no-national-id', nb: '/nb/nullstill/mangler-fodselsnummer', en: '/en/reset/no-national-id', hasSteps: false },
  { name: 'signed-out', nb: '/nb/nullstill/logget-ut', en: '/en/reset/signed-out', hasSteps: false },
  { name: 'confirm (signed out)', nb: '/nb/nullstill/bekreft', en: '/en/reset/confirm', hasSteps: false },
];

// What the ID-porten stand-in's own pages say, in the three languages the site speaks.

export type Lang = 'nb' | 'nn' | 'en';

export const TEXT = {
  nb: {
    title: 'Logg inn – ID-porten (lokal testinnlogging)',
    heading: 'ID-porten – lokal testinnlogging',
    intro:
      'Dette er en lokal erstatning for ID-porten. Skriv inn et syntetisk fødselsnummer. Ingen ekte personer og ingen ekte innlogging.',
    client: 'Du logger inn på',
    pid: 'Fødselsnummer (syntetisk)',
    pidHint: '11 siffer, for eksempel et av de syntetiske numrene i listen nedenfor.',
    acr: 'Sikkerhetsnivå',
    substantial: 'Betydelig (idporten-loa-substantial)',
    high: 'Høyt (idporten-loa-high)',
    minutesAgo: 'Lat som innloggingen skjedde for så mange minutter siden',
    noPid: 'Utenlandsk eID eller e-postinnlogging (ID-tokenet får ikke fødselsnummer)',
    submit: 'Logg inn',
    cancel: 'Avbryt',
    errorSummary: 'Skjemaet har feil',
    pidError: 'Fødselsnummeret må være 11 siffer.',
    minutesError: 'Antall minutter må være et helt tall fra 0 og oppover.',
    acrError: 'Velg et gyldig sikkerhetsnivå.',
    peopleHeading: 'Syntetiske personer du kan prøve',
    key: 'Nøkkel',
    number: 'Fødselsnummer',
    description: 'Beskrivelse',
    logoutTitle: 'Logger ut – ID-porten (lokal)',
    logoutHeading: 'Logger ut av ID-porten',
    logoutButton: 'Logg ut',
    loggedOutTitle: 'Logget ut – ID-porten (lokal)',
    loggedOut: 'Du er logget ut av ID-porten.',
    continue: 'Fortsett',
    errorTitle: 'Feil – ID-porten (lokal)',
    errorHeading: 'Noe gikk galt',
  },
  nn: {
    title: 'Logg inn – ID-porten (lokal testinnlogging)',
    heading: 'ID-porten – lokal testinnlogging',
    intro:
      'Dette er ein lokal erstatning for ID-porten. Skriv inn eit syntetisk fødselsnummer. Her er ingen ekte personar og inga ekte innlogging.',
    client: 'Du loggar inn på',
    pid: 'Fødselsnummer (syntetisk)',
    pidHint: '11 siffer, til dømes eitt av dei syntetiske nummera i lista nedanfor.',
    acr: 'Tryggleiksnivå',
    substantial: 'Betydeleg (idporten-loa-substantial)',
    high: 'Høgt (idporten-loa-high)',
    minutesAgo: 'Lat som om innlogginga skjedde for så mange minutt sidan',
    noPid: 'Utanlandsk eID eller e-postinnlogging (ID-tokenet får ikkje fødselsnummer)',
    submit: 'Logg inn',
    cancel: 'Avbryt',
    errorSummary: 'Skjemaet har feil',
    pidError: 'Fødselsnummeret må vere 11 siffer.',
    minutesError: 'Talet på minutt må vere eit heilt tal frå 0 og oppover.',
    acrError: 'Vel eit gyldig tryggleiksnivå.',
    peopleHeading: 'Syntetiske personar du kan prøve',
    key: 'Nøkkel',
    number: 'Fødselsnummer',
    description: 'Skildring',
    logoutTitle: 'Loggar ut – ID-porten (lokal)',
    logoutHeading: 'Loggar ut av ID-porten',
    logoutButton: 'Logg ut',
    loggedOutTitle: 'Logga ut – ID-porten (lokal)',
    loggedOut: 'Du er logga ut av ID-porten.',
    continue: 'Hald fram',
    errorTitle: 'Feil – ID-porten (lokal)',
    errorHeading: 'Noko gjekk gale',
  },
  en: {
    title: 'Log in – ID-porten (local test login)',
    heading: 'ID-porten – local test login',
    intro:
      'This is a local stand-in for ID-porten. Type a synthetic national identity number. No real people and no real login.',
    client: 'You are logging in to',
    pid: 'National identity number (synthetic)',
    pidHint: '11 digits, for example one of the synthetic numbers in the list below.',
    acr: 'Level of assurance',
    substantial: 'Substantial (idporten-loa-substantial)',
    high: 'High (idporten-loa-high)',
    minutesAgo: 'Pretend the login happened this many minutes ago',
    noPid: 'Foreign eID or e-mail login (the ID token gets no national identity number)',
    submit: 'Log in',
    cancel: 'Cancel',
    errorSummary: 'The form has errors',
    pidError: 'The national identity number must be 11 digits.',
    minutesError: 'The number of minutes must be a whole number, 0 or more.',
    acrError: 'Choose a valid level of assurance.',
    peopleHeading: 'Synthetic people to try',
    key: 'Key',
    number: 'National identity number',
    description: 'Description',
    logoutTitle: 'Logging out – ID-porten (local)',
    logoutHeading: 'Logging out of ID-porten',
    logoutButton: 'Log out',
    loggedOutTitle: 'Logged out – ID-porten (local)',
    loggedOut: 'You are logged out of ID-porten.',
    continue: 'Continue',
    errorTitle: 'Error – ID-porten (local)',
    errorHeading: 'Something went wrong',
  },
} as const;

/** ID-porten's choice of language from the client's ui_locales: the first one it speaks. */
export function pickLang(uiLocales: unknown): Lang {
  if (typeof uiLocales === 'string') {
    for (const tag of uiLocales.split(/\s+/)) {
      const base = tag.toLowerCase().split('-')[0];
      if (base === 'en') return 'en';
      if (base === 'nn') return 'nn';
      // ID-porten also speaks Northern Sami (se); the stand-in answers it in bokmål.
      if (base === 'nb' || base === 'no' || base === 'se') return 'nb';
    }
  }
  return 'nb';
}

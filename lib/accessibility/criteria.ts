// The accessibility statement's table: the 47 success criteria of WCAG 2.1 (A and AA) that Norwegian law requires
// of public-sector websites (all of them except 1.2.3, 1.2.4 and 1.2.5), each with its status on this site and
// what supports it. "meets" needs evidence in this repository: an automated test (file and test name) or a
// section of the recorded manual review. tests/unit/accessibility-criteria.test.ts checks that each one exists.

export type CriterionStatus = 'meets' | 'breach' | 'not-tested' | 'not-applicable';
export type Evidence = { test: string; name: string } | { review: string };
type Words = { nb: string; nn: string; en: string };

export type Criterion = {
  id: string;
  level: 'A' | 'AA';
  name: Words;
  status: CriterionStatus;
  evidence: Evidence[];
  /** Why it does not apply, why it is not met, or what was not tested. */
  note?: Words;
};

/** The recorded manual review the "meets" rows point to (keyboard, zoom, 320 px, accessibility tree). */
export const MANUAL_REVIEW = 'content/accessibility-review/2026-12-03.md';

const guides = { test: 'tests/e2e/pages-accessible-in-every-language.spec.ts', name: 'no axe violations' };
const flow = { test: 'tests/e2e/reset-pages-accessible.spec.ts', name: 'pass axe' };
const choice = { test: 'tests/e2e/reset-choice-and-pass-pages-accessible.spec.ts', name: 'pass axe' };
const consolePages = { test: 'tests/e2e/console-pages-accessible-in-every-language.spec.ts', name: 'pass axe' };
const keyboard = {
  test: 'tests/e2e/pages-accessible-in-every-language.spec.ts',
  name: 'the Tab key reaches every link',
};
const consoleKeyboard = {
  test: 'tests/e2e/console-pages-accessible-in-every-language.spec.ts',
  name: 'with the keyboard alone',
};
const review = (section: string): Evidence => ({ review: `${MANUAL_REVIEW}#${section}` });
const axe = [guides, flow, choice, consolePages];

const noMedia: Words = {
  nb: 'Nettstedet har ingen lyd eller video. Videoer vi lenker til, ligger på andre nettsteder.',
  nn: 'Nettstaden har ingen lyd eller video. Videoar vi lenkjer til, ligg på andre nettstader.',
  en: 'The site has no audio or video of its own. Videos we link to are on other sites.',
};

export const CRITERIA: Criterion[] = [
  {
    id: '1.1.1',
    level: 'A',
    name: { nb: 'Ikke-tekstlig innhold', nn: 'Ikkje-tekstleg innhald', en: 'Non-text content' },
    status: 'meets',
    evidence: [...axe, review('reading')],
  },
  {
    id: '1.2.1',
    level: 'A',
    name: {
      nb: 'Bare lyd og bare video (forhåndsinnspilt)',
      nn: 'Berre lyd og berre video (førehandsinnspelt)',
      en: 'Audio-only and video-only (prerecorded)',
    },
    status: 'not-applicable',
    evidence: [],
    note: noMedia,
  },
  {
    id: '1.2.2',
    level: 'A',
    name: { nb: 'Teksting (forhåndsinnspilt)', nn: 'Teksting (førehandsinnspelt)', en: 'Captions (prerecorded)' },
    status: 'not-tested',
    evidence: [],
    note: {
      nb: 'Nettstedet har ingen video selv. Vi har ikke kontrollert om videoer vi lenker til, er tekstet.',
      nn: 'Nettstaden har ingen video sjølv. Vi har ikkje kontrollert om videoar vi lenkjer til, er teksta.',
      en: 'The site has no video of its own. We have not checked whether videos we link to have captions.',
    },
  },
  {
    id: '1.3.1',
    level: 'A',
    name: { nb: 'Informasjon og relasjoner', nn: 'Informasjon og relasjonar', en: 'Info and relationships' },
    status: 'meets',
    evidence: [...axe, review('accessibility-tree')],
  },
  {
    id: '1.3.2',
    level: 'A',
    name: { nb: 'Meningsbærende rekkefølge', nn: 'Meiningsberande rekkjefølgje', en: 'Meaningful sequence' },
    status: 'meets',
    evidence: [review('accessibility-tree')],
  },
  {
    id: '1.3.3',
    level: 'A',
    name: { nb: 'Sensoriske egenskaper', nn: 'Sensoriske eigenskapar', en: 'Sensory characteristics' },
    status: 'meets',
    evidence: [review('reading')],
  },
  {
    id: '1.3.4',
    level: 'AA',
    name: { nb: 'Visningsretning', nn: 'Visingsretning', en: 'Orientation' },
    status: 'meets',
    evidence: [review('orientation')],
  },
  {
    id: '1.3.5',
    level: 'AA',
    name: { nb: 'Identifiser formål med inndata', nn: 'Identifiser formål med inndata', en: 'Identify input purpose' },
    status: 'not-applicable',
    evidence: [],
    note: {
      nb: 'Ingen skjemafelt ber om opplysninger om deg. Søkefeltet i konsollen gjelder en annen person.',
      nn: 'Ingen skjemafelt ber om opplysningar om deg. Søkjefeltet i konsollen gjeld ein annan person.',
      en: 'No form field asks for information about you. The console’s search field is about another person.',
    },
  },
  {
    id: '1.4.1',
    level: 'A',
    name: { nb: 'Bruk av farge', nn: 'Bruk av farge', en: 'Use of colour' },
    status: 'meets',
    evidence: [...axe, review('reading')],
  },
  {
    id: '1.4.2',
    level: 'A',
    name: { nb: 'Styring av lyd', nn: 'Styring av lyd', en: 'Audio control' },
    status: 'not-applicable',
    evidence: [],
    note: noMedia,
  },
  {
    id: '1.4.3',
    level: 'AA',
    name: { nb: 'Kontrast (minimum)', nn: 'Kontrast (minimum)', en: 'Contrast (minimum)' },
    status: 'meets',
    evidence: axe,
  },
  {
    id: '1.4.4',
    level: 'AA',
    name: { nb: 'Endring av tekststørrelse', nn: 'Endring av tekststorleik', en: 'Resize text' },
    status: 'meets',
    evidence: [review('zoom-200')],
  },
  {
    id: '1.4.5',
    level: 'AA',
    name: { nb: 'Bilder av tekst', nn: 'Bilete av tekst', en: 'Images of text' },
    status: 'not-tested',
    evidence: [],
    note: {
      nb: 'Illustrasjonene er tegninger av Microsofts skjermbilder med tekst i. Den samme teksten står i veiledningen og i bildebeskrivelsen, men vi har ikke vurdert om tegningene er nødvendige slik de er.',
      nn: 'Illustrasjonane er teikningar av skjermbileta til Microsoft med tekst i. Den same teksten står i rettleiinga og i biletskildringa, men vi har ikkje vurdert om teikningane er naudsynte slik dei er.',
      en: 'The illustrations are drawings of Microsoft’s screens with text in them. The same text is in the guide and in the image description, but we have not assessed whether the drawings are essential as they are.',
    },
  },
  {
    id: '1.4.10',
    level: 'AA',
    name: { nb: 'Dynamisk tilpasning (reflow)', nn: 'Dynamisk tilpassing (reflow)', en: 'Reflow' },
    status: 'meets',
    evidence: [...axe, review('reflow-320')],
  },
  {
    id: '1.4.11',
    level: 'AA',
    name: {
      nb: 'Kontrast for ikke-tekstlig innhold',
      nn: 'Kontrast for ikkje-tekstleg innhald',
      en: 'Non-text contrast',
    },
    status: 'not-tested',
    evidence: [],
  },
  {
    id: '1.4.12',
    level: 'AA',
    name: { nb: 'Tekstavstand', nn: 'Tekstavstand', en: 'Text spacing' },
    status: 'meets',
    evidence: [review('text-spacing')],
  },
  {
    id: '1.4.13',
    level: 'AA',
    name: {
      nb: 'Innhold ved pekerfokus eller tastaturfokus',
      nn: 'Innhald ved peikarfokus eller tastaturfokus',
      en: 'Content on hover or focus',
    },
    status: 'not-applicable',
    evidence: [],
    note: {
      nb: 'Nettstedet viser ikke noe ekstra innhold når du holder pekeren over eller flytter fokus til noe.',
      nn: 'Nettstaden viser ikkje noko ekstra innhald når du held peikaren over eller flyttar fokus til noko.',
      en: 'The site shows no extra content on hover or focus.',
    },
  },
  {
    id: '2.1.1',
    level: 'A',
    name: { nb: 'Tastatur', nn: 'Tastatur', en: 'Keyboard' },
    status: 'meets',
    evidence: [keyboard, consoleKeyboard, review('keyboard')],
  },
  {
    id: '2.1.2',
    level: 'A',
    name: { nb: 'Ingen tastaturfelle', nn: 'Inga tastaturfelle', en: 'No keyboard trap' },
    status: 'meets',
    evidence: [keyboard, review('keyboard')],
  },
  {
    id: '2.1.4',
    level: 'A',
    name: {
      nb: 'Hurtigtaster som består av ett tegn',
      nn: 'Snøggtastar som er eitt teikn',
      en: 'Character key shortcuts',
    },
    status: 'not-applicable',
    evidence: [],
    note: {
      nb: 'Nettstedet har ingen hurtigtaster.',
      nn: 'Nettstaden har ingen snøggtastar.',
      en: 'The site has no keyboard shortcuts.',
    },
  },
  {
    id: '2.2.1',
    level: 'A',
    name: { nb: 'Justerbar hastighet', nn: 'Justerbar tid', en: 'Timing adjustable' },
    status: 'not-tested',
    evidence: [],
    note: {
      nb: 'Av sikkerhetshensyn må innloggingen med ID-porten være fersk når du nullstiller. Er den for gammel, får du beskjed og kan logge inn på nytt uten å miste noe. Vi har ikke vurdert om dette oppfyller kravet.',
      nn: 'Av omsyn til tryggleiken må innlogginga med ID-porten vere fersk når du nullstiller. Er ho for gammal, får du melding og kan logge inn på nytt utan å miste noko. Vi har ikkje vurdert om dette oppfyller kravet.',
      en: 'For security, your ID-porten sign-in must be recent when you reset. If it is too old, you are told so and can sign in again without losing anything. We have not assessed whether this meets the requirement.',
    },
  },
  {
    id: '2.2.2',
    level: 'A',
    name: { nb: 'Pause, stopp, skjul', nn: 'Pause, stopp, gøym', en: 'Pause, stop, hide' },
    status: 'not-applicable',
    evidence: [],
    note: {
      nb: 'Ingenting beveger seg eller oppdaterer seg av seg selv.',
      nn: 'Ingenting rører seg eller oppdaterer seg av seg sjølv.',
      en: 'Nothing moves or updates by itself.',
    },
  },
  {
    id: '2.3.1',
    level: 'A',
    name: {
      nb: 'Terskelverdi på maksimalt tre glimt',
      nn: 'Terskelverdi på maksimalt tre glimt',
      en: 'Three flashes or below threshold',
    },
    status: 'not-applicable',
    evidence: [],
    note: { nb: 'Ingenting blinker.', nn: 'Ingenting blinkar.', en: 'Nothing flashes.' },
  },
  {
    id: '2.4.1',
    level: 'A',
    name: { nb: 'Hoppe over blokker', nn: 'Hoppe over blokker', en: 'Bypass blocks' },
    status: 'meets',
    evidence: [
      { test: 'tests/e2e/pages-accessible-in-every-language.spec.ts', name: 'the skip link is the first stop' },
    ],
  },
  {
    id: '2.4.2',
    level: 'A',
    name: { nb: 'Sidetitler', nn: 'Sidetitlar', en: 'Page titled' },
    status: 'meets',
    evidence: [guides, ...axe.slice(1)],
  },
  {
    id: '2.4.3',
    level: 'A',
    name: { nb: 'Fokusrekkefølge', nn: 'Fokusrekkjefølgje', en: 'Focus order' },
    status: 'meets',
    evidence: [review('keyboard')],
  },
  {
    id: '2.4.4',
    level: 'A',
    name: {
      nb: 'Formål med lenke (i kontekst)',
      nn: 'Formål med lenkje (i kontekst)',
      en: 'Link purpose (in context)',
    },
    status: 'meets',
    evidence: [...axe, review('reading')],
  },
  {
    id: '2.4.5',
    level: 'AA',
    name: { nb: 'Flere måter', nn: 'Fleire måtar', en: 'Multiple ways' },
    status: 'meets',
    evidence: [
      { test: 'tests/e2e/language-links-keep-the-page.spec.ts', name: 'the crawl from each home page' },
      review('accessibility-tree'),
    ],
  },
  {
    id: '2.4.6',
    level: 'AA',
    name: { nb: 'Overskrifter og ledetekster', nn: 'Overskrifter og leietekstar', en: 'Headings and labels' },
    status: 'meets',
    evidence: [review('accessibility-tree')],
  },
  {
    id: '2.4.7',
    level: 'AA',
    name: { nb: 'Synlig fokus', nn: 'Synleg fokus', en: 'Focus visible' },
    status: 'meets',
    evidence: [keyboard, review('keyboard')],
  },
  {
    id: '2.5.1',
    level: 'A',
    name: { nb: 'Pekerbevegelser', nn: 'Peikarrørsler', en: 'Pointer gestures' },
    status: 'not-applicable',
    evidence: [],
    note: {
      nb: 'Ingenting krever sveiping eller flere fingre.',
      nn: 'Ingenting krev sveiping eller fleire fingrar.',
      en: 'Nothing needs a swipe or several fingers.',
    },
  },
  {
    id: '2.5.2',
    level: 'A',
    name: { nb: 'Pekeravbrytelse', nn: 'Peikaravbryting', en: 'Pointer cancellation' },
    status: 'meets',
    evidence: [review('code')],
  },
  {
    id: '2.5.3',
    level: 'A',
    name: { nb: 'Ledetekst i navn', nn: 'Leietekst i namn', en: 'Label in name' },
    status: 'not-tested',
    evidence: [],
  },
  {
    id: '2.5.4',
    level: 'A',
    name: { nb: 'Bevegelsesaktivering', nn: 'Rørsleaktivering', en: 'Motion actuation' },
    status: 'not-applicable',
    evidence: [],
    note: {
      nb: 'Ingenting styres ved å bevege enheten.',
      nn: 'Ingenting blir styrt ved å røre på eininga.',
      en: 'Nothing is operated by moving the device.',
    },
  },
  {
    id: '3.1.1',
    level: 'A',
    name: { nb: 'Språk på siden', nn: 'Språk på sida', en: 'Language of page' },
    status: 'meets',
    evidence: [guides, ...axe.slice(1)],
  },
  {
    id: '3.1.2',
    level: 'AA',
    name: { nb: 'Språk for deler av innholdet', nn: 'Språk for delar av innhaldet', en: 'Language of parts' },
    status: 'breach',
    evidence: [review('reading')],
    note: {
      nb: 'Veiledningene skriver Microsofts knappenavn på engelsk i parentes i den norske teksten (og norske navn i den engelske), uten at de er merket med språk. En skjermleser kan derfor uttale dem feil.',
      nn: 'Rettleiingane skriv knappenamna til Microsoft på engelsk i parentes i den norske teksten (og norske namn i den engelske), utan at dei er merkte med språk. Ein skjermlesar kan difor uttale dei feil.',
      en: 'The guides give Microsoft’s button names in Norwegian in brackets in the English text (and in English in the Norwegian text) without marking their language, so a screen reader may pronounce them wrongly.',
    },
  },
  {
    id: '3.2.1',
    level: 'A',
    name: { nb: 'Fokus', nn: 'Fokus', en: 'On focus' },
    status: 'meets',
    evidence: [review('keyboard')],
  },
  {
    id: '3.2.2',
    level: 'A',
    name: { nb: 'Inndata', nn: 'Inndata', en: 'On input' },
    status: 'meets',
    evidence: [review('code')],
  },
  {
    id: '3.2.3',
    level: 'AA',
    name: { nb: 'Konsekvent navigering', nn: 'Konsekvent navigering', en: 'Consistent navigation' },
    status: 'meets',
    evidence: [review('accessibility-tree')],
  },
  {
    id: '3.2.4',
    level: 'AA',
    name: { nb: 'Konsekvent identifikasjon', nn: 'Konsekvent identifikasjon', en: 'Consistent identification' },
    status: 'meets',
    evidence: [review('accessibility-tree')],
  },
  {
    id: '3.3.1',
    level: 'A',
    name: { nb: 'Identifikasjon av feil', nn: 'Identifikasjon av feil', en: 'Error identification' },
    status: 'not-tested',
    evidence: [],
  },
  {
    id: '3.3.2',
    level: 'A',
    name: {
      nb: 'Ledetekster eller instruksjoner',
      nn: 'Leietekstar eller instruksjonar',
      en: 'Labels or instructions',
    },
    status: 'meets',
    evidence: [choice, consolePages],
  },
  {
    id: '3.3.3',
    level: 'AA',
    name: { nb: 'Forslag ved feil', nn: 'Forslag ved feil', en: 'Error suggestion' },
    status: 'not-tested',
    evidence: [],
  },
  {
    id: '3.3.4',
    level: 'AA',
    name: {
      nb: 'Forhindring av feil (juridiske feil, økonomiske feil, datafeil)',
      nn: 'Førebygging av feil (juridiske feil, økonomiske feil, datafeil)',
      en: 'Error prevention (legal, financial, data)',
    },
    status: 'meets',
    evidence: [
      { test: 'tests/e2e/reset-removes-only-chosen-registrations.spec.ts', name: 'nothing ticked removes nothing' },
    ],
    note: {
      nb: 'Før noe blir fjernet, viser bekreftelsessiden hva som blir fjernet, og du kan velge bort eller avbryte.',
      nn: 'Før noko blir fjerna, viser stadfestingssida kva som blir fjerna, og du kan velje bort eller avbryte.',
      en: 'Before anything is removed, the confirm page shows what will be removed, and you can untick it or cancel.',
    },
  },
  {
    id: '4.1.1',
    level: 'A',
    name: { nb: 'Parsing (oppdeling)', nn: 'Parsing (oppdeling)', en: 'Parsing' },
    status: 'not-tested',
    evidence: [],
    note: {
      nb: 'W3C regner nå dette kravet som alltid oppfylt for HTML. Vi har ikke testet det for seg.',
      nn: 'W3C reknar no dette kravet som alltid oppfylt for HTML. Vi har ikkje testa det for seg.',
      en: 'W3C now considers this criterion always met for HTML. We have not tested it separately.',
    },
  },
  {
    id: '4.1.2',
    level: 'A',
    name: { nb: 'Navn, rolle, verdi', nn: 'Namn, rolle, verdi', en: 'Name, role, value' },
    status: 'meets',
    evidence: [...axe, review('accessibility-tree')],
  },
  {
    id: '4.1.3',
    level: 'AA',
    name: { nb: 'Statusbeskjeder', nn: 'Statusmeldingar', en: 'Status messages' },
    status: 'not-tested',
    evidence: [],
  },
];

/** How many requirements the site breaches, meets, and has not tested, for the statement's summary. */
export function criteriaSummary() {
  const count = (status: CriterionStatus) => CRITERIA.filter((criterion) => criterion.status === status).length;
  return {
    total: CRITERIA.length,
    breach: count('breach'),
    meets: count('meets'),
    notTested: count('not-tested'),
    notApplicable: count('not-applicable'),
  };
}

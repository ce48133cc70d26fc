// WCAG 2.1 A and AA, understandable and robust: principles 3 and 4.
import { guides, choice, consolePages, review, axe, type Criterion } from './evidence';

export const UNDERSTANDABLE_ROBUST: Criterion[] = [
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
    fix: {
      plan: {
        nb: 'Vi merker knappenavnene på det andre språket med riktig språk, slik at skjermlesere uttaler dem riktig.',
        nn: 'Vi merkjer knappenamna på det andre språket med rett språk, slik at skjermlesarar uttaler dei rett.',
        en: 'We will mark the button names in the other language with their language, so that screen readers pronounce them correctly.',
      },
      by: '2027-03-01',
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

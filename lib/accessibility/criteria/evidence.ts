// What the accessibility statement says of each success criterion, and the evidence a "meets" points to.
export type CriterionStatus = 'meets' | 'breach' | 'not-tested' | 'not-applicable';
export type Evidence = { test: string; name: string } | { review: string };
export type Words = { nb: string; nn: string; en: string };

/** What we will do about a criterion we do not meet (or have not tested), and by when: Uutilsynet's form asks both. */
export type Fix = { plan: Words; by: string };

export type Criterion = {
  id: string;
  level: 'A' | 'AA';
  name: Words;
  status: CriterionStatus;
  evidence: Evidence[];
  /** Why it does not apply, why it is not met, or what was not tested. */
  note?: Words;
  /** Required for a breach (tests/unit/accessibility-criteria.test.ts): the fix and its date (YYYY-MM-DD). */
  fix?: Fix;
};

/** The recorded manual review the "meets" rows point to (keyboard, zoom, 320 px, accessibility tree). */
export const MANUAL_REVIEW = 'content/accessibility-review/2026-12-03.md';

export const guides = { test: 'tests/e2e/pages-accessible-in-every-language.spec.ts', name: 'no axe violations' };
export const flow = { test: 'tests/e2e/reset-pages-accessible.spec.ts', name: 'pass axe' };
export const choice = { test: 'tests/e2e/reset-choice-and-pass-pages-accessible.spec.ts', name: 'pass axe' };
export const consolePages = { test: 'tests/e2e/console-pages-accessible-in-every-language.spec.ts', name: 'pass axe' };
export const keyboard = {
  test: 'tests/e2e/pages-accessible-in-every-language.spec.ts',
  name: 'the Tab key reaches every link',
};
export const consoleKeyboard = {
  test: 'tests/e2e/console-pages-accessible-in-every-language.spec.ts',
  name: 'with the keyboard alone',
};
export const review = (section: string): Evidence => ({ review: `${MANUAL_REVIEW}#${section}` });

/** By when we test what the table marks "not tested" (a commitment of this statement; see content/SOURCES.md). */
export const NOT_TESTED_BY = '2027-03-01';

/** The day of the recorded manual review, from its file name. */
export const MANUAL_REVIEW_DATE = MANUAL_REVIEW.match(/\d{4}-\d{2}-\d{2}/)?.[0] ?? '';

/** The sections of the manual review the table may name, each said in words for readers. */
export const REVIEW_TOPICS = [
  'keyboard',
  'zoom-200',
  'reflow-320',
  'orientation',
  'text-spacing',
  'accessibility-tree',
  'reading',
  'code',
] as const;
export type ReviewTopic = (typeof REVIEW_TOPICS)[number];

/**
 * How the statement describes a piece of evidence to readers: which pages an automated test checks, or what was
 * checked by hand and on which day. Test file names and review anchors stay in the code for maintainers.
 */
export type EvidenceInWords =
  { kind: 'automatic'; pages: 'guides' | 'reset' | 'console' } | { kind: 'manual'; topic: ReviewTopic; date: string };

export function evidenceInWords(evidence: Evidence): EvidenceInWords {
  if ('test' in evidence) {
    const file = evidence.test.replace('tests/e2e/', '');
    if (file.startsWith('console-')) return { kind: 'automatic', pages: 'console' };
    if (file.startsWith('reset-')) return { kind: 'automatic', pages: 'reset' };
    return { kind: 'automatic', pages: 'guides' };
  }
  const section = evidence.review.split('#')[1] ?? '';
  const topic = REVIEW_TOPICS.find((candidate) => candidate === section);
  if (!topic) throw new Error(`the manual review has no topic "${section}" the statement can name`);
  return { kind: 'manual', topic, date: MANUAL_REVIEW_DATE };
}

/** The evidence of one criterion in words, each description once (several tests may check the same pages). */
export function evidenceListInWords(list: Evidence[]): EvidenceInWords[] {
  const seen = new Set<string>();
  return list.map(evidenceInWords).filter((item) => {
    const key = item.kind === 'automatic' ? `a:${item.pages}` : `m:${item.topic}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
export const axe = [guides, flow, choice, consolePages];

export const noMedia: Words = {
  nb: 'Nettstedet har ingen lyd eller video. Videoer vi lenker til, ligger på andre nettsteder.',
  nn: 'Nettstaden har ingen lyd eller video. Videoar vi lenkjer til, ligg på andre nettstader.',
  en: 'The site has no audio or video of its own. Videos we link to are on other sites.',
};

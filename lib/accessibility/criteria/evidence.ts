// What the accessibility statement says of each success criterion, and the evidence a "meets" points to.
export type CriterionStatus = 'meets' | 'breach' | 'not-tested' | 'not-applicable';
export type Evidence = { test: string; name: string } | { review: string };
export type Words = { nb: string; nn: string; en: string };

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
export const axe = [guides, flow, choice, consolePages];

export const noMedia: Words = {
  nb: 'Nettstedet har ingen lyd eller video. Videoer vi lenker til, ligger på andre nettsteder.',
  nn: 'Nettstaden har ingen lyd eller video. Videoar vi lenkjer til, ligg på andre nettstader.',
  en: 'The site has no audio or video of its own. Videos we link to are on other sites.',
};

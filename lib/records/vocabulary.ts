// The closed vocabularies of an audit record, apart from the tables so that pages and components can name them
// without importing the database schema.
// `in-progress`: the attempt's intent, written before its first change in Graph and completed after its last.
// `interrupted`: an attempt whose instance died in between, completed by recovery with what Graph no longer has.
export const OUTCOMES = [
  'success',
  'partial',
  'failed',
  'refused',
  'nothing-to-remove',
  'in-progress',
  'interrupted',
] as const;
export type RecordOutcome = (typeof OUTCOMES)[number];

export const CHANNELS = ['self-service', 'service-desk'] as const;
export type RecordChannel = (typeof CHANNELS)[number];
/** How the service desk verified the person: the kind of document only, never its number. */
export const VERIFICATION_KINDS = [
  'passport',
  'national-id-card',
  'norwegian-driving-licence',
  'residence-card',
] as const;
export type VerificationKind = (typeof VERIFICATION_KINDS)[number];

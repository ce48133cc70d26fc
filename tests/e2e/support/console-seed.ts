// A known set of past records, written into the e2e database before the site starts (seed-console-records.ts),
// so the audit view and the statistics can be checked against exact counts. Days are whole UTC days in the past,
// where no other test writes.
export type SeedRow = {
  daysAgo: number;
  outcome: 'success' | 'partial' | 'failed' | 'refused' | 'nothing-to-remove';
  channel: 'self-service' | 'service-desk';
  reason?: string;
  count: number;
};

export const SEED_ROWS: SeedRow[] = [
  { daysAgo: 3, outcome: 'success', channel: 'self-service', count: 2 },
  { daysAgo: 3, outcome: 'success', channel: 'service-desk', count: 1 },
  { daysAgo: 3, outcome: 'refused', channel: 'self-service', reason: 'stale-login', count: 1 },
  { daysAgo: 5, outcome: 'partial', channel: 'service-desk', count: 1 },
  { daysAgo: 5, outcome: 'refused', channel: 'service-desk', reason: 'protected-account', count: 2 },
  { daysAgo: 5, outcome: 'failed', channel: 'self-service', count: 1 },
  { daysAgo: 8, outcome: 'nothing-to-remove', channel: 'self-service', count: 1 },
  { daysAgo: 8, outcome: 'success', channel: 'service-desk', count: 3 },
];

export const SEED_FILE = 'data/e2e-console-seed.json';
export const SEED_AGENT = '5e5e5e5e-0000-4000-8000-0000000005ee';
export const SEED_AGENT_NAME = 'Sara Seedsen';

/** The UTC day `daysAgo` days before `now`, YYYY-MM-DD. */
export const dayAgo = (now: Date, daysAgo: number) =>
  new Date(Date.parse(`${now.toISOString().slice(0, 10)}T12:00:00Z`) - daysAgo * 86_400_000).toISOString().slice(0, 10);

// The audit view's filters, read from the query string. Anything malformed is dropped (and the page says so),
// never passed on to a query.
import { z } from 'zod';
import { CHANNELS, OUTCOMES, type RecordChannel, type RecordOutcome } from '@/lib/records/vocabulary';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const USERNAME = /^[A-Za-z0-9._'-]{1,64}@[A-Za-z0-9.-]{1,253}$/;
const DAY_MS = 24 * 60 * 60 * 1000;

export type AuditFilterInput = { outcome?: string; channel?: string; from?: string; to?: string; username?: string };
export type AuditFilter = {
  outcome?: RecordOutcome;
  channel?: RecordChannel;
  /** YYYY-MM-DD, as given */
  from?: string;
  to?: string;
  username?: string;
  invalid: boolean;
};

const validDay = (value: string) => DAY.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));

export function parseAuditFilter(input: AuditFilterInput): AuditFilter {
  const given = (value: string | undefined) => (value ?? '').trim();
  const outcome = z.enum(OUTCOMES).safeParse(given(input.outcome));
  const channel = z.enum(CHANNELS).safeParse(given(input.channel));
  const from = given(input.from);
  const to = given(input.to);
  const username = given(input.username);
  const invalid =
    (given(input.outcome) !== '' && !outcome.success) ||
    (given(input.channel) !== '' && !channel.success) ||
    (from !== '' && !validDay(from)) ||
    (to !== '' && !validDay(to)) ||
    (username !== '' && !USERNAME.test(username));
  return {
    outcome: outcome.success ? outcome.data : undefined,
    channel: channel.success ? channel.data : undefined,
    from: validDay(from) ? from : undefined,
    to: validDay(to) ? to : undefined,
    username: USERNAME.test(username) ? username : undefined,
    invalid,
  };
}

/** The time range of the filter: from the start of `from` to the end of `to` (UTC days), `to` inclusive. */
export function filterRange(filter: Pick<AuditFilter, 'from' | 'to'>): { from?: Date; to?: Date } {
  return {
    from: filter.from ? new Date(`${filter.from}T00:00:00Z`) : undefined,
    to: filter.to ? new Date(Date.parse(`${filter.to}T00:00:00Z`) + DAY_MS) : undefined,
  };
}

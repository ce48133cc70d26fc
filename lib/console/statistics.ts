// The auditor's statistics, computed from records: attempts per day by outcome and by channel, refusal reasons,
// and the share of partial and failed resets. Days are UTC calendar days, the last `days` of them up to today.
import type { ResetRecord } from '@/lib/records/schema';
import { CHANNELS, OUTCOMES, type RecordChannel, type RecordOutcome } from '@/lib/records/vocabulary';

export type StatisticsRecord = Pick<ResetRecord, 'createdAt' | 'outcome' | 'channel' | 'reason'>;

export type DayStatistics = {
  /** YYYY-MM-DD (UTC) */
  day: string;
  byOutcome: Record<RecordOutcome, number>;
  byChannel: Record<RecordChannel, number>;
  total: number;
};

export type Statistics = {
  from: string;
  to: string;
  days: DayStatistics[];
  total: number;
  refusalReasons: { reason: string; count: number }[];
  /** Attempts that removed or tried to remove something: success, partial, failed. */
  resets: number;
  /** Percent of `resets`, one decimal. */
  partialShare: number;
  failedShare: number;
};

const DAY_MS = 24 * 60 * 60 * 1000;
export const STATISTICS_DAYS = 30;

export const dayOf = (date: Date) => date.toISOString().slice(0, 10);

/** The first instant counted: midnight UTC, `days - 1` days before today. */
export function statisticsStart(now: Date, days = STATISTICS_DAYS): Date {
  return new Date(Date.parse(`${dayOf(now)}T00:00:00Z`) - (days - 1) * DAY_MS);
}

const zeros = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10);

export function computeStatistics(records: readonly StatisticsRecord[], now: Date, days = STATISTICS_DAYS): Statistics {
  const start = statisticsStart(now, days);
  const table = new Map<string, DayStatistics>();
  for (let i = 0; i < days; i += 1) {
    const day = dayOf(new Date(start.getTime() + i * DAY_MS));
    table.set(day, { day, byOutcome: zeros(OUTCOMES), byChannel: zeros(CHANNELS), total: 0 });
  }
  const reasons = new Map<string, number>();
  for (const record of records) {
    const row = table.get(dayOf(record.createdAt));
    if (!row || record.createdAt > now) continue;
    row.byOutcome[record.outcome] += 1;
    row.byChannel[record.channel] += 1;
    row.total += 1;
    if (record.outcome === 'refused')
      reasons.set(record.reason ?? 'unknown', (reasons.get(record.reason ?? 'unknown') ?? 0) + 1);
  }
  const dayRows = [...table.values()];
  const sum = (pick: (row: DayStatistics) => number) => dayRows.reduce((total, row) => total + pick(row), 0);
  const partial = sum((row) => row.byOutcome.partial);
  const failed = sum((row) => row.byOutcome.failed);
  const resets = sum((row) => row.byOutcome.success) + partial + failed;
  return {
    from: dayRows[0]?.day ?? dayOf(start),
    to: dayRows.at(-1)?.day ?? dayOf(now),
    days: dayRows,
    total: sum((row) => row.total),
    refusalReasons: [...reasons]
      .map(([reason, count]) => ({ reason, count }))
      .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
    resets,
    partialShare: percent(partial, resets),
    failedShare: percent(failed, resets),
  };
}

// Retention: the keyed hash of a national id is still pseudonymous personal data, so records go once they are
// older than RECORDS_RETENTION_DAYS. The clock is a parameter, so tests move time instead of waiting.
import 'server-only';
import { lt } from 'drizzle-orm';
import type { RecordsDatabase } from '@/lib/records/database';
import { resetRecords } from '@/lib/records/schema';

const DAY_MS = 24 * 60 * 60 * 1000;

export function retentionCutoff(now: Date, retentionDays: number): Date {
  return new Date(now.getTime() - retentionDays * DAY_MS);
}

/** Deletes every record created before the cutoff; returns how many went. */
export async function pruneRecords(
  db: RecordsDatabase,
  options: { now: Date; retentionDays: number },
): Promise<{ deleted: number; cutoff: Date }> {
  const cutoff = retentionCutoff(options.now, options.retentionDays);
  const deleted = await db
    .delete(resetRecords)
    .where(lt(resetRecords.createdAt, cutoff))
    .returning({ id: resetRecords.id });
  return { deleted: deleted.length, cutoff };
}

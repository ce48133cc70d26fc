// The records as pages, routes and sessions ask for them, by name. A person is asked about by their national
// identity number and hashed here, with the records' key, so no caller handles the key or composes a query.
import 'server-only';
import { randomUUID } from 'node:crypto';
import { computeStatistics, statisticsStart, type Statistics } from '@/lib/console/statistics';
import { filterRange, type AuditFilter } from '@/lib/console/audit-filter';
import { hashNationalId, type NationalId } from '@/lib/national-id';
import type { RecordStore } from './records';
import type { ResetRecord } from './schema';

// The audit view shows the newest attempts; a filter narrows it further.
export const AUDIT_LIMIT = 200;
// Records are kept about 13 months (RECORDS_RETENTION_DAYS); a person has a handful a year.
const HISTORY_LIMIT = 200;

export type PassViewer = { person: NationalId } | { agentId: string };

export function createRecordQueries(store: RecordStore, hmacKey: string) {
  const hash = (person: NationalId) => hashNationalId(person, hmacKey);
  return {
    hashOf: hash,
    /** A refused attempt (a login that cannot become a session, a request refused before anything was read). */
    recordRefusal: (reason: string, person: NationalId | null, requestId: string = randomUUID()) =>
      store.addRecord({ requestId, outcome: 'refused', reason, nationalIdHash: person ? hash(person) : null }),
    /** The person's own attempt by its reference; null for anybody else's. */
    async ownAttempt(person: NationalId, requestId: string): Promise<ResetRecord | null> {
      const record = await store.findRecordByRequestId(requestId);
      return record && record.nationalIdHash === hash(person) ? record : null;
    },
    /** The agent's own service desk attempt by its reference; null for another agent's. */
    async deskAttempt(agentId: string, requestId: string): Promise<ResetRecord | null> {
      const record = await store.findRecordByRequestId(requestId);
      return record && record.channel === 'service-desk' && record.agentId === agentId ? record : null;
    },
    /** Marks a pass as no longer to be shown; true for the first caller only (see RecordStore.claimPassDisplay). */
    claimPassDisplay: (requestId: string, viewer: PassViewer, now: Date) =>
      store.claimPassDisplay(
        requestId,
        'person' in viewer ? { nationalIdHash: hash(viewer.person) } : { agentId: viewer.agentId },
        now,
      ),
    closeOpenPasses: (person: NationalId, now: Date) => store.closeOpenPasses(hash(person), now),
    /** Their self-service attempts and the desk's on the accounts the directory links to them, newest first. */
    personHistory: (person: NationalId, accountIds: readonly string[]) =>
      store.listHistory(hash(person), accountIds, HISTORY_LIMIT),
    /** The operators' lookup: one person's attempts, oldest first. */
    personAttempts: (person: NationalId) => store.listRecordsByNationalIdHash(hash(person)),
    attemptsSince: (since: Date) => store.listRecordsSince(since),
    auditAttempts: (filter: Pick<AuditFilter, 'outcome' | 'channel' | 'from' | 'to'>, accountId?: string) =>
      store.listAttempts({
        outcome: filter.outcome,
        channel: filter.channel,
        ...filterRange(filter),
        accountId,
        limit: AUDIT_LIMIT,
      }),
    async statistics(now: Date): Promise<Statistics> {
      return computeStatistics(await store.listRecordsSince(statisticsStart(now)), now);
    },
    endSession: (sid: string) => store.endSession(sid),
    isSessionEnded: (sid: string) => store.isSessionEnded(sid),
  };
}

export type RecordQueries = ReturnType<typeof createRecordQueries>;

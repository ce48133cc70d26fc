// Audit records of reset attempts, and the front-channel logout's ended sessions.
import 'server-only';
import { and, asc, count, desc, eq, gt, gte, inArray, isNull, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import type { RecordsDatabase } from '@/lib/records/database';
import {
  endedSessions,
  resetRecords,
  type NewResetRecord,
  type RecordChannel,
  type RecordOutcome,
  type ResetRecord,
} from '@/lib/records/schema';

/** The audit view's filters; every one optional. `to` is exclusive. */
export type AttemptFilter = {
  outcome?: RecordOutcome;
  channel?: RecordChannel;
  from?: Date;
  to?: Date;
  accountId?: string;
  limit: number;
};

export type NewRecord = Omit<NewResetRecord, 'id'>;
export type PassHolder = { nationalIdHash: string } | { agentId: string };

// Only outcomes that changed the directory use up the person's allowance: refusals, "nothing to remove" and
// failures (nothing could be removed) changed nothing.
// An intent still open or completed by recovery may have changed it too, so it counts until known otherwise.
export const COUNTED_OUTCOMES: readonly RecordOutcome[] = ['success', 'partial', 'in-progress', 'interrupted'];

// Sessions live at most 30 minutes, so an ended session older than this can never come back with a cookie.
const ENDED_SESSION_RETENTION = sql`interval '24 hours'`;

/** What completing an intent may set: everything but who and when the attempt was. */
export type Completion = Omit<NewRecord, 'requestId' | 'createdAt'>;

export interface RecordStore {
  addRecord(record: NewRecord): Promise<ResetRecord>;
  /**
   * Completes an intent (outcome `in-progress`) with what happened: null when it was no longer in progress (recovery
   * or another completion came first), so of two completers exactly one wins.
   */
  completeIntent(id: string, completion: Completion): Promise<ResetRecord | null>;
  /** Intents written before `before` and still in progress, oldest first: what recovery looks at. */
  listIntentsBefore(before: Date, limit: number): Promise<ResetRecord[]>;
  findRecordByRequestId(requestId: string): Promise<ResetRecord | null>;
  countResetsSince(nationalIdHash: string, since: Date): Promise<number>;
  /** When the oldest counted reset in the window happened: tells a rate-limited person when to come back. */
  firstResetSince(nationalIdHash: string, since: Date): Promise<Date | null>;
  /**
   * Closes the attempt's Temporary Access Pass for display, once: true for the first caller only, only while the
   * pass is valid, and only for its holder — the person (by their hash: "I have written it down") or, for a pass the
   * service desk issued, the agent who made the attempt (shown once on the desk's result page).
   */
  claimPassDisplay(requestId: string, holder: PassHolder, now: Date): Promise<boolean>;
  /** Closes every open pass of the person (sign-out): none of them is shown again. */
  closeOpenPasses(nationalIdHash: string, now: Date): Promise<void>;
  endSession(sid: string): Promise<void>;
  isSessionEnded(sid: string): Promise<boolean>;
  listRecords(): Promise<ResetRecord[]>;
  /**
   * The person's own history, newest first: their self-service attempts (by the national id's hash) and the service
   * desk's attempts on their accounts (the desk records the account, not the person). At most `limit`.
   */
  listHistory(nationalIdHash: string, accountIds: readonly string[], limit: number): Promise<ResetRecord[]>;
  /** One person's attempts, oldest first: the operators' audit lookup. */
  listRecordsByNationalIdHash(nationalIdHash: string): Promise<ResetRecord[]>;
  listRecordsSince(since: Date): Promise<ResetRecord[]>;
  /** Service desk attempts by one agent since a time (its own rate-limit refusals not counted): the per-agent limit. */
  countAgentAttemptsSince(agentId: string, since: Date): Promise<number>;
  /** The audit view: newest first, filtered, at most `limit` rows. */
  listAttempts(filter: AttemptFilter): Promise<ResetRecord[]>;
}

// A new pass on its own changed the account too, so it counts like a reset.
const countedResets = (nationalIdHash: string, since: Date) =>
  and(
    eq(resetRecords.nationalIdHash, nationalIdHash),
    gte(resetRecords.createdAt, since),
    or(inArray(resetRecords.outcome, [...COUNTED_OUTCOMES]), eq(resetRecords.tapIssued, true)),
  );

type Database = RecordsDatabase;

const listOldestFirst = (db: Database, where?: SQL) =>
  db.select().from(resetRecords).where(where).orderBy(asc(resetRecords.createdAt), asc(resetRecords.id));

const holderIs = (holder: PassHolder) =>
  'agentId' in holder
    ? and(eq(resetRecords.channel, 'service-desk'), eq(resetRecords.agentId, holder.agentId))
    : eq(resetRecords.nationalIdHash, holder.nationalIdHash);

/** Writing and finding single attempts, and what the per-person and per-agent limits count. */
function attemptQueries(db: Database) {
  return {
    async addRecord(record: NewRecord) {
      const [row] = await db.insert(resetRecords).values(record).returning();
      if (!row) throw new Error('insert returned no row');
      return row;
    },
    async completeIntent(id: string, completion: Completion) {
      const [row] = await db
        .update(resetRecords)
        .set(completion)
        .where(and(eq(resetRecords.id, id), eq(resetRecords.outcome, 'in-progress')))
        .returning();
      return row ?? null;
    },
    listIntentsBefore: (before: Date, limit: number) =>
      listOldestFirst(db, and(eq(resetRecords.outcome, 'in-progress'), lt(resetRecords.createdAt, before))).limit(
        limit,
      ),
    async findRecordByRequestId(requestId: string) {
      const [row] = await db.select().from(resetRecords).where(eq(resetRecords.requestId, requestId)).limit(1);
      return row ?? null;
    },
    async countResetsSince(nationalIdHash: string, since: Date) {
      const [row] = await db.select({ total: count() }).from(resetRecords).where(countedResets(nationalIdHash, since));
      return row?.total ?? 0;
    },
    async firstResetSince(nationalIdHash: string, since: Date) {
      const [row] = await db
        .select({ createdAt: resetRecords.createdAt })
        .from(resetRecords)
        .where(countedResets(nationalIdHash, since))
        .orderBy(asc(resetRecords.createdAt))
        .limit(1);
      return row?.createdAt ?? null;
    },
    async countAgentAttemptsSince(agentId: string, since: Date) {
      const [row] = await db
        .select({ total: count() })
        .from(resetRecords)
        .where(
          and(
            eq(resetRecords.agentId, agentId),
            gte(resetRecords.createdAt, since),
            or(isNull(resetRecords.reason), ne(resetRecords.reason, 'rate-limited-agent')),
          ),
        );
      return row?.total ?? 0;
    },
  };
}

/** When a Temporary Access Pass may no longer be shown. */
function passQueries(db: Database) {
  return {
    async claimPassDisplay(requestId: string, holder: PassHolder, now: Date) {
      // One UPDATE … WHERE tap_shown_at IS NULL: of two concurrent requests only one gets the row back.
      const rows = await db
        .update(resetRecords)
        .set({ tapShownAt: now })
        .where(
          and(
            eq(resetRecords.requestId, requestId),
            holderIs(holder),
            eq(resetRecords.tapIssued, true),
            isNull(resetRecords.tapShownAt),
            gt(resetRecords.tapExpiresAt, now),
          ),
        )
        .returning({ id: resetRecords.id });
      return rows.length === 1;
    },
    async closeOpenPasses(nationalIdHash: string, now: Date) {
      await db
        .update(resetRecords)
        .set({ tapShownAt: now })
        .where(
          and(
            eq(resetRecords.nationalIdHash, nationalIdHash),
            eq(resetRecords.tapIssued, true),
            isNull(resetRecords.tapShownAt),
          ),
        );
    },
  };
}

/** Sessions ended by logout here or at ID-porten: their cookies no longer open anything. */
function sessionQueries(db: Database) {
  return {
    async endSession(sid: string) {
      // Housekeeping rides along with each logout, so the table stays a day's worth of sessions.
      await db.delete(endedSessions).where(lt(endedSessions.endedAt, sql`now() - ${ENDED_SESSION_RETENTION}`));
      await db.insert(endedSessions).values({ sid }).onConflictDoNothing();
    },
    async isSessionEnded(sid: string) {
      const [row] = await db
        .select({ sid: endedSessions.sid })
        .from(endedSessions)
        .where(eq(endedSessions.sid, sid))
        .limit(1);
      return row !== undefined;
    },
  };
}

/** Lists: the audit view, a person's history, the statistics' window, the operators' lookup. */
function listQueries(db: Database) {
  return {
    async listAttempts(filter: AttemptFilter) {
      const conditions = [
        filter.outcome ? eq(resetRecords.outcome, filter.outcome) : undefined,
        filter.channel ? eq(resetRecords.channel, filter.channel) : undefined,
        filter.from ? gte(resetRecords.createdAt, filter.from) : undefined,
        filter.to ? lt(resetRecords.createdAt, filter.to) : undefined,
        filter.accountId ? eq(resetRecords.accountId, filter.accountId) : undefined,
      ].filter((condition): condition is SQL => condition !== undefined);
      return db
        .select()
        .from(resetRecords)
        .where(conditions.length > 0 ? and(...conditions) : undefined)
        .orderBy(desc(resetRecords.createdAt), desc(resetRecords.id))
        .limit(filter.limit);
    },
    async listHistory(nationalIdHash: string, accountIds: readonly string[], limit: number) {
      const own = eq(resetRecords.nationalIdHash, nationalIdHash);
      const desk =
        accountIds.length > 0
          ? and(eq(resetRecords.channel, 'service-desk'), inArray(resetRecords.accountId, [...accountIds]))
          : undefined;
      return db
        .select()
        .from(resetRecords)
        .where(desk ? or(own, desk) : own)
        .orderBy(desc(resetRecords.createdAt), desc(resetRecords.id))
        .limit(limit);
    },
    listRecords: () => listOldestFirst(db),
    listRecordsSince: (since: Date) => listOldestFirst(db, gte(resetRecords.createdAt, since)),
    listRecordsByNationalIdHash: (nationalIdHash: string) =>
      listOldestFirst(db, eq(resetRecords.nationalIdHash, nationalIdHash)),
  };
}

export function createRecordStore(db: RecordsDatabase): RecordStore {
  return { ...attemptQueries(db), ...passQueries(db), ...sessionQueries(db), ...listQueries(db) };
}

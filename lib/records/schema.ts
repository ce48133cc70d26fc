// The audit-record tables. Changing them means: edit here, then `npx drizzle-kit generate` (see drizzle.config.ts).
import { sql } from 'drizzle-orm';
import { boolean, check, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import {
  CHANNELS,
  OUTCOMES,
  VERIFICATION_KINDS,
  type RecordChannel,
  type RecordOutcome,
  type VerificationKind,
} from './vocabulary';

export { CHANNELS, OUTCOMES, VERIFICATION_KINDS, type RecordChannel, type RecordOutcome, type VerificationKind };

export const RemovedMethodSchema = z.object({ id: z.string(), type: z.string(), label: z.string() });
export const NotRemovedMethodSchema = RemovedMethodSchema.extend({ reason: z.string() });
export type RemovedMethod = z.output<typeof RemovedMethodSchema>;
export type NotRemovedMethod = z.output<typeof NotRemovedMethodSchema>;

export const resetRecords = pgTable(
  'reset_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: text('request_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    outcome: text('outcome', { enum: OUTCOMES }).notNull(),
    /** Refusal reason or failure code. */
    reason: text('reason'),
    /** HMAC of the national id; null when the login carried no pid. */
    nationalIdHash: text('national_id_hash'),
    accountId: text('account_id'),
    removed: jsonb('removed').$type<RemovedMethod[]>().notNull().default([]),
    notRemoved: jsonb('not_removed').$type<NotRemovedMethod[]>().notNull().default([]),
    sessionsRevoked: boolean('sessions_revoked'),
    // Added in migration 0001. Older rows read as "nothing chosen, nothing ignored, no pass, no notice".
    /** The registrations the person chose that the account really had (ids). */
    chosen: jsonb('chosen').$type<string[]>().notNull().default([]),
    /** Ids the form posted that the account does not have: never sent to Graph (shortened, capped). */
    ignored: jsonb('ignored').$type<string[]>().notNull().default([]),
    /** null: no pass was due (switched off, or not everything removable was removed). Never the pass itself. */
    tapIssued: boolean('tap_issued'),
    tapExpiresAt: timestamp('tap_expires_at', { withTimezone: true }),
    /** Why Graph did not issue a pass (status and code), when it did not. */
    tapReason: text('tap_reason'),
    /** When the result page showed the pass; it is shown at most once. */
    tapShownAt: timestamp('tap_shown_at', { withTimezone: true }),
    /** null: no notice was due (nothing removed, or no sender configured). */
    noticeSent: boolean('notice_sent'),
    // Added in migration 0002. Older rows are self-service attempts: no agent, no verification.
    channel: text('channel', { enum: CHANNELS }).notNull().default('self-service'),
    /** The service desk agent's Entra object id (oid). */
    agentId: text('agent_id'),
    verificationKind: text('verification_kind', { enum: VERIFICATION_KINDS }),
    /** The desk's ticket reference, when the agent gave one. */
    ticketReference: text('ticket_reference'),
    // Added in migration 0003. Older service desk rows show the agent's object id only.
    /** The agent's display name from the staff login, as it was at the time of the attempt. */
    agentName: text('agent_name'),
    // Added in migration 0004. Older rows name nothing kept.
    /** What still works for sign-in after the attempt: registrations left unticked, and kinds the site never removes. */
    kept: jsonb('kept').$type<RemovedMethod[]>().notNull().default([]),
    /** "This wasn't me" (reason `not-me`): whether the service desk's alert e-mail went out; null on other records. */
    deskAlerted: boolean('desk_alerted'),
    // Added in migration 0005. Older rows were written after the attempt, never as an intent.
    /** What the attempt set out to remove (written with the intent): what recovery reads back from Graph. */
    planned: jsonb('planned').$type<RemovedMethod[]>().notNull().default([]),
    /** The language of the person's notice, so that recovery can send it as the attempt would have. */
    noticeLocale: text('notice_locale'),
  },
  (table) => [
    // The per-person rate limit counts recent resets by hash.
    index('reset_records_person_created_idx').on(table.nationalIdHash, table.createdAt),
    index('reset_records_request_id_idx').on(table.requestId),
    check('reset_records_outcome_check', sql.raw(`outcome in (${OUTCOMES.map((o) => `'${o}'`).join(', ')})`)),
    // The audit view and statistics read by time; the per-agent limit and one person's history by agent / account.
    index('reset_records_created_idx').on(table.createdAt),
    index('reset_records_agent_created_idx').on(table.agentId, table.createdAt),
    index('reset_records_account_created_idx').on(table.accountId, table.createdAt),
    check('reset_records_channel_check', sql.raw(`channel in (${CHANNELS.map((c) => `'${c}'`).join(', ')})`)),
    // Recovery looks for intents left behind; few rows are ever in this state, so the partial index stays tiny.
    index('reset_records_in_progress_idx')
      .on(table.createdAt)
      .where(sql`outcome = 'in-progress'`),
  ],
);

/** Sessions ended by ID-porten's front-channel logout; checked when a session cookie comes back. */
export const endedSessions = pgTable('ended_sessions', {
  sid: text('sid').primaryKey(),
  endedAt: timestamp('ended_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Service desk console sessions: a row per staff login, checked on every console request, so that signing
 * out (or the end of the lifetime) ends the session on the server, and a copied cookie is dead on every instance.
 */
export const consoleSessions = pgTable(
  'console_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The member of staff's Entra object id (oid). */
    agentId: text('agent_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** The Entra login time plus the console's session lifetime: the session is over then, whatever the cookie says. */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** Set by sign-out. */
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (table) => [index('console_sessions_expires_idx').on(table.expiresAt)],
);

export type ResetRecord = typeof resetRecords.$inferSelect;
export type NewResetRecord = typeof resetRecords.$inferInsert;

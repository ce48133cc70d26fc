// The service desk console's server-side session records: created at a staff login, ended at sign-out, and
// looked up on every console request. The cookie only names a row; the row decides whether the session lives.
import 'server-only';
import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import type { RecordsDatabase } from '@/lib/records/database';
import { consoleSessions } from '@/lib/records/schema';

export type ConsoleSessionState = 'active' | 'ended' | 'expired' | 'unknown';

export interface ConsoleSessionStore {
  /** A new session for the member of staff, over at `expiresAt`; its id goes into the cookie. */
  startSession(agentId: string, expiresAt: Date): Promise<string>;
  /** Whether the session may still be used at `now` by this member of staff. */
  sessionState(id: string, agentId: string, now: Date): Promise<ConsoleSessionState>;
  /** Ends the session at once, on every instance; ending it twice changes nothing. */
  endSession(id: string, now: Date): Promise<void>;
}

// An expired row can never come back to life, so a day past its end it is only clutter.
const EXPIRED_ROW_RETENTION = sql`interval '24 hours'`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function createConsoleSessionStore(db: RecordsDatabase): ConsoleSessionStore {
  return {
    async startSession(agentId, expiresAt) {
      // Housekeeping rides along with each login, so the table holds about a day's worth of sessions.
      await db.delete(consoleSessions).where(lt(consoleSessions.expiresAt, sql`now() - ${EXPIRED_ROW_RETENTION}`));
      const [row] = await db
        .insert(consoleSessions)
        .values({ agentId, expiresAt })
        .returning({ id: consoleSessions.id });
      if (!row) throw new Error('insert returned no row');
      return row.id;
    },

    async sessionState(id, agentId, now) {
      // A malformed id would make PostgreSQL reject the uuid cast: it names no session.
      if (!UUID.test(id)) return 'unknown';
      const [row] = await db
        .select({ expiresAt: consoleSessions.expiresAt, endedAt: consoleSessions.endedAt })
        .from(consoleSessions)
        .where(and(eq(consoleSessions.id, id), eq(consoleSessions.agentId, agentId)))
        .limit(1);
      if (!row) return 'unknown';
      if (row.endedAt) return 'ended';
      return row.expiresAt.getTime() <= now.getTime() ? 'expired' : 'active';
    },

    async endSession(id, now) {
      if (!UUID.test(id)) return;
      await db
        .update(consoleSessions)
        .set({ endedAt: now })
        .where(and(eq(consoleSessions.id, id), isNull(consoleSessions.endedAt)));
    },
  };
}

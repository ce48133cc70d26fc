// A person may read the record of their own attempt, and nobody else's.
import 'server-only';
import { z } from 'zod';
import type { ResetRecord } from '@/lib/records/schema';
import { getRecords } from '@/lib/wiring/root';
import type { SessionToken } from './session-token';

const RequestIdSchema = z.string().uuid();

export async function findOwnRecord(session: SessionToken, ref: unknown): Promise<ResetRecord | null> {
  const requestId = RequestIdSchema.safeParse(ref);
  if (!requestId.success) return null;
  return (await getRecords()).ownAttempt(session.pid, requestId.data);
}

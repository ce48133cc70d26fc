// A person may read the record of their own attempt, and nobody else's.
import 'server-only';
import { z } from 'zod';
import { getConfig } from '@/lib/config';
import { hashNationalId } from '@/lib/national-id';
import type { ResetRecord } from '@/lib/records/schema';
import { getRecordStore } from '@/lib/reset/service';
import type { SessionToken } from './session-token';

const RequestIdSchema = z.string().uuid();

export async function findOwnRecord(session: SessionToken, ref: unknown): Promise<ResetRecord | null> {
  const requestId = RequestIdSchema.safeParse(ref);
  if (!requestId.success) return null;
  const record = await (await getRecordStore()).findRecordByRequestId(requestId.data);
  const ownHash = hashNationalId(session.pid, getConfig().records.hmacKey);
  return record && record.nationalIdHash === ownHash ? record : null;
}

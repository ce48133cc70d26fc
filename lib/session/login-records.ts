// A login that cannot become a session is still an attempt: it leaves an audit record.
import 'server-only';
import { randomUUID } from 'node:crypto';
import { getConfig } from '@/lib/config';
import { securityEvent } from '@/lib/log';
import { countLoginFailure, countRefusal } from '@/lib/metrics/metrics';
import { hashNationalId, type NationalId } from '@/lib/national-id';
import { getRecordStore } from '@/lib/reset/service';

export type LoginRefusalReason = 'no-national-id' | 'invalid-claims' | 'low-assurance';

export async function recordLoginRefusal(reason: LoginRefusalReason, nationalId: NationalId | null): Promise<void> {
  const nationalIdHash = nationalId ? hashNationalId(nationalId, getConfig().records.hmacKey) : null;
  const requestId = randomUUID();
  const records = await getRecordStore();
  await records.addRecord({ requestId, outcome: 'refused', reason, nationalIdHash });
  securityEvent('login-refused', { reason, requestId, nationalIdHash });
  countLoginFailure(reason);
}

/** A request the reset action refused before looking at anything (a cross-site or origin-less POST). */
export async function recordRequestRefusal(
  reason: 'missing-origin' | 'foreign-origin',
  nationalId: NationalId | null,
): Promise<void> {
  const nationalIdHash = nationalId ? hashNationalId(nationalId, getConfig().records.hmacKey) : null;
  const requestId = randomUUID();
  const records = await getRecordStore();
  await records.addRecord({ requestId, outcome: 'refused', reason, nationalIdHash });
  securityEvent('reset.request-refused', { reason, requestId, nationalIdHash });
  countRefusal('self-service', 'request', reason);
}

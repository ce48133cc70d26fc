// A login that cannot become a session is still an attempt: it leaves an audit record.
import 'server-only';
import { securityEvent } from '@/lib/log';
import { countLoginFailure, countRefusal } from '@/lib/metrics/metrics';
import type { NationalId } from '@/lib/national-id';
import { getRecords } from '@/lib/wiring/root';

export type LoginRefusalReason = 'no-national-id' | 'invalid-claims' | 'low-assurance';

export async function recordLoginRefusal(reason: LoginRefusalReason, nationalId: NationalId | null): Promise<void> {
  const records = await getRecords();
  const { requestId, nationalIdHash } = await records.recordRefusal(reason, nationalId);
  securityEvent('login-refused', { reason, requestId, nationalIdHash });
  countLoginFailure(reason);
}

/** A request the reset action refused before looking at anything (a cross-site or origin-less POST). */
export async function recordRequestRefusal(
  reason: 'missing-origin' | 'foreign-origin',
  nationalId: NationalId | null,
): Promise<void> {
  const records = await getRecords();
  const { requestId, nationalIdHash } = await records.recordRefusal(reason, nationalId);
  securityEvent('reset.request-refused', { reason, requestId, nationalIdHash });
  countRefusal('self-service', 'request', reason);
}

// Reads a person's audit records through the site's operator endpoint (the test run sets its token).
import { SITE_ORIGIN } from './origins';
import { E2E_OPS_TOKEN } from './site-env';

export type AuditRecord = {
  requestId: string;
  createdAt: string;
  outcome: 'success' | 'partial' | 'failed' | 'refused' | 'nothing-to-remove' | 'in-progress' | 'interrupted';
  reason: string | null;
  accountId: string | null;
  removed: { id: string; type: string; label: string }[];
  notRemoved: { id: string; type: string; label: string; reason: string }[];
  sessionsRevoked: boolean | null;
  chosen: string[];
  ignored: string[];
  tapIssued: boolean | null;
  tapExpiresAt: string | null;
  tapReason: string | null;
  tapShownAt: string | null;
  noticeSent: boolean | null;
  channel: 'self-service' | 'service-desk';
  agentId: string | null;
  /** The agent's display name at the time of the attempt (service desk attempts since migration 0003). */
  agentName: string | null;
  verificationKind: string | null;
  ticketReference: string | null;
  /** What still worked for sign-in after the attempt (issue 17). */
  kept: { id: string; type: string; label: string }[];
  /** "This wasn't me": whether the service desk's alert went out (issue 17). */
  deskAlerted: boolean | null;
};

async function lookup(body: { nationalId: string } | { since: string }): Promise<AuditRecord[]> {
  const response = await fetch(`${SITE_ORIGIN}/api/ops/records`, {
    method: 'POST',
    headers: { authorization: `Bearer ${E2E_OPS_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`records lookup answered ${response.status}`);
  return ((await response.json()) as { records: AuditRecord[] }).records;
}

/** Every record of one person. */
export const recordsOf = (nationalId: string) => lookup({ nationalId });

/** Every record written after `since` (also those of logins without a national id). */
export const recordsSince = (since: Date) => lookup({ since: since.toISOString() });

// After the methods are removed: a Temporary Access Pass for the person, and the notice to their addresses. Both
// are best effort: a failure is reported in the outcome, never undoes the removal.
import type { AuthMethod, Directory, DirectoryAccount } from '@/lib/directory/directory';
import { DirectoryError } from '@/lib/directory/errors';
import { securityEvent } from '@/lib/log';
import type { NewRecord, RecordStore } from '@/lib/records/records';
import { composeNotice, noticeRecipients } from '@/lib/reset/notice';
import { failureReason } from './checks';
import type { PassOutcome, ResetChoice, ResetSettings } from './types';

export type EventContext = { requestId: string; personHash: string | null; accountId: string };

export async function issuePass(
  directory: Directory,
  accountId: string,
  settings: Pick<ResetSettings, 'tap'>,
  context: EventContext,
): Promise<PassOutcome> {
  if (!settings.tap?.enabled) return { kind: 'not-due' };
  try {
    const pass = await directory.createTemporaryAccessPass(accountId, {
      lifetimeInMinutes: settings.tap.lifetimeMinutes,
      isUsableOnce: settings.tap.usableOnce,
    });
    // The expiry only: the pass itself never goes into a log line.
    securityEvent('reset.tap-issued', { ...context, expiresAt: pass.expiresAt.toISOString() });
    return { kind: 'issued', pass };
  } catch (error) {
    const reason = failureReason(error);
    // 400/403 is the tenant's policy speaking (TAP off, the person not targeted, the lifetime outside its range).
    const refusedByPolicy = error instanceof DirectoryError && (error.status === 400 || error.status === 403);
    securityEvent('reset.tap-not-issued', { ...context, reason, refusedByPolicy });
    return { kind: 'not-issued', reason, refusedByPolicy };
  }
}

export async function sendNotice(
  directory: Directory,
  account: DirectoryAccount,
  removed: AuthMethod[],
  settings: Pick<ResetSettings, 'notice'>,
  choice: ResetChoice,
  requestId: string,
  at: Date,
  context: EventContext,
): Promise<boolean | null> {
  const sender = settings.notice?.senderMailbox;
  if (!sender || !settings.notice) return null;
  const to = noticeRecipients(account.mail, account.otherMails);
  if (to.length === 0) {
    securityEvent('reset.notice-failed', { ...context, reason: 'no-address' });
    return false;
  }
  const message = composeNotice(
    {
      locale: choice.locale,
      displayName: account.displayName,
      removed,
      at,
      reference: requestId,
      serviceDesk: settings.notice.serviceDesk,
      channel: choice.channel,
      notMeUrl: settings.notice.notMeUrl?.(choice.locale),
    },
    to,
  );
  try {
    await directory.sendMail(sender, message);
    securityEvent('reset.notice-sent', { ...context, recipients: to.length });
    return true;
  } catch (error) {
    securityEvent('reset.notice-failed', { ...context, reason: failureReason(error) });
    return false;
  }
}

export async function record(deps: { records: Pick<RecordStore, 'addRecord'> }, entry: NewRecord): Promise<void> {
  await deps.records.addRecord(entry);
}

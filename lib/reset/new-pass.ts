// A new pass for a person left with nothing to sign in with.
import { hashNationalId } from '@/lib/national-id';
import { sharedPerPersonQueue } from '@/lib/reset/per-person-queue';
import { inResetSpan } from '@/lib/tracing/spans';
import { addressRefusal, checkLogin, checkPersonLimit, exactlyOne, isRefusal, summary } from './checks';
import { issuePass } from './pass-and-notice';
import {
  attemptFailure,
  newAttempt,
  passOffered,
  recordAttempt,
  withPersonLock,
  writeIntent,
  type Attempt,
} from './reset';
import type { ResetDeps, ResetOutcome, ResetPerson, ResetSettings } from './types';

/**
 * A new Temporary Access Pass for a person whose account has nothing left to sign in with (the first pass was lost
 * or expired). The same checks as a reset (fresh login, limits, exactly one account), then the account's methods are
 * read again: only when nothing removable and nothing usable for sign-in is left is a pass created. Graph keeps one
 * pass per account, so the new one replaces the old. One record, reason `new-pass`; it counts towards the person's
 * daily limit like a reset.
 */
export async function issueNewPassFor(
  person: ResetPerson,
  requestId: string,
  deps: ResetDeps,
  settings: ResetSettings,
): Promise<ResetOutcome> {
  const personHash = hashNationalId(person.nationalId, settings.hmacKey);
  const queue = deps.personQueue ?? sharedPerPersonQueue();
  return inResetSpan('new pass', requestId, () =>
    withPersonLock(queue, personHash, { requestId, personHash }, async () => {
      const progress = newAttempt();
      try {
        await attemptNewPass(person, requestId, personHash, deps, settings, progress);
      } catch (error) {
        progress.reason = attemptFailure(error);
        progress.outcome = { kind: 'failed', notRemoved: [] };
      }
      return recordAttempt(deps, progress, { requestId, nationalIdHash: personHash });
    }),
  );
}

async function attemptNewPass(
  person: ResetPerson,
  requestId: string,
  personHash: string,
  deps: ResetDeps,
  settings: ResetSettings,
  progress: Attempt,
): Promise<void> {
  const now = deps.now?.() ?? new Date();
  const early =
    addressRefusal(await deps.addressLimiter.consume(person.clientAddress)) ??
    checkLogin(person, settings, now) ??
    (await checkPersonLimit(personHash, deps, settings, now));
  if (early) {
    progress.outcome = early;
    return;
  }
  const account = exactlyOne(await deps.directory.findAccountsByNationalId(person.nationalId));
  if (isRefusal(account)) {
    progress.outcome = account;
    return;
  }
  progress.accountId = account.id;
  const { removable, kept } = await deps.directory.listMethods(account.id);
  progress.kept = kept.filter((method) => method.signIn).map(summary);
  if (removable.length > 0 || !passOffered(kept, settings)) {
    // Something still signs the person in (or passes are off): no pass, and the page shows the account as it is.
    progress.outcome = { kind: 'nothing-to-remove' };
    progress.reason = 'pass-not-due';
    return;
  }
  // A pass changes the account too: its intent first (nothing to remove, so recovery only closes the record).
  await writeIntent(deps.records, { requestId, nationalIdHash: personHash }, progress, {
    planned: [],
    noticeLocale: null,
    reason: 'new-pass',
  });
  const context = { requestId, personHash, accountId: account.id };
  const pass = await issuePass(deps.directory, account.id, settings, context);
  progress.outcome = {
    kind: 'nothing-to-remove',
    newPass: true,
    sessionsRevoked: null,
    pass,
    noticeSent: null,
    ignored: [],
  };
  progress.reason = 'new-pass';
}

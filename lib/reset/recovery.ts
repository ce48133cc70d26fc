// Recovery: an attempt writes its intent (outcome `in-progress`, naming what it is about to remove) before its first
// change in Graph and completes it after its last. An intent older than any live attempt can be belongs to an
// instance that died in between (killed, out of memory, the host lost). Recovery reads the account back from Graph,
// completes the record as `interrupted` with exactly what Graph no longer has, finishes what the attempt would have
// done next for the person's safety (sign-in sessions revoked, the notice sent), logs a security event and counts it.
import { AuthMethodSchema, type Directory } from '@/lib/directory/directory';
import { securityEvent } from '@/lib/log';
import { countNotice, countRecovered } from '@/lib/metrics/metrics';
import type { RecordStore } from '@/lib/records/records';
import type { ResetRecord } from '@/lib/records/schema';
import { failureReason } from '@/lib/reset/checks';
import { NOTICE_LOCALES, type NoticeLocale } from '@/lib/reset/notice';
import { sendNotice } from '@/lib/reset/pass-and-notice';
import { sharedPerPersonQueue, type PerPersonQueue } from '@/lib/reset/per-person-queue';
import { deskLockKey } from '@/lib/reset/service-desk-reset';
import type { ResetSettings } from '@/lib/reset/types';

export type RecoveryDeps = {
  directory: Directory;
  records: Pick<RecordStore, 'listIntentsBefore' | 'completeIntent' | 'findRecordByRequestId'>;
  /** The same lock the attempts take, so recovery never runs beside a live attempt on the same person. */
  personQueue?: PerPersonQueue;
  now?: () => Date;
};

export type RecoverySettings = Pick<ResetSettings, 'notice'> & {
  /** An intent older than this is an attempt whose instance died. */
  afterSeconds: number;
};

/** At most this many intents a run: a backlog is worked off over the following runs. */
const BATCH = 50;

export type RecoveryReport = { recovered: number; failed: number };

/** One pass over the intents left behind; each is reconciled on its own, so one failure does not stop the rest. */
export async function recoverInterruptedAttempts(
  deps: RecoveryDeps,
  settings: RecoverySettings,
): Promise<RecoveryReport> {
  const now = deps.now?.() ?? new Date();
  const intents = await deps.records.listIntentsBefore(new Date(now.getTime() - settings.afterSeconds * 1000), BATCH);
  const report: RecoveryReport = { recovered: 0, failed: 0 };
  for (const intent of intents) {
    try {
      if (await recoverOne(intent, deps, settings)) report.recovered += 1;
    } catch (error) {
      // Graph or the records failed: the intent stays in progress and the next run tries again.
      report.failed += 1;
      securityEvent('reset.recovery-failed', {
        requestId: intent.requestId,
        personHash: intent.nationalIdHash,
        accountId: intent.accountId,
        reason: failureReason(error),
      });
    }
  }
  return report;
}

const lockKeyOf = (intent: ResetRecord): string =>
  intent.nationalIdHash ?? deskLockKey(intent.accountId ?? `request:${intent.requestId}`);

async function recoverOne(intent: ResetRecord, deps: RecoveryDeps, settings: RecoverySettings): Promise<boolean> {
  const queue = deps.personQueue ?? sharedPerPersonQueue();
  return queue.run(lockKeyOf(intent), async () => {
    // A live attempt holds this lock to its end: one that was only slow has completed its record by now.
    const current = await deps.records.findRecordByRequestId(intent.requestId);
    if (current?.id !== intent.id || current.outcome !== 'in-progress') return false;
    const { removed, notRemoved } = await readBack(intent, deps.directory);
    const context = { requestId: intent.requestId, personHash: intent.nationalIdHash, accountId: intent.accountId };
    // What the attempt would have done right after removing: end the sessions the lost phone may still hold.
    const sessionsRevoked =
      removed.length > 0 && intent.accountId
        ? await deps.directory.revokeSessions(intent.accountId).catch(() => false)
        : null;
    const noticeSent = removed.length > 0 ? await notify(intent, removed, deps.directory, settings, context) : null;
    const completed = await deps.records.completeIntent(intent.id, {
      outcome: 'interrupted',
      reason: intent.reason === 'not-me' || intent.reason === 'new-pass' ? intent.reason : 'instance-stopped',
      removed,
      notRemoved,
      sessionsRevoked,
      noticeSent,
    });
    // Completed meanwhile (its own instance came back in time): that record stands.
    if (!completed) return false;
    securityEvent('reset.interrupted', {
      ...context,
      channel: intent.channel,
      agentId: intent.agentId,
      removed: removed.length,
      notRemoved: notRemoved.length,
      sessionsRevoked,
      noticeSent,
    });
    countRecovered(intent.channel);
    if (noticeSent !== null) countNotice(intent.channel, noticeSent);
    return true;
  });
}

/** What the intent planned, split by whether Graph still has it: gone was removed, still there was not. */
async function readBack(intent: ResetRecord, directory: Directory) {
  if (!intent.accountId || intent.planned.length === 0) return { removed: [], notRemoved: [] };
  const { removable, kept } = await directory.listMethods(intent.accountId);
  const present = new Set([...removable, ...kept].map((method) => method.id));
  return {
    removed: intent.planned.filter((method) => !present.has(method.id)),
    notRemoved: intent.planned
      .filter((method) => present.has(method.id))
      .map((method) => ({ ...method, reason: 'interrupted' })),
  };
}

/**
 * The notice the attempt would have sent, to the account's own addresses. "This wasn't me" sends none: the person
 * asked for it themselves, and the desk's follow-up is what matters there.
 */
async function notify(
  intent: ResetRecord,
  removed: ResetRecord['removed'],
  directory: Directory,
  settings: RecoverySettings,
  context: { requestId: string; personHash: string | null; accountId: string | null },
): Promise<boolean | null> {
  if (intent.reason === 'not-me' || !intent.accountId) return null;
  const account = await directory.getAccount(intent.accountId);
  if (!account) return false;
  const locale: NoticeLocale = (NOTICE_LOCALES as readonly string[]).includes(intent.noticeLocale ?? '')
    ? (intent.noticeLocale as NoticeLocale)
    : 'nb';
  const methods = removed.flatMap((method) => {
    const parsed = AuthMethodSchema.safeParse({ ...method, createdAt: null });
    return parsed.success ? [parsed.data] : [];
  });
  const channel =
    intent.channel === 'service-desk' && intent.verificationKind
      ? { kind: 'service-desk' as const, verification: intent.verificationKind }
      : undefined;
  return sendNotice(
    directory,
    account,
    methods,
    settings,
    { chosenMethodIds: null, locale, channel },
    intent.requestId,
    intent.createdAt,
    { ...context, accountId: intent.accountId },
  );
}

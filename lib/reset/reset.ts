// The reset domain: check the login and the limits, find exactly one account, remove its methods,
// revoke its sessions, and leave exactly one audit record per attempt. Errors are values (ResetOutcome).
import { randomUUID } from 'node:crypto';
import type { AuthMethod, DirectoryAccount, KeptMethod } from '@/lib/directory/directory';
import { DirectoryError } from '@/lib/directory/errors';
import { securityEvent } from '@/lib/log';
import { countAttempt, countNotice, countPassIssued, countRefusal } from '@/lib/metrics/metrics';
import { hashNationalId } from '@/lib/national-id';
import type { NewRecord, RecordStore } from '@/lib/records/records';
import { splitChoice } from '@/lib/reset/method-choice';
import { sharedPerPersonQueue, type PerPersonQueue } from '@/lib/reset/per-person-queue';
import { inResetSpan } from '@/lib/tracing/spans';
import {
  addressRefusal,
  checkLogin,
  checkPersonLimit,
  exactlyOne,
  failureReason,
  isRefusal,
  maskAccount,
  summary,
} from './checks';
import { issuePass, record, sendNotice } from './pass-and-notice';
import type {
  AfterRemoval,
  PassOutcome,
  Refusal,
  ResetChoice,
  ResetDeps,
  ResetOutcome,
  ResetPerson,
  ResetPreview,
  ResetSettings,
} from './types';

export * from './types';
export { failureReason, personLimitRetryAt } from './checks';

/**
 * What the confirm page shows. Each preview uses up one of the address's attempts, like the action, so reloading
 * the page cannot make unlimited Graph lookups. Refusals leave a record, except the address limit's own (each
 * reload past it would add one, which is what the limit is there to stop); a ready preview does not (nothing
 * happened yet).
 */
export async function previewReset(
  person: ResetPerson,
  deps: ResetDeps,
  settings: ResetSettings,
): Promise<ResetPreview> {
  const now = deps.now?.() ?? new Date();
  const personHash = hashNationalId(person.nationalId, settings.hmacKey);
  const requestId = randomUUID();
  return inResetSpan('reset preview', requestId, () => previewOnce(person, personHash, requestId, deps, settings, now));
}

async function previewOnce(
  person: ResetPerson,
  personHash: string,
  requestId: string,
  deps: ResetDeps,
  settings: ResetSettings,
  now: Date,
): Promise<ResetPreview> {
  const refuse = async (refusal: Refusal): Promise<ResetPreview> => {
    if (refusal.reason !== 'rate-limited-address') {
      await record(deps, { requestId, outcome: 'refused', reason: refusal.reason, nationalIdHash: personHash });
    }
    securityEvent('reset.preview-refused', { requestId, personHash, reason: refusal.reason });
    countRefusal('self-service', 'confirm-page', refusal.reason);
    return refusal;
  };

  try {
    const early =
      addressRefusal(await deps.addressLimiter.consume(person.clientAddress)) ??
      checkLogin(person, settings, now) ??
      (await checkPersonLimit(personHash, deps, settings, now));
    if (early) return await refuse(early);

    const account = exactlyOne(await deps.directory.findAccountsByNationalId(person.nationalId));
    if (isRefusal(account)) return await refuse(account);
    const { removable, kept } = await deps.directory.listMethods(account.id);
    return removable.length === 0
      ? { kind: 'nothing-to-remove', account: maskAccount(account), kept, passOffer: passOffered(kept, settings) }
      : { kind: 'ready', account: maskAccount(account), methods: removable, kept };
  } catch (error) {
    // Graph or the records database failed: the page offers a retry, nothing was changed.
    securityEvent('reset.preview-error', { requestId, personHash, reason: failureReason(error) });
    return error instanceof DirectoryError ? { kind: 'directory-error' } : { kind: 'unavailable' };
  }
}

/** A new pass is offered only when nothing on the account is left to sign in with, and the site issues passes. */
export const passOffered = (kept: readonly KeptMethod[], settings: Pick<ResetSettings, 'tap'>): boolean =>
  Boolean(settings.tap?.enabled) && !kept.some((method) => method.signIn);

/** One attempt as it goes: what the record and the log line will say. */
export type Attempt = {
  /** The intent's record, once written (before the first change in Graph); the end of the attempt completes it. */
  intentId: string | null;
  outcome: ResetOutcome;
  reason: string | null;
  accountId: string | null;
  chosen: string[];
  ignored: string[];
  /** What still works for sign-in afterwards: the unticked registrations and the kinds the site never removes. */
  kept: { id: string; type: string; label: string }[];
};

export const newAttempt = (): Attempt => ({
  intentId: null,
  outcome: { kind: 'failed', notRemoved: [] },
  reason: null,
  accountId: null,
  chosen: [],
  ignored: [],
  kept: [],
});

/**
 * The reset itself. Re-checks everything the preview checked (the preview may be old, or skipped), takes no
 * account identifier from outside, and records exactly one record whatever happens. Attempts for the same person
 * run one after another in this process, so a second one sees the first's record and the directory it left.
 */
export async function resetTwoFactorFor(
  person: ResetPerson,
  requestId: string,
  deps: ResetDeps,
  settings: ResetSettings,
  choice: ResetChoice = { chosenMethodIds: null, locale: 'nb' },
): Promise<ResetOutcome> {
  const personHash = hashNationalId(person.nationalId, settings.hmacKey);
  const queue = deps.personQueue ?? sharedPerPersonQueue();
  return inResetSpan('reset', requestId, () =>
    withPersonLock(queue, personHash, { requestId, personHash }, () =>
      resetOnce(person, personHash, requestId, deps, settings, choice),
    ),
  );
}

/**
 * Runs an attempt holding the person's lock. The lock lives in the records database: when it cannot be taken, the
 * database is away, so nothing has been read or changed, nothing can be recorded, and the person is asked to try
 * again.
 */
export async function withPersonLock(
  queue: PerPersonQueue,
  key: string,
  context: { requestId: string; personHash: string | null; channel?: NewRecord['channel'] },
  attempt: () => Promise<ResetOutcome>,
): Promise<ResetOutcome> {
  let locked = false;
  try {
    return await queue.run(key, () => {
      locked = true;
      return attempt();
    });
  } catch (error) {
    if (locked) throw error;
    securityEvent('reset.lock-failed', { ...context, reason: 'records-unavailable' });
    countAttempt(context.channel ?? 'self-service', 'failed');
    return { kind: 'failed', notRemoved: [], unrecorded: true };
  }
}

async function resetOnce(
  person: ResetPerson,
  personHash: string,
  requestId: string,
  deps: ResetDeps,
  settings: ResetSettings,
  choice: ResetChoice,
): Promise<ResetOutcome> {
  const progress = newAttempt();
  let stillThere: AuthMethod[] = [];

  try {
    await attemptReset(
      person,
      requestId,
      personHash,
      deps,
      settings,
      choice,
      progress,
      (methods) => (stillThere = methods),
    );
  } catch (error) {
    // Unexpected: report truthfully what may still be there, and record it like any other attempt.
    progress.reason = attemptFailure(error);
    progress.outcome = { kind: 'failed', notRemoved: stillThere.map((method) => ({ method, reason: 'unknown' })) };
  }
  return recordAttempt(deps, progress, { requestId, nationalIdHash: personHash });
}

/** Who made an attempt, as its record names it: the same for the intent and for its completion. */
export type AttemptIdentity = { requestId: string; nationalIdHash: string | null } & Pick<
  NewRecord,
  'channel' | 'agentId' | 'agentName' | 'verificationKind' | 'ticketReference'
>;

/** The intent could not be written, so the attempt stops before changing anything. */
export class IntentNotWritten extends Error {
  constructor(cause: unknown) {
    super("the attempt's intent could not be recorded", { cause });
    this.name = 'IntentNotWritten';
  }
}

/**
 * Writes the attempt's record as an intent (outcome `in-progress`) before its first change in Graph, naming what
 * it is about to change: if the instance dies half-way, recovery (lib/reset/recovery.ts) finds it and reads back
 * what Graph no longer has. Throws IntentNotWritten when the records are unreachable: then nothing may be changed.
 */
export async function writeIntent(
  records: Pick<RecordStore, 'addRecord'>,
  identity: AttemptIdentity,
  progress: Attempt,
  intent: { planned: readonly Summarised[]; noticeLocale: string | null; reason?: string },
): Promise<void> {
  try {
    const row = await records.addRecord({
      ...identity,
      outcome: 'in-progress',
      reason: intent.reason ?? null,
      accountId: progress.accountId,
      chosen: progress.chosen,
      ignored: progress.ignored,
      kept: progress.kept,
      planned: intent.planned.map(summary),
      noticeLocale: intent.noticeLocale,
    });
    progress.intentId = row.id;
  } catch (error) {
    securityEvent('reset.intent-failed', {
      requestId: identity.requestId,
      personHash: identity.nationalIdHash,
      accountId: progress.accountId,
      reason: 'records-unavailable',
    });
    throw new IntentNotWritten(error);
  }
}

type Summarised = Parameters<typeof summary>[0];

/** Why an attempt failed, for the record: the records being away is named as such. */
export const attemptFailure = (error: unknown): string =>
  error instanceof IntentNotWritten ? 'records-unavailable' : failureReason(error);

/**
 * Exactly one record and one log line per attempt, whichever channel made it. The record's extra columns (the
 * channel, the agent, the verification) come from the caller; the pass itself never reaches either.
 */
export async function recordAttempt(
  deps: { records: Pick<RecordStore, 'addRecord' | 'completeIntent'> },
  progress: Attempt,
  identity: AttemptIdentity,
): Promise<ResetOutcome> {
  const { requestId, nationalIdHash: personHash, ...extra } = identity;
  const { reason, accountId } = progress;
  let { outcome } = progress;
  const after = 'pass' in outcome ? outcome : null;
  try {
    const completion = {
      accountId,
      outcome: outcome.kind,
      reason: outcome.kind === 'refused' ? outcome.reason : reason,
      removed: 'removed' in outcome ? outcome.removed.map(summary) : [],
      notRemoved:
        'notRemoved' in outcome ? outcome.notRemoved.map(({ method, reason }) => ({ ...summary(method), reason })) : [],
      sessionsRevoked: 'sessionsRevoked' in outcome ? outcome.sessionsRevoked : null,
      chosen: progress.chosen,
      ignored: progress.ignored,
      kept: progress.kept,
      // Whether a pass was issued and until when; the pass itself never reaches the record.
      tapIssued: after && after.pass.kind !== 'not-due' ? after.pass.kind === 'issued' : null,
      tapExpiresAt: after?.pass.kind === 'issued' ? after.pass.pass.expiresAt : null,
      tapReason: after?.pass.kind === 'not-issued' ? after.pass.reason : null,
      noticeSent: after ? after.noticeSent : null,
      ...extra,
    };
    if (progress.intentId === null) await record(deps, { requestId, nationalIdHash: personHash, ...completion });
    else if (!(await deps.records.completeIntent(progress.intentId, completion))) {
      // Recovery judged this attempt dead and completed it first; its record stands, and is not counted twice.
      securityEvent('reset.completed-late', { requestId, personHash, accountId, outcome: outcome.kind });
      return outcome;
    }
  } catch (recordError) {
    // An intent left in progress is completed by recovery, from what Graph says; without one, the log line below is
    // the only trace. The person still hears what really happened.
    securityEvent('reset.record-failed', { requestId, personHash, accountId, reason: failureReason(recordError) });
    // Nothing was changed and nothing recorded: the page asks to try again rather than show a record that is not there.
    if (outcome.kind === 'failed' && progress.intentId === null) outcome = { ...outcome, unrecorded: true };
  }
  countAttemptMetrics(extra.channel ?? 'self-service', outcome, after);
  securityEvent(`reset.${outcome.kind}`, {
    requestId,
    personHash,
    accountId,
    channel: extra.channel ?? 'self-service',
    agentId: extra.agentId ?? null,
    reason: outcome.kind === 'refused' ? outcome.reason : reason,
    removed: 'removed' in outcome ? outcome.removed.length : 0,
    notRemoved: 'notRemoved' in outcome ? outcome.notRemoved.length : 0,
    chosen: progress.chosen.length,
    ignored: progress.ignored.length,
    tapIssued: after && after.pass.kind !== 'not-due' ? after.pass.kind === 'issued' : null,
    noticeSent: after ? after.noticeSent : null,
  });
  return outcome;
}

/** The attempt in the metrics: one per record, like the record itself (never a person, account or pass). */
function countAttemptMetrics(
  channel: NonNullable<NewRecord['channel']>,
  outcome: ResetOutcome,
  after: AfterRemoval | null,
): void {
  countAttempt(channel, outcome.kind);
  if (outcome.kind === 'refused') countRefusal(channel, 'reset', outcome.reason);
  if (after?.pass.kind === 'issued') countPassIssued(channel);
  if (after && after.noticeSent !== null) countNotice(channel, after.noticeSent);
}

async function attemptReset(
  person: ResetPerson,
  requestId: string,
  personHash: string,
  deps: ResetDeps,
  settings: ResetSettings,
  choice: ResetChoice,
  progress: Attempt,
  remember: (stillThere: AuthMethod[]) => void,
): Promise<void> {
  const now = deps.now?.() ?? new Date();
  const settle = (outcome: ResetOutcome, reason: string | null = null) => {
    progress.outcome = outcome;
    progress.reason = reason;
  };

  // Every attempt uses up one of the address's attempts, refused or not.
  const early =
    addressRefusal(await deps.addressLimiter.consume(person.clientAddress)) ??
    checkLogin(person, settings, now) ??
    (await checkPersonLimit(personHash, deps, settings, now));
  if (early) return settle(early);

  const account = exactlyOne(await deps.directory.findAccountsByNationalId(person.nationalId));
  if (isRefusal(account)) return settle(account);
  await removeChosenMethods(
    account,
    { requestId, nationalIdHash: personHash },
    deps,
    settings,
    choice,
    progress,
    remember,
    now,
  );
}

/**
 * The part of a reset both channels share, once the account is known and every check has passed: re-read the
 * registrations, remove the chosen ones (the default method last), then revoke sessions, issue the pass and send
 * the notice in parallel. `progress` ends up holding the outcome.
 */
export async function removeChosenMethods(
  account: DirectoryAccount,
  identity: AttemptIdentity,
  deps: Pick<ResetDeps, 'directory'> & { records: Pick<RecordStore, 'addRecord'> },
  settings: Pick<ResetSettings, 'tap' | 'notice'>,
  choice: ResetChoice,
  progress: Attempt,
  remember: (stillThere: AuthMethod[]) => void,
  now: Date,
): Promise<void> {
  const settle = (outcome: ResetOutcome, reason: string | null = null) => {
    progress.outcome = outcome;
    progress.reason = reason;
  };
  progress.accountId = account.id;

  // Re-read on the server: the page the person ticked may be old, and the form is not trusted.
  const { removable: methods, kept } = await deps.directory.listMethods(account.id);
  const { chosen, ignored } = splitChoice(choice.chosenMethodIds, methods);
  progress.chosen = chosen.map((method) => method.id);
  progress.ignored = ignored;
  // Named on the result page ("… is still registered"), so the person knows what still signs them in.
  progress.kept = [
    ...methods.filter((method) => !chosen.includes(method)),
    ...kept.filter((method) => method.signIn),
  ].map(summary);
  if (methods.length === 0) return settle({ kind: 'nothing-to-remove', ignored });
  if (chosen.length === 0) return settle({ kind: 'nothing-to-remove', nothingChosen: true, ignored }, 'nothing-chosen');
  await writeIntent(deps.records, identity, progress, { planned: chosen, noticeLocale: choice.locale });
  remember(chosen);

  const { removed, notRemoved } = await deps.directory.removeMethods(account.id, chosen);
  remember(notRemoved.map(({ method }) => method));
  if (removed.length === 0)
    return settle({ kind: 'failed', notRemoved, ignored }, notRemoved[0]?.reason ?? 'nothing-removed');

  // The door is closed only when nothing removable is left; then a pass is what lets the person back in.
  const everythingRemoved = removed.length === methods.length;
  const { requestId, nationalIdHash: personHash } = identity;
  const context = { requestId, personHash, accountId: account.id };
  // Independent of each other, so one round trip for all three. None of them can undo or hide the removal.
  const [sessionsRevoked, pass, noticeSent] = await Promise.all([
    // Sessions on the lost phone must end; a failure is reported, not thrown.
    deps.directory.revokeSessions(account.id).catch((error: unknown) => {
      securityEvent('reset.revoke-failed', { ...context, reason: failureReason(error) });
      return false;
    }),
    everythingRemoved
      ? issuePass(deps.directory, account.id, settings, context)
      : Promise.resolve<PassOutcome>({ kind: 'not-due' }),
    sendNotice(deps.directory, account, removed, settings, choice, requestId, now, context),
  ]);
  const after = { sessionsRevoked, pass, noticeSent, ignored };
  if (notRemoved.length === 0) return settle({ kind: 'success', removed, ...after });
  return settle({ kind: 'partial', removed, notRemoved, ...after }, notRemoved[0]?.reason ?? null);
}

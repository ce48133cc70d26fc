// The reset domain: check the login and the limits, find exactly one account, remove its methods,
// revoke its sessions, and leave exactly one audit record per attempt. Errors are values (ResetOutcome).
import { randomUUID } from 'node:crypto';
import type { AcrLevel } from '@/lib/config';
import type {
  AuthMethod,
  Directory,
  DirectoryAccount,
  IssuedTemporaryAccessPass,
  KeptMethod,
  RemovalReport,
} from '@/lib/directory/directory';
import { DirectoryError } from '@/lib/directory/errors';
import { meetsAssurance } from '@/lib/idporten/assurance';
import { securityEvent } from '@/lib/log';
import { countAttempt, countNotice, countPassIssued, countRateLimitHit, countRefusal } from '@/lib/metrics/metrics';
import { hashNationalId, type NationalId } from '@/lib/national-id';
import type { NewRecord, RecordStore } from '@/lib/records/records';
import type { AddressLimiter } from '@/lib/reset/address-limiter';
import { maskUpn } from '@/lib/reset/mask-upn';
import { splitChoice } from '@/lib/reset/method-choice';
import {
  composeNotice,
  noticeRecipients,
  type NoticeChannel,
  type NoticeLocale,
  type ServiceDeskContact,
} from '@/lib/reset/notice';
import { sharedPerPersonQueue, type PerPersonQueue } from '@/lib/reset/per-person-queue';
import { inResetSpan } from '@/lib/tracing/spans';

export type ResetPerson = {
  nationalId: NationalId;
  acr: string;
  /** epoch seconds, from the ID token */
  authTime: number;
  clientAddress: string;
};

export type RefusalReason =
  'no-account' | 'several-accounts' | 'stale-login' | 'low-assurance' | 'rate-limited-person' | 'rate-limited-address';

export type MaskedAccount = { displayName: string; maskedUpn: string };
export type NotRemoved = RemovalReport['notRemoved'][number];

export type ResetPreview =
  | { kind: 'ready'; account: MaskedAccount; methods: AuthMethod[]; kept: KeptMethod[] }
  /** `passOffer`: nothing on the account works for sign-in any more, and a new pass may be asked for. */
  | { kind: 'nothing-to-remove'; account: MaskedAccount; kept: KeptMethod[]; passOffer: boolean }
  | { kind: 'refused'; reason: RefusalReason; retryAfter?: string }
  | { kind: 'directory-error' };

/**
 * What became of the Temporary Access Pass: not due (switched off, or something removable stays), issued (the
 * pass travels in memory to the action, which hands it to the page once), or not issued (Graph refused: policy
 * off or not targeting the person (400/403), or failed).
 */
export type PassOutcome =
  | { kind: 'not-due' }
  | { kind: 'issued'; pass: IssuedTemporaryAccessPass }
  | { kind: 'not-issued'; reason: string; refusedByPolicy: boolean };

/** `sessionsRevoked` null: not tried (a new pass alone changes no registration, so it signs nobody out). */
type AfterRemoval = {
  sessionsRevoked: boolean | null;
  pass: PassOutcome;
  noticeSent: boolean | null;
  ignored: string[];
};

export type ResetOutcome =
  | ({ kind: 'success'; removed: AuthMethod[] } & AfterRemoval)
  | { kind: 'nothing-to-remove'; nothingChosen?: boolean; ignored?: string[] }
  /** Nothing was left to remove and the person asked for a new pass (recorded with reason `new-pass`). */
  | ({ kind: 'nothing-to-remove'; newPass: true } & AfterRemoval)
  | ({ kind: 'partial'; removed: AuthMethod[]; notRemoved: NotRemoved[] } & AfterRemoval)
  | { kind: 'failed'; notRemoved: NotRemoved[]; ignored?: string[] }
  | { kind: 'refused'; reason: RefusalReason | ServiceDeskRefusalReason; retryAfter?: string };

/** Refusals of the service desk console's reset (lib/reset/service-desk-reset.ts). */
export type ServiceDeskRefusalReason =
  'stale-staff-login' | 'rate-limited-agent' | 'own-account' | 'staff-account' | 'protected-account' | 'no-account';

/**
 * What the person asked for. `chosenMethodIds` are the form's ticked ids (untrusted; null = every removable
 * registration, for internal callers such as the benchmark); `locale` is the language of the notice.
 */
export type ResetChoice = {
  chosenMethodIds: readonly string[] | null;
  locale: NoticeLocale;
  /** Who did it, as the notice says (self-service when absent). */
  channel?: NoticeChannel;
};

export type ResetDeps = {
  directory: Directory;
  records: Pick<RecordStore, 'addRecord' | 'countResetsSince' | 'firstResetSince'>;
  addressLimiter: AddressLimiter;
  /** Serialises resets per person; the process-wide queue unless a test brings its own. */
  personQueue?: PerPersonQueue;
  now?: () => Date;
};

export type ResetSettings = {
  requiredAcr: AcrLevel;
  maxLoginAgeSeconds: number;
  limitPerPerson: number;
  hmacKey: string;
  /** Temporary Access Pass after a reset that removed everything removable; off when absent. */
  tap?: { enabled: boolean; lifetimeMinutes: number; usableOnce: boolean };
  /** The notice e-mail; off when there is no sender mailbox. */
  notice?: {
    senderMailbox: string | undefined;
    serviceDesk: ServiceDeskContact;
    /** The "this wasn't me" page in a language; the notice links to it when present. */
    notMeUrl?: (locale: NoticeLocale) => string;
  };
};

type Refusal = { kind: 'refused'; reason: RefusalReason; retryAfter?: string };

const PERSON_WINDOW_MS = 24 * 60 * 60 * 1000;
// Tolerated clock difference between ID-porten and this server.
const CLOCK_SKEW_SECONDS = 60;

function checkLogin(person: ResetPerson, settings: ResetSettings, now: Date): Refusal | null {
  if (!meetsAssurance(person.acr, settings.requiredAcr)) {
    return { kind: 'refused', reason: 'low-assurance' };
  }
  const ageSeconds = now.getTime() / 1000 - person.authTime;
  if (!Number.isFinite(ageSeconds) || ageSeconds > settings.maxLoginAgeSeconds || ageSeconds < -CLOCK_SKEW_SECONDS) {
    return { kind: 'refused', reason: 'stale-login' };
  }
  return null;
}

const personWindowStart = (now: Date) => new Date(now.getTime() - PERSON_WINDOW_MS);

/**
 * When the oldest counted reset in the person's 24-hour window leaves it (ISO), which is when a person at the
 * limit may try again; undefined when the window holds no counted reset.
 */
export async function personLimitRetryAt(
  personHash: string,
  records: Pick<RecordStore, 'firstResetSince'>,
  now: Date,
): Promise<string | undefined> {
  const first = await records.firstResetSince(personHash, personWindowStart(now));
  return first ? new Date(first.getTime() + PERSON_WINDOW_MS).toISOString() : undefined;
}

async function checkPersonLimit(
  personHash: string,
  deps: ResetDeps,
  settings: ResetSettings,
  now: Date,
): Promise<Refusal | null> {
  const count = await deps.records.countResetsSince(personHash, personWindowStart(now));
  if (count < settings.limitPerPerson) return null;
  countRateLimitHit('person');
  // The window cannot be empty when the count reached the limit; a full window from now is the safe answer if it was.
  const retryAfter =
    (await personLimitRetryAt(personHash, deps.records, now)) ??
    new Date(now.getTime() + PERSON_WINDOW_MS).toISOString();
  return { kind: 'refused', reason: 'rate-limited-person', retryAfter };
}

const addressRefusal = (retryAfter: string | null): Refusal | null =>
  retryAfter ? { kind: 'refused', reason: 'rate-limited-address', retryAfter } : null;

/** Zero or several accounts is a refusal, never a guess. */
function exactlyOne(accounts: DirectoryAccount[]): DirectoryAccount | Refusal {
  if (accounts.length === 0) return { kind: 'refused', reason: 'no-account' };
  if (accounts.length > 1) return { kind: 'refused', reason: 'several-accounts' };
  return accounts[0] as DirectoryAccount;
}

const isRefusal = (value: DirectoryAccount | Refusal): value is Refusal => 'kind' in value;

const maskAccount = (account: DirectoryAccount): MaskedAccount => ({
  displayName: account.displayName,
  maskedUpn: maskUpn(account.userPrincipalName),
});

const summary = (method: Pick<AuthMethod | KeptMethod, 'id' | 'type' | 'label'>) => ({
  id: method.id,
  type: method.type,
  label: method.label,
});

export function failureReason(error: unknown): string {
  return error instanceof DirectoryError ? `${error.operation}: ${error.reason}` : 'unexpected-error';
}

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
    return { kind: 'directory-error' };
  }
}

/** A new pass is offered only when nothing on the account is left to sign in with, and the site issues passes. */
export const passOffered = (kept: readonly KeptMethod[], settings: Pick<ResetSettings, 'tap'>): boolean =>
  Boolean(settings.tap?.enabled) && !kept.some((method) => method.signIn);

/** One attempt as it goes: what the record and the log line will say. */
export type Attempt = {
  outcome: ResetOutcome;
  reason: string | null;
  accountId: string | null;
  chosen: string[];
  ignored: string[];
  /** What still works for sign-in afterwards: the unticked registrations and the kinds the site never removes. */
  kept: { id: string; type: string; label: string }[];
};

export const newAttempt = (): Attempt => ({
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
    queue.run(personHash, () => resetOnce(person, personHash, requestId, deps, settings, choice)),
  );
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
    progress.reason = failureReason(error);
    progress.outcome = { kind: 'failed', notRemoved: stillThere.map((method) => ({ method, reason: 'unknown' })) };
  }
  return recordAttempt(deps, progress, { requestId, nationalIdHash: personHash });
}

/**
 * Exactly one record and one log line per attempt, whichever channel made it. The record's extra columns (the
 * channel, the agent, the verification) come from the caller; the pass itself never reaches either.
 */
export async function recordAttempt(
  deps: { records: Pick<RecordStore, 'addRecord'> },
  progress: Attempt,
  identity: { requestId: string; nationalIdHash: string | null } & Pick<
    NewRecord,
    'channel' | 'agentId' | 'agentName' | 'verificationKind' | 'ticketReference'
  >,
): Promise<ResetOutcome> {
  const { requestId, nationalIdHash: personHash, ...extra } = identity;
  const { outcome, reason, accountId } = progress;
  const after = 'pass' in outcome ? outcome : null;
  try {
    await record(deps, {
      requestId,
      nationalIdHash: personHash,
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
    });
  } catch (recordError) {
    // Without the database the log line below is the only trace; the person still hears what really happened.
    securityEvent('reset.record-failed', { requestId, personHash, accountId, reason: failureReason(recordError) });
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
  await removeChosenMethods(account, requestId, personHash, deps, settings, choice, progress, remember, now);
}

/**
 * The part of a reset both channels share, once the account is known and every check has passed: re-read the
 * registrations, remove the chosen ones (the default method last), then revoke sessions, issue the pass and send
 * the notice in parallel. `progress` ends up holding the outcome.
 */
export async function removeChosenMethods(
  account: DirectoryAccount,
  requestId: string,
  personHash: string | null,
  deps: Pick<ResetDeps, 'directory'>,
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
  remember(chosen);

  const { removed, notRemoved } = await deps.directory.removeMethods(account.id, chosen);
  remember(notRemoved.map(({ method }) => method));
  if (removed.length === 0)
    return settle({ kind: 'failed', notRemoved, ignored }, notRemoved[0]?.reason ?? 'nothing-removed');

  // The door is closed only when nothing removable is left; then a pass is what lets the person back in.
  const everythingRemoved = removed.length === methods.length;
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
    queue.run(personHash, async () => {
      const progress = newAttempt();
      try {
        await attemptNewPass(person, requestId, personHash, deps, settings, progress);
      } catch (error) {
        progress.reason = failureReason(error);
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

type EventContext = { requestId: string; personHash: string | null; accountId: string };

async function issuePass(
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

async function sendNotice(
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

async function record(deps: { records: Pick<RecordStore, 'addRecord'> }, entry: NewRecord): Promise<void> {
  await deps.records.addRecord(entry);
}

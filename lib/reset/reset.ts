// The reset domain: check the login and the limits, find exactly one account, remove its methods,
// revoke its sessions, and leave exactly one audit record per attempt. Errors are values (ResetOutcome).
import { randomUUID } from 'node:crypto';
import type { AcrLevel } from '@/lib/config';
import type { AuthMethod, Directory, DirectoryAccount, RemovalReport } from '@/lib/directory/directory';
import { DirectoryError } from '@/lib/directory/errors';
import { meetsAssurance } from '@/lib/idporten/assurance';
import { securityEvent } from '@/lib/log';
import { hashNationalId, type NationalId } from '@/lib/national-id';
import type { NewRecord, RecordStore } from '@/lib/records/records';
import type { AddressLimiter } from '@/lib/reset/address-limiter';
import { maskUpn } from '@/lib/reset/mask-upn';
import { sharedPerPersonQueue, type PerPersonQueue } from '@/lib/reset/per-person-queue';

export type ResetPerson = {
  nationalId: NationalId;
  acr: string;
  /** epoch seconds, from the ID token */
  authTime: number;
  clientAddress: string;
};

export type RefusalReason =
  | 'no-account'
  | 'several-accounts'
  | 'stale-login'
  | 'low-assurance'
  | 'rate-limited-person'
  | 'rate-limited-address';

export type MaskedAccount = { displayName: string; maskedUpn: string };
export type NotRemoved = RemovalReport['notRemoved'][number];

export type ResetPreview =
  | { kind: 'ready'; account: MaskedAccount; methods: AuthMethod[] }
  | { kind: 'nothing-to-remove'; account: MaskedAccount }
  | { kind: 'refused'; reason: RefusalReason; retryAfter?: string }
  | { kind: 'directory-error' };

export type ResetOutcome =
  | { kind: 'success'; removed: AuthMethod[]; sessionsRevoked: boolean }
  | { kind: 'nothing-to-remove' }
  | { kind: 'partial'; removed: AuthMethod[]; notRemoved: NotRemoved[]; sessionsRevoked: boolean }
  | { kind: 'failed'; notRemoved: NotRemoved[] }
  | { kind: 'refused'; reason: RefusalReason; retryAfter?: string };

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
  // The window cannot be empty when the count reached the limit; a full window from now is the safe answer if it was.
  const retryAfter =
    (await personLimitRetryAt(personHash, deps.records, now)) ?? new Date(now.getTime() + PERSON_WINDOW_MS).toISOString();
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

const summary = (method: AuthMethod) => ({ id: method.id, type: method.type, label: method.label });

function failureReason(error: unknown): string {
  return error instanceof DirectoryError ? `${error.operation}: ${error.reason}` : 'unexpected-error';
}

/**
 * What the confirm page shows. Each preview uses up one of the address's attempts, like the action, so reloading
 * the page cannot make unlimited Graph lookups. Refusals leave a record, except the address limit's own (each
 * reload past it would add one, which is what the limit is there to stop); a ready preview does not (nothing
 * happened yet).
 */
export async function previewReset(person: ResetPerson, deps: ResetDeps, settings: ResetSettings): Promise<ResetPreview> {
  const now = deps.now?.() ?? new Date();
  const personHash = hashNationalId(person.nationalId, settings.hmacKey);
  const requestId = randomUUID();

  const refuse = async (refusal: Refusal): Promise<ResetPreview> => {
    if (refusal.reason !== 'rate-limited-address') {
      await record(deps, { requestId, outcome: 'refused', reason: refusal.reason, nationalIdHash: personHash });
    }
    securityEvent('reset.preview-refused', { requestId, personHash, reason: refusal.reason });
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
    const methods = await deps.directory.listRemovableMethods(account.id);
    return methods.length === 0
      ? { kind: 'nothing-to-remove', account: maskAccount(account) }
      : { kind: 'ready', account: maskAccount(account), methods };
  } catch (error) {
    // Graph or the records database failed: the page offers a retry, nothing was changed.
    securityEvent('reset.preview-error', { requestId, personHash, reason: failureReason(error) });
    return { kind: 'directory-error' };
  }
}

type Attempt = { outcome: ResetOutcome; reason: string | null; accountId: string | null };

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
): Promise<ResetOutcome> {
  const personHash = hashNationalId(person.nationalId, settings.hmacKey);
  const queue = deps.personQueue ?? sharedPerPersonQueue();
  return queue.run(personHash, () => resetOnce(person, personHash, requestId, deps, settings));
}

async function resetOnce(
  person: ResetPerson,
  personHash: string,
  requestId: string,
  deps: ResetDeps,
  settings: ResetSettings,
): Promise<ResetOutcome> {
  const progress: Attempt = { outcome: { kind: 'failed', notRemoved: [] }, reason: null, accountId: null };
  let stillThere: AuthMethod[] = [];

  try {
    await attemptReset(person, requestId, personHash, deps, settings, progress, (methods) => (stillThere = methods));
  } catch (error) {
    // Unexpected: report truthfully what may still be there, and record it like any other attempt.
    progress.reason = failureReason(error);
    progress.outcome = { kind: 'failed', notRemoved: stillThere.map((method) => ({ method, reason: 'unknown' })) };
  }

  const { outcome, reason, accountId } = progress;
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
    });
  } catch (recordError) {
    // Without the database the log line below is the only trace; the person still hears what really happened.
    securityEvent('reset.record-failed', { requestId, personHash, accountId, reason: failureReason(recordError) });
  }
  securityEvent(`reset.${outcome.kind}`, {
    requestId,
    personHash,
    accountId,
    reason: outcome.kind === 'refused' ? outcome.reason : reason,
    removed: 'removed' in outcome ? outcome.removed.length : 0,
    notRemoved: 'notRemoved' in outcome ? outcome.notRemoved.length : 0,
  });
  return outcome;
}

async function attemptReset(
  person: ResetPerson,
  requestId: string,
  personHash: string,
  deps: ResetDeps,
  settings: ResetSettings,
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
  progress.accountId = account.id;

  const methods = await deps.directory.listRemovableMethods(account.id);
  if (methods.length === 0) return settle({ kind: 'nothing-to-remove' });
  remember(methods);

  const { removed, notRemoved } = await deps.directory.removeMethods(account.id, methods);
  remember(notRemoved.map(({ method }) => method));
  if (removed.length === 0) return settle({ kind: 'failed', notRemoved }, notRemoved[0]?.reason ?? 'nothing-removed');

  // Sessions on the lost phone must end; a failure here does not undo the removal, so it is reported, not thrown.
  const sessionsRevoked = await deps.directory.revokeSessions(account.id).catch((error: unknown) => {
    securityEvent('reset.revoke-failed', { requestId, personHash, accountId: account.id, reason: failureReason(error) });
    return false;
  });
  if (notRemoved.length === 0) return settle({ kind: 'success', removed, sessionsRevoked });
  return settle({ kind: 'partial', removed, notRemoved, sessionsRevoked }, notRemoved[0]?.reason ?? null);
}

async function record(deps: ResetDeps, entry: NewRecord): Promise<void> {
  await deps.records.addRecord(entry);
}

// What a reset checks before it touches an account: a fresh login at the required level, the per-person and
// per-address limits, exactly one account. Each check answers a refusal or null.
import type { AuthMethod, DirectoryAccount, KeptMethod } from '@/lib/directory/directory';
import { DirectoryError } from '@/lib/directory/errors';
import { meetsAssurance } from '@/lib/idporten/assurance';
import { countRateLimitHit } from '@/lib/metrics/metrics';
import type { RecordStore } from '@/lib/records/records';
import { maskUpn } from '@/lib/reset/mask-upn';
import type { MaskedAccount, Refusal, ResetDeps, ResetPerson, ResetSettings } from './types';

export const PERSON_WINDOW_MS = 24 * 60 * 60 * 1000;
// Tolerated clock difference between ID-porten and this server.
const CLOCK_SKEW_SECONDS = 60;

export function checkLogin(person: ResetPerson, settings: ResetSettings, now: Date): Refusal | null {
  if (!meetsAssurance(person.acr, settings.requiredAcr)) {
    return { kind: 'refused', reason: 'low-assurance' };
  }
  const ageSeconds = now.getTime() / 1000 - person.authTime;
  if (!Number.isFinite(ageSeconds) || ageSeconds > settings.maxLoginAgeSeconds || ageSeconds < -CLOCK_SKEW_SECONDS) {
    return { kind: 'refused', reason: 'stale-login' };
  }
  return null;
}

export const personWindowStart = (now: Date) => new Date(now.getTime() - PERSON_WINDOW_MS);

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

export async function checkPersonLimit(
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

export const addressRefusal = (retryAfter: string | null): Refusal | null =>
  retryAfter ? { kind: 'refused', reason: 'rate-limited-address', retryAfter } : null;

/** Zero or several accounts is a refusal, never a guess. */
export function exactlyOne(accounts: DirectoryAccount[]): DirectoryAccount | Refusal {
  if (accounts.length === 0) return { kind: 'refused', reason: 'no-account' };
  if (accounts.length > 1) return { kind: 'refused', reason: 'several-accounts' };
  return accounts[0] as DirectoryAccount;
}

export const isRefusal = (value: DirectoryAccount | Refusal): value is Refusal => 'kind' in value;

export const maskAccount = (account: DirectoryAccount): MaskedAccount => ({
  displayName: account.displayName,
  maskedUpn: maskUpn(account.userPrincipalName),
});

export const summary = (method: Pick<AuthMethod | KeptMethod, 'id' | 'type' | 'label'>) => ({
  id: method.id,
  type: method.type,
  label: method.label,
});

export function failureReason(error: unknown): string {
  return error instanceof DirectoryError ? `${error.operation}: ${error.reason}` : 'unexpected-error';
}

// The self-service channel's use cases, bound to the composition root's infrastructure and to configuration.
import 'server-only';
import { getConfig } from '@/lib/config';
import { issueNewPassFor } from '@/lib/reset/new-pass';
import { getPathname } from '@/lib/i18n/navigation';
import type { NationalId } from '@/lib/national-id';
import type { ResetRecord } from '@/lib/records/schema';
import { previewNotMe, undoResetFor, type NotMePreview, type NotMeSettings } from '@/lib/reset/not-me';
import { getDirectory, getInfrastructure, getRecords } from './root';
import {
  personLimitRetryAt,
  previewReset,
  resetTwoFactorFor,
  type ResetChoice,
  type ResetOutcome,
  type ResetPerson,
  type ResetPreview,
  type ResetSettings,
} from '@/lib/reset/reset';

const resetDeps = getInfrastructure;

/** The notice's settings, with the absolute address of the "this wasn't me" page in each language. */
export function noticeSettings(): NonNullable<ResetSettings['notice']> {
  const config = getConfig();
  return {
    ...config.notice,
    notMeUrl: (locale) => new URL(getPathname({ locale, href: '/reset/not-me' }), config.appOrigin).toString(),
  };
}

function resetSettings(): ResetSettings {
  const config = getConfig();
  return {
    requiredAcr: config.idporten.acr,
    maxLoginAgeSeconds: config.reset.maxLoginAgeSeconds,
    limitPerPerson: config.reset.limitPerPerson,
    hmacKey: config.records.hmacKey,
    tap: config.tap,
    notice: noticeSettings(),
  };
}

export async function previewResetForSession(person: ResetPerson): Promise<ResetPreview> {
  return previewReset(person, await resetDeps(), resetSettings());
}

export async function resetTwoFactorForSession(
  person: ResetPerson,
  requestId: string,
  choice: ResetChoice,
): Promise<ResetOutcome> {
  return resetTwoFactorFor(person, requestId, await resetDeps(), resetSettings(), choice);
}

function notMeSettings(): NotMeSettings {
  const config = getConfig();
  return {
    ...resetSettings(),
    alert: { senderMailbox: config.notice.senderMailbox, deskAddress: config.notice.serviceDesk.email },
  };
}

export async function previewNotMeForSession(person: ResetPerson): Promise<NotMePreview> {
  return previewNotMe(person, await resetDeps(), notMeSettings());
}

export async function undoResetForSession(person: ResetPerson, requestId: string): Promise<ResetRecord | null> {
  return undoResetFor(person, requestId, await resetDeps(), notMeSettings());
}

/**
 * The person's own history (GDPR art. 15 for these records): their attempts by the hash of their national id, and
 * the desk's on the accounts the directory links to that id. When the directory cannot answer, their own attempts
 * alone (and `complete: false`, so the page says the desk's may be missing).
 */
export async function historyForSession(
  nationalId: NationalId,
): Promise<{ records: ResetRecord[]; complete: boolean }> {
  let accountIds: string[] = [];
  let complete = true;
  try {
    accountIds = (await getDirectory().findAccountsByNationalId(nationalId)).map((account) => account.id);
  } catch {
    complete = false;
  }
  return { records: await (await getRecords()).personHistory(nationalId, accountIds), complete };
}

export async function issueNewPassForSession(person: ResetPerson, requestId: string): Promise<ResetOutcome> {
  return issueNewPassFor(person, requestId, await resetDeps(), resetSettings());
}

/**
 * When a person refused for the per-person limit may come back (ISO): the oldest counted reset in the 24-hour
 * window leaves it then. undefined when the window holds no counted reset.
 */
export async function personLimitRetryAfter(nationalId: NationalId): Promise<string | undefined> {
  const records = await getRecords();
  return personLimitRetryAt(records.hashOf(nationalId), (await getInfrastructure()).records, new Date());
}

export type { ResetChoice, ResetOutcome, ResetPerson, ResetPreview, RefusalReason } from '@/lib/reset/reset';
export type { AuthMethod } from '@/lib/directory/directory';

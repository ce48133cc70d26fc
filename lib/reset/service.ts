// Wires the reset domain to the real directory, records and limiter from configuration, once per process.
import 'server-only';
import { getConfig } from '@/lib/config';
import { createGraphDirectory, type Directory } from '@/lib/directory/directory';
import { getPathname } from '@/lib/i18n/navigation';
import { hashNationalId, type NationalId } from '@/lib/national-id';
import { getSharedDatabase } from '@/lib/records/database';
import { createRecordStore, type RecordStore } from '@/lib/records/records';
import { createSharedAddressLimiter, type AddressLimiter } from '@/lib/reset/address-limiter';
import type { ResetRecord } from '@/lib/records/schema';
import { previewNotMe, undoResetFor, type NotMePreview, type NotMeSettings } from '@/lib/reset/not-me';
import type { PerPersonQueue } from '@/lib/reset/per-person-queue';
import { createPersonLock } from '@/lib/reset/person-lock';
import {
  issueNewPassFor,
  personLimitRetryAt,
  previewReset,
  resetTwoFactorFor,
  type ResetChoice,
  type ResetDeps,
  type ResetOutcome,
  type ResetPerson,
  type ResetPreview,
  type ResetSettings,
} from '@/lib/reset/reset';

// globalThis, like the database: Next dev reloads modules, and the app token cache and the
// per-address counts should survive that.
const cache = globalThis as typeof globalThis & {
  __tofaktorDirectory?: Directory;
  __tofaktorAddressLimiter?: AddressLimiter;
  __tofaktorPersonLock?: PerPersonQueue;
};

export async function getRecordStore(): Promise<RecordStore> {
  const { db } = await getSharedDatabase(getConfig().records);
  return createRecordStore(db);
}

/** The one directory (and so the one app token) of this process, shared by self-service and the service desk. */
export function getDirectory(): Directory {
  cache.__tofaktorDirectory ??= createGraphDirectory(getConfig());
  return cache.__tofaktorDirectory;
}

async function resetDeps(): Promise<ResetDeps & { records: RecordStore }> {
  const config = getConfig();
  const database = await getSharedDatabase(config.records);
  // Both shared through the database, so they hold across instances (PGlite: one instance, same code).
  cache.__tofaktorAddressLimiter ??= createSharedAddressLimiter(database.db, config.reset.limitPerAddress);
  cache.__tofaktorPersonLock ??= createPersonLock(database);
  return {
    directory: getDirectory(),
    records: createRecordStore(database.db),
    addressLimiter: cache.__tofaktorAddressLimiter,
    personQueue: cache.__tofaktorPersonLock,
  };
}

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

export async function undoResetForSession(person: ResetPerson, requestId: string): Promise<ResetRecord> {
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
  const personHash = hashNationalId(nationalId, getConfig().records.hmacKey);
  let accountIds: string[] = [];
  let complete = true;
  try {
    accountIds = (await getDirectory().findAccountsByNationalId(nationalId)).map((account) => account.id);
  } catch {
    complete = false;
  }
  return { records: await (await getRecordStore()).listHistory(personHash, accountIds, HISTORY_LIMIT), complete };
}

// Records are kept about 13 months (RECORDS_RETENTION_DAYS); a person has a handful a year.
const HISTORY_LIMIT = 200;

export async function issueNewPassForSession(person: ResetPerson, requestId: string): Promise<ResetOutcome> {
  return issueNewPassFor(person, requestId, await resetDeps(), resetSettings());
}

/**
 * When a person refused for the per-person limit may come back (ISO): the oldest counted reset in the 24-hour
 * window leaves it then. undefined when the window holds no counted reset.
 */
export async function personLimitRetryAfter(nationalId: NationalId): Promise<string | undefined> {
  const personHash = hashNationalId(nationalId, getConfig().records.hmacKey);
  return personLimitRetryAt(personHash, await getRecordStore(), new Date());
}

export type { ResetChoice, ResetOutcome, ResetPerson, ResetPreview, RefusalReason } from '@/lib/reset/reset';
export type { AuthMethod } from '@/lib/directory/directory';

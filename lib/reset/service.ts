// Wires the reset domain to the real directory, records and limiter from configuration, once per process.
import 'server-only';
import { getConfig } from '@/lib/config';
import { createGraphDirectory, type Directory } from '@/lib/directory/directory';
import { getPathname } from '@/lib/i18n/navigation';
import { hashNationalId, type NationalId } from '@/lib/national-id';
import { getSharedDatabase } from '@/lib/records/database';
import { createRecordStore, type RecordStore } from '@/lib/records/records';
import { createSharedAddressLimiter, type AddressLimiter } from '@/lib/reset/address-limiter';
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

async function resetDeps(): Promise<ResetDeps> {
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

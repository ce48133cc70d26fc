// The composition root: the one place that builds the directory, the record store, the limiters and the lock from
// configuration, once per process, for both channels. The domain (lib/reset, lib/records) only takes them.
import 'server-only';
import { getConfig, type Config } from '@/lib/config';
import { createGraphDirectory, type Directory } from '@/lib/directory/directory';
import { createConsoleSessionStore, type ConsoleSessionStore } from '@/lib/records/console-sessions';
import { getSharedDatabase, type OpenDatabase } from '@/lib/records/database';
import { createRecordQueries, type RecordQueries } from '@/lib/records/queries';
import { createRecordStore, type RecordStore } from '@/lib/records/records';
import { createSharedAddressLimiter, type AddressLimiter } from '@/lib/reset/address-limiter';
import type { PerPersonQueue } from '@/lib/reset/per-person-queue';
import { createPersonLock } from '@/lib/reset/person-lock';

// globalThis, like the database: Next dev reloads modules, and the app token cache and the
// per-address counts should survive that.
const cache = globalThis as typeof globalThis & {
  __tofaktorDirectory?: Directory;
  __tofaktorAddressLimiter?: AddressLimiter;
  __tofaktorPersonLock?: PerPersonQueue;
};

async function getRecordStore(): Promise<RecordStore> {
  const { db } = await getSharedDatabase(getConfig().records);
  return createRecordStore(db);
}

/** The records database, opened once per process (readiness asks whether it answers). */
export function getRecordsDatabase(settings: Config['records'] = getConfig().records): Promise<OpenDatabase> {
  return getSharedDatabase(settings);
}

/** The console's sessions, on the same database. */
export async function getConsoleSessionStore(): Promise<ConsoleSessionStore> {
  return createConsoleSessionStore((await getSharedDatabase(getConfig().records)).db);
}

/** The records by name, a person hashed with the records' key. */
export async function getRecords(): Promise<RecordQueries> {
  return createRecordQueries(await getRecordStore(), getConfig().records.hmacKey);
}

/** The one directory (and so the one app token) of this process, shared by self-service and the service desk. */
export function getDirectory(): Directory {
  cache.__tofaktorDirectory ??= createGraphDirectory(getConfig());
  return cache.__tofaktorDirectory;
}

export type Infrastructure = {
  directory: Directory;
  records: RecordStore;
  addressLimiter: AddressLimiter;
  personQueue: PerPersonQueue;
};

/** Everything the reset domain takes, for either channel. */
export async function getInfrastructure(): Promise<Infrastructure> {
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

/** @jest-environment node */
// What instances share through the database — the per-address limit, one attempt per person at a time, the schema
// check and retention — on the embedded PGlite and, when DATABASE_URL is set, on PostgreSQL. "Two instances" are
// two independently opened databases (two connection pools) on the same tables.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase, schemaStatus, type OpenDatabase } from '@/lib/records/database';
import { createRecordStore, type NewRecord } from '@/lib/records/records';
import { pruneRecords } from '@/lib/records/retention';
import { createSharedAddressLimiter } from '@/lib/reset/address-limiter';
import { createPerPersonQueue } from '@/lib/reset/per-person-queue';
import { createPersonLock } from '@/lib/reset/person-lock';

type Backend = {
  name: string;
  open(): Promise<{ first: OpenDatabase; second: OpenDatabase | null; cleanUp(): Promise<void> }>;
};

const DAY = 24 * 60 * 60 * 1000;
const databaseUrl = process.env.DATABASE_URL;

const backends: Backend[] = [
  {
    name: 'PGlite',
    async open() {
      const dir = await mkdtemp(path.join(tmpdir(), 'tofaktor-shared-'));
      const first = await openDatabase({ databaseUrl: undefined, pgliteDir: path.join(dir, 'pglite'), hmacKey: '' });
      // PGlite is one process per data directory: there is no second instance to open.
      return { first, second: null, cleanUp: () => rm(dir, { recursive: true, force: true }) };
    },
  },
];
if (databaseUrl) {
  backends.push({
    name: 'PostgreSQL',
    async open() {
      const schemaName = `shared_test_${process.pid}_${Date.now()}`;
      currentSchema = schemaName;
      const first = await openDatabase({ databaseUrl, pgliteDir: '', hmacKey: '', schemaName });
      const second = await openDatabase({
        databaseUrl,
        pgliteDir: '',
        hmacKey: '',
        schemaName,
        migratePostgres: false,
      });
      return {
        first,
        second,
        async cleanUp() {
          await first.db.execute(`drop schema if exists ${schemaName} cascade`);
        },
      };
    },
  });
}

// The PostgreSQL backend keeps drizzle's journal in the test's own schema (see openDatabase's schemaName).
let currentSchema: string | undefined;
const schemaNameOf = (database: OpenDatabase) => (database.backend === 'postgres' ? currentSchema : undefined);

const record = (requestId: string, createdAt: Date): NewRecord => ({
  requestId,
  outcome: 'success',
  nationalIdHash: 'hash-retention',
  createdAt,
});

describe.each(backends)('shared state on $name', (backend) => {
  let first: OpenDatabase;
  let second: OpenDatabase | null;
  let cleanUp: () => Promise<void>;

  beforeAll(async () => {
    ({ first, second, cleanUp } = await backend.open());
  }, 30_000);

  afterAll(async () => {
    await cleanUp?.();
    await first?.close();
    await second?.close();
  });

  it('the schema is current after migrating, limiter table included', async () => {
    expect(await schemaStatus(first.db, schemaNameOf(first))).toEqual({ current: true });
  });

  it('the per-address limit counts attempts made through every instance together', async () => {
    const instanceA = createSharedAddressLimiter(first.db, 3);
    const instanceB = createSharedAddressLimiter((second ?? first).db, 3);
    expect(await instanceA.consume('203.0.113.7')).toBeNull();
    expect(await instanceB.consume('203.0.113.7')).toBeNull();
    expect(await instanceA.consume('203.0.113.7')).toBeNull();
    const refused = await instanceB.consume('203.0.113.7');
    expect(refused).not.toBeNull();
    // The window is an hour from the first attempt.
    expect(new Date(refused ?? 0).getTime() - Date.now()).toBeGreaterThan(59 * 60 * 1000);
    // Another address has its own allowance.
    expect(await instanceB.consume('203.0.113.8')).toBeNull();
  });

  it('retention deletes exactly the records older than the period, by an injected clock', async () => {
    const now = new Date('2027-03-01T12:00:00Z');
    const store = createRecordStore(first.db);
    await store.addRecord(record('r-400', new Date(now.getTime() - 400 * DAY)));
    await store.addRecord(record('r-397', new Date(now.getTime() - 397 * DAY)));
    await store.addRecord(record('r-396-minus-a-minute', new Date(now.getTime() - 396 * DAY + 60_000)));
    await store.addRecord(record('r-30', new Date(now.getTime() - 30 * DAY)));

    const pruned = await pruneRecords(first.db, { now, retentionDays: 396 });
    expect(pruned.deleted).toBe(2);
    expect(pruned.cutoff).toEqual(new Date(now.getTime() - 396 * DAY));
    const left = (await store.listRecordsByNationalIdHash('hash-retention')).map((r) => r.requestId);
    expect(left).toEqual(['r-396-minus-a-minute', 'r-30']);

    // Two minutes later the one that was a minute inside the period has left it; the recent one stays.
    const later = await pruneRecords(first.db, { now: new Date(now.getTime() + 2 * 60_000), retentionDays: 396 });
    expect(later.deleted).toBe(1);
    expect((await store.listRecordsByNationalIdHash('hash-retention')).map((r) => r.requestId)).toEqual(['r-30']);
  });

  it('one attempt per person at a time across instances; different people do not wait for each other', async () => {
    // On PostgreSQL each instance has its own process-local queue, as two processes would; PGlite has one process.
    const queueA = createPerPersonQueue();
    const lockA = createPersonLock(first, queueA);
    const lockB = createPersonLock(second ?? first, second ? createPerPersonQueue() : queueA);
    const events: string[] = [];
    const task = (name: string, ms: number) => async () => {
      events.push(`${name}:start`);
      await new Promise((resolve) => setTimeout(resolve, ms));
      events.push(`${name}:end`);
      return name;
    };
    const results = await Promise.all([
      lockA.run('person-1', task('a1', 300)),
      new Promise((resolve) => setTimeout(resolve, 50)).then(() => lockB.run('person-1', task('b1', 10))),
      new Promise((resolve) => setTimeout(resolve, 50)).then(() => lockB.run('person-2', task('b2', 10))),
    ]);
    expect(results).toEqual(['a1', 'b1', 'b2']);
    // b1 (same person, other instance) started only after a1 ended; b2 (another person) ran during a1.
    expect(events.indexOf('b1:start')).toBeGreaterThan(events.indexOf('a1:end'));
    expect(events.indexOf('b2:end')).toBeLessThan(events.indexOf('a1:end'));
  });
});

if (databaseUrl) {
  it('PostgreSQL: an unmigrated database is reported as not current, naming what is missing', async () => {
    const schemaName = `unmigrated_test_${process.pid}_${Date.now()}`;
    const database = await openDatabase({
      databaseUrl,
      pgliteDir: '',
      hmacKey: '',
      schemaName,
      migratePostgres: false,
    });
    try {
      const status = await schemaStatus(database.db, schemaName);
      expect(status.current).toBe(false);
      if (!status.current)
        expect(status.missing).toEqual(
          expect.arrayContaining(['table address_limits', expect.stringMatching(/^migration of /)]),
        );
    } finally {
      await database.db.execute(`drop schema if exists ${schemaName} cascade`);
      await database.close();
    }
  });
}

it('the per-address limit falls back to an in-memory count while the database is unavailable', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'tofaktor-insurance-'));
  const database = await openDatabase({ databaseUrl: undefined, pgliteDir: path.join(dir, 'pglite'), hmacKey: '' });
  try {
    const limiter = createSharedAddressLimiter(database.db, 2);
    await database.close(); // every query fails from here on
    expect(await limiter.consume('203.0.113.50')).toBeNull();
    expect(await limiter.consume('203.0.113.50')).toBeNull();
    expect(await limiter.consume('203.0.113.50')).not.toBeNull(); // still limited, not an error
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}, 30_000);

/** @jest-environment node */
// The same record queries against the embedded PGlite and, when DATABASE_URL is set, a real PostgreSQL server.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MIGRATIONS_FOLDER, openDatabase, type OpenDatabase } from '@/lib/records/database';
import { createRecordStore, type NewRecord, type RecordStore } from '@/lib/records/records';
import * as schema from '@/lib/records/schema';
import { endedSessions } from '@/lib/records/schema';

type Backend = { name: string; open(): Promise<{ database: OpenDatabase; cleanUp(): Promise<void> }> };

// PGlite's WASM start-up uses dynamic import(), which jest only allows with --experimental-vm-modules;
// `npm run test:unit` sets it. Without it the PGlite half cannot run, and that is a failure, not a skip.
const canRunPglite = (process.env.NODE_OPTIONS ?? '').includes('--experimental-vm-modules');

const backends: Backend[] = [
  {
    name: 'PGlite',
    async open() {
      if (!canRunPglite) {
        throw new Error(
          'The PGlite records tests need Node’s --experimental-vm-modules: run them with `npm run test:unit` ' +
            '(or NODE_OPTIONS=--experimental-vm-modules npx jest).',
        );
      }
      const dir = await mkdtemp(path.join(tmpdir(), 'tofaktor-records-'));
      const database = await openDatabase({ databaseUrl: undefined, pgliteDir: path.join(dir, 'pglite'), hmacKey: '' });
      return { database, cleanUp: () => rm(dir, { recursive: true, force: true }) };
    },
  },
];

const databaseUrl = process.env.DATABASE_URL;
if (databaseUrl) {
  backends.push({
    name: 'PostgreSQL',
    async open() {
      // A schema of its own per run, so parallel runs and the site's own tables are left alone.
      const schemaName = `records_test_${process.pid}_${Date.now()}`;
      const database = await openDatabase({ databaseUrl, pgliteDir: '', hmacKey: '', schemaName });
      return {
        database,
        async cleanUp() {
          await database.db.execute(`drop schema if exists ${schemaName} cascade`);
        },
      };
    },
  });
}

const baseRecord = (overrides: Partial<NewRecord> = {}): NewRecord => ({
  requestId: 'req-1',
  outcome: 'success',
  nationalIdHash: 'hash-a',
  accountId: 'account-1',
  removed: [{ id: 'm1', type: 'microsoftAuthenticator', label: 'iPhone 14' }],
  notRemoved: [],
  sessionsRevoked: true,
  ...overrides,
});

describe.each(backends)('records on $name', (backend) => {
  let database: OpenDatabase;
  let cleanUp: () => Promise<void>;
  let store: RecordStore;

  beforeAll(async () => {
    ({ database, cleanUp } = await backend.open());
    store = createRecordStore(database.db);
  }, 30_000);

  afterAll(async () => {
    await cleanUp?.();
    await database?.close();
  });

  it('completes an intent once, lists only old intents still in progress, and counts an intent as a reset', async () => {
    const at = (secondsAgo: number) => new Date(Date.now() - secondsAgo * 1000);
    const planned = [{ id: 'p1', type: 'microsoftAuthenticator', label: 'Old phone' }];
    const old = await store.addRecord(
      baseRecord({
        requestId: 'intent-old',
        outcome: 'in-progress',
        nationalIdHash: 'hash-intent',
        planned,
        createdAt: at(600),
      }),
    );
    await store.addRecord(
      baseRecord({
        requestId: 'intent-young',
        outcome: 'in-progress',
        nationalIdHash: 'hash-intent',
        createdAt: at(5),
      }),
    );
    expect((await store.listIntentsBefore(at(60), 10)).map((r) => r.requestId)).toEqual(['intent-old']);
    expect(old.planned).toEqual(planned);
    // An intent may have changed the account: it counts towards the person's limit until completed.
    expect(await store.countResetsSince('hash-intent', at(3600))).toBe(2);

    const completed = await store.completeIntent(old.id, { outcome: 'interrupted', removed: planned, notRemoved: [] });
    expect(completed).toMatchObject({ requestId: 'intent-old', outcome: 'interrupted', planned });
    // The second completer (a late attempt, or another recovery) finds it done and changes nothing.
    expect(await store.completeIntent(old.id, { outcome: 'success' })).toBeNull();
    expect((await store.findRecordByRequestId('intent-old'))?.outcome).toBe('interrupted');
    expect((await store.listIntentsBefore(at(60), 10)).map((r) => r.requestId)).toEqual([]);
  });

  it('stores a record and finds it by request id', async () => {
    const stored = await store.addRecord(
      baseRecord({
        requestId: 'req-find',
        outcome: 'partial',
        reason: 'remove-method: 500 generalException',
        notRemoved: [{ id: 'm2', type: 'microsoftAuthenticator', label: 'Pixel', reason: '500 generalException' }],
      }),
    );
    expect(stored.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(stored.createdAt).toBeInstanceOf(Date);

    const found = await store.findRecordByRequestId('req-find');
    expect(found).toMatchObject({
      outcome: 'partial',
      reason: 'remove-method: 500 generalException',
      nationalIdHash: 'hash-a',
      accountId: 'account-1',
      removed: [{ id: 'm1', type: 'microsoftAuthenticator', label: 'iPhone 14' }],
      notRemoved: [{ id: 'm2', type: 'microsoftAuthenticator', label: 'Pixel', reason: '500 generalException' }],
      sessionsRevoked: true,
    });
    expect(await store.findRecordByRequestId('req-missing')).toBeNull();
  });

  it('keeps refusals without a national id hash or account', async () => {
    const stored = await store.addRecord({ requestId: 'req-nopid', outcome: 'refused', reason: 'no-pid' });
    expect(stored).toMatchObject({
      nationalIdHash: null,
      accountId: null,
      removed: [],
      notRemoved: [],
      sessionsRevoked: null,
    });
  });

  it('refuses an unknown outcome', async () => {
    await expect(store.addRecord(baseRecord({ outcome: 'maybe' as NewRecord['outcome'] }))).rejects.toThrow();
  });

  it('counts the resets that use up a person’s allowance, within the window', async () => {
    const now = Date.now();
    const at = (hoursAgo: number) => new Date(now - hoursAgo * 3_600_000);
    await store.addRecord(baseRecord({ requestId: 'c1', nationalIdHash: 'hash-count', createdAt: at(30) }));
    await store.addRecord(baseRecord({ requestId: 'c2', nationalIdHash: 'hash-count', createdAt: at(20) }));
    await store.addRecord(
      baseRecord({ requestId: 'c3', nationalIdHash: 'hash-count', outcome: 'partial', createdAt: at(2) }),
    );
    await store.addRecord(
      baseRecord({ requestId: 'c4', nationalIdHash: 'hash-count', outcome: 'failed', createdAt: at(1) }),
    );
    await store.addRecord(
      baseRecord({ requestId: 'c5', nationalIdHash: 'hash-count', outcome: 'refused', createdAt: at(1) }),
    );
    await store.addRecord(
      baseRecord({ requestId: 'c6', nationalIdHash: 'hash-count', outcome: 'nothing-to-remove', createdAt: at(1) }),
    );
    await store.addRecord(baseRecord({ requestId: 'c7', nationalIdHash: 'hash-other', createdAt: at(1) }));

    // Only success and partial changed the directory; failed, refused and nothing-to-remove did not.
    expect(await store.countResetsSince('hash-count', at(24))).toBe(2);
    expect(await store.firstResetSince('hash-count', at(24))).toEqual(at(20));
    expect(await store.countResetsSince('hash-nobody', at(24))).toBe(0);
    expect(await store.firstResetSince('hash-nobody', at(24))).toBeNull();

    // A failure alone starts no window either.
    await store.addRecord(
      baseRecord({ requestId: 'f1', nationalIdHash: 'hash-failed', outcome: 'failed', createdAt: at(1) }),
    );
    expect(await store.countResetsSince('hash-failed', at(24))).toBe(0);
    expect(await store.firstResetSince('hash-failed', at(24))).toBeNull();
  });

  it('lists records oldest first', async () => {
    const records = await store.listRecords();
    const times = records.map((record) => record.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(records.length).toBeGreaterThanOrEqual(9);
  });

  it('remembers sessions ended by front-channel logout', async () => {
    expect(await store.isSessionEnded('sid-1')).toBe(false);
    await store.endSession('sid-1');
    await store.endSession('sid-1');
    expect(await store.isSessionEnded('sid-1')).toBe(true);
    expect(await store.isSessionEnded('sid-2')).toBe(false);
  });

  it('keeps the chosen and ignored ids, whether a pass was issued and until when, and whether the notice went', async () => {
    const expires = new Date(Date.now() + 3_600_000);
    const stored = await store.addRecord(
      baseRecord({
        requestId: 'req-tap',
        chosen: ['m1'],
        ignored: ['bogus'],
        tapIssued: true,
        tapExpiresAt: expires,
        noticeSent: false,
      }),
    );
    expect(stored).toMatchObject({
      chosen: ['m1'],
      ignored: ['bogus'],
      tapIssued: true,
      tapExpiresAt: expires,
      tapShownAt: null,
      noticeSent: false,
    });
    expect(await store.addRecord(baseRecord({ requestId: 'req-plain' }))).toMatchObject({
      chosen: [],
      ignored: [],
      tapIssued: null,
      noticeSent: null,
    });
  });

  it('grants the display of a pass once, only to its owner, only while it is valid', async () => {
    const now = new Date();
    await store.addRecord(
      baseRecord({ requestId: 'req-show', tapIssued: true, tapExpiresAt: new Date(now.getTime() + 60_000) }),
    );
    await store.addRecord(
      baseRecord({ requestId: 'req-expired', tapIssued: true, tapExpiresAt: new Date(now.getTime() - 1) }),
    );
    await store.addRecord(baseRecord({ requestId: 'req-none', tapIssued: false }));
    expect(await store.claimPassDisplay('req-show', { nationalIdHash: 'hash-other' }, now)).toBe(false);
    // Two at once (a double load): exactly one wins.
    const both = await Promise.all([
      store.claimPassDisplay('req-show', { nationalIdHash: 'hash-a' }, now),
      store.claimPassDisplay('req-show', { nationalIdHash: 'hash-a' }, now),
    ]);
    expect(both.filter(Boolean)).toHaveLength(1);
    expect(await store.claimPassDisplay('req-show', { nationalIdHash: 'hash-a' }, now)).toBe(false);
    expect((await store.findRecordByRequestId('req-show'))?.tapShownAt).toEqual(now);
    expect(await store.claimPassDisplay('req-expired', { nationalIdHash: 'hash-a' }, now)).toBe(false);
    expect(await store.claimPassDisplay('req-none', { nationalIdHash: 'hash-a' }, now)).toBe(false);
  });

  it('forgets ended sessions older than a day when it records a new one', async () => {
    const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000);
    await database.db.insert(endedSessions).values([
      { sid: 'sid-old', endedAt: hoursAgo(25) },
      { sid: 'sid-recent', endedAt: hoursAgo(23) },
    ]);
    expect(await store.isSessionEnded('sid-old')).toBe(true);

    await store.endSession('sid-new');
    expect(await store.isSessionEnded('sid-old')).toBe(false);
    expect(await store.isSessionEnded('sid-recent')).toBe(true);
    expect(await store.isSessionEnded('sid-new')).toBe(true);
  });
});

describe('migration 0001 on a database that has records from before it', () => {
  it('adds the new columns and the old records stay readable, with defaults', async () => {
    if (!canRunPglite) throw new Error('needs --experimental-vm-modules (npm run test:unit)');
    const dir = await mkdtemp(path.join(tmpdir(), 'tofaktor-migrate-'));
    try {
      // The migrations folder as it was before issue 8: only 0000 in the journal.
      const before = path.join(dir, 'migrations-0000');
      await cp(MIGRATIONS_FOLDER, before, { recursive: true });
      const journalPath = path.join(before, 'meta', '_journal.json');
      const journal = JSON.parse(await readFile(journalPath, 'utf8')) as { entries: { tag: string }[] };
      journal.entries = journal.entries.filter((entry) => entry.tag.startsWith('0000'));
      await writeFile(journalPath, JSON.stringify(journal));

      const [{ PGlite }, { drizzle }, { migrate }] = await Promise.all([
        import('@electric-sql/pglite'),
        import('drizzle-orm/pglite'),
        import('drizzle-orm/pglite/migrator'),
      ]);
      const client = new PGlite(path.join(dir, 'pglite'));
      const db = drizzle(client, { schema });
      await migrate(db, { migrationsFolder: before });
      await client.query(
        `insert into reset_records (request_id, outcome, national_id_hash, removed, sessions_revoked)
         values ('req-old', 'success', 'hash-old', '[{"id":"m1","type":"microsoftAuthenticator","label":"iPhone 12"}]', true)`,
      );
      await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
      const old = await createRecordStore(db).findRecordByRequestId('req-old');
      expect(old).toMatchObject({
        outcome: 'success',
        removed: [{ id: 'm1', type: 'microsoftAuthenticator', label: 'iPhone 12' }],
        sessionsRevoked: true,
        chosen: [],
        ignored: [],
        tapIssued: null,
        tapExpiresAt: null,
        tapShownAt: null,
        noticeSent: null,
      });
      await client.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 30_000);
});

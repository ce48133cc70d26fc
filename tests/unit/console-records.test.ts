/** @jest-environment node */
// Migration 0002 and the console's record queries, on PGlite: old records stay readable as self-service
// attempts; the audit view's filters, the per-agent count and the agent's one-time pass display.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { MIGRATIONS_FOLDER, openDatabase, type OpenDatabase } from '@/lib/records/database';
import { createRecordStore, type NewRecord, type RecordStore } from '@/lib/records/records';

jest.setTimeout(60_000);

const record = (overrides: Partial<NewRecord>): NewRecord => ({
  requestId: 'r',
  outcome: 'success',
  nationalIdHash: null,
  ...overrides,
});

describe('migration 0002', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'tofaktor-migration-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('keeps records written before it readable, as self-service attempts without agent or verification', async () => {
    // A database as issue 8 left it: only the migrations up to 0001.
    const older = path.join(dir, 'migrations');
    await cp(MIGRATIONS_FOLDER, older, { recursive: true });
    const journalPath = path.join(older, 'meta', '_journal.json');
    const journal = JSON.parse(await readFile(journalPath, 'utf8')) as { entries: { tag: string }[] };
    journal.entries = journal.entries.filter((entry) => entry.tag < '0002');
    await writeFile(journalPath, JSON.stringify(journal));
    const [{ PGlite }, { drizzle }, { migrate }] = await Promise.all([
      import('@electric-sql/pglite'),
      import('drizzle-orm/pglite'),
      import('drizzle-orm/pglite/migrator'),
    ]);
    const dataDir = path.join(dir, 'pglite');
    const client = new PGlite(dataDir);
    const db = drizzle(client);
    await migrate(db, { migrationsFolder: older });
    await db.execute(
      sql`insert into reset_records (request_id, outcome, national_id_hash, chosen) values ('old-1', 'success', 'hash-old', '["m1"]'::jsonb)`,
    );
    await client.close();

    const database = await openDatabase({ databaseUrl: undefined, pgliteDir: dataDir, hmacKey: '' });
    try {
      const [old] = await createRecordStore(database.db).listRecords();
      expect(old).toMatchObject({
        requestId: 'old-1',
        nationalIdHash: 'hash-old',
        chosen: ['m1'],
        channel: 'self-service',
        agentId: null,
        verificationKind: null,
        ticketReference: null,
      });
    } finally {
      await database.close();
    }
  });
});

describe('console queries', () => {
  let dir: string;
  let database: OpenDatabase;
  let store: RecordStore;
  const at = (iso: string) => new Date(iso);

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'tofaktor-console-records-'));
    database = await openDatabase({ databaseUrl: undefined, pgliteDir: path.join(dir, 'pglite'), hmacKey: '' });
    store = createRecordStore(database.db);
    await store.addRecord(
      record({ requestId: 'a', createdAt: at('2026-11-01T10:00:00Z'), channel: 'self-service', nationalIdHash: 'h1' }),
    );
    await store.addRecord(
      record({
        requestId: 'b',
        createdAt: at('2026-11-02T10:00:00Z'),
        channel: 'service-desk',
        agentId: 'agent-1',
        accountId: 'acc-1',
        verificationKind: 'passport',
      }),
    );
    await store.addRecord(
      record({
        requestId: 'c',
        createdAt: at('2026-11-02T11:00:00Z'),
        channel: 'service-desk',
        agentId: 'agent-1',
        accountId: 'acc-2',
        outcome: 'refused',
        reason: 'protected-account',
      }),
    );
    await store.addRecord(
      record({
        requestId: 'd',
        createdAt: at('2026-11-02T12:00:00Z'),
        channel: 'service-desk',
        agentId: 'agent-1',
        outcome: 'refused',
        reason: 'rate-limited-agent',
      }),
    );
    await store.addRecord(
      record({
        requestId: 'e',
        createdAt: at('2026-11-03T10:00:00Z'),
        channel: 'service-desk',
        agentId: 'agent-2',
        accountId: 'acc-1',
        tapIssued: true,
        tapExpiresAt: at('2026-11-03T11:00:00Z'),
      }),
    );
  });
  afterAll(async () => {
    await database?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('lists attempts newest first, filtered by outcome, channel, date range and account, up to the limit', async () => {
    const ids = async (filter: Parameters<RecordStore['listAttempts']>[0]) =>
      (await store.listAttempts(filter)).map((row) => row.requestId);
    expect(await ids({ limit: 10 })).toEqual(['e', 'd', 'c', 'b', 'a']);
    expect(await ids({ limit: 2 })).toEqual(['e', 'd']);
    expect(await ids({ channel: 'self-service', limit: 10 })).toEqual(['a']);
    expect(await ids({ outcome: 'refused', limit: 10 })).toEqual(['d', 'c']);
    expect(await ids({ from: at('2026-11-02T00:00:00Z'), to: at('2026-11-03T00:00:00Z'), limit: 10 })).toEqual([
      'd',
      'c',
      'b',
    ]);
    expect(await ids({ accountId: 'acc-1', limit: 10 })).toEqual(['e', 'b']);
  });

  it('counts an agent’s attempts since a time, leaving out its own rate-limit refusals', async () => {
    expect(await store.countAgentAttemptsSince('agent-1', at('2026-11-01T00:00:00Z'))).toBe(2);
    expect(await store.countAgentAttemptsSince('agent-1', at('2026-11-02T10:30:00Z'))).toBe(1);
    expect(await store.countAgentAttemptsSince('agent-2', at('2026-11-01T00:00:00Z'))).toBe(1);
  });

  it('grants the display of a desk pass once, to the agent who made the attempt, while it is valid', async () => {
    const during = at('2026-11-03T10:30:00Z');
    expect(await store.claimPassDisplay('e', { agentId: 'agent-1' }, during)).toBe(false);
    expect(await store.claimPassDisplay('e', { nationalIdHash: 'agent-2' }, during)).toBe(false);
    expect(await store.claimPassDisplay('e', { agentId: 'agent-2' }, at('2026-11-03T11:30:00Z'))).toBe(false);
    expect(await store.claimPassDisplay('e', { agentId: 'agent-2' }, during)).toBe(true);
    expect(await store.claimPassDisplay('e', { agentId: 'agent-2' }, during)).toBe(false);
  });

  it('refuses an unknown channel', async () => {
    await expect(store.addRecord(record({ requestId: 'x', channel: 'phone' as never }))).rejects.toThrow();
  });
});

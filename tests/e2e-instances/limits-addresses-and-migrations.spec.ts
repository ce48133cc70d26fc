// The per-address limit across instances and where the address comes from (the socket, or a trusted proxy),
// and migrations as a deployment step: three at once on an empty database, and an unmigrated database reported.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test, type Browser } from '@playwright/test';
import { Client } from 'pg';
import { graphAdmin } from '../e2e/support/graph-admin';
import { startInstance } from '../e2e/support/instance';
import { loginFromResetGuide } from '../e2e/support/login';
import { person } from '../e2e/support/people';
import { createFreshDatabase, dropDatabase, runMigrate } from '../e2e/support/postgres';
import { rawRequest } from '../e2e/support/raw-http';
import { postgresServerUrl, startCluster, type Cluster } from './support/cluster';

test.describe.configure({ mode: 'serial' });

test.beforeEach(async () => {
  await graphAdmin.reset();
});

/** Logs in through the balancer and returns the session cookie header for requests made directly to instances. */
async function sessionCookie(browser: Browser): Promise<string> {
  const context = await browser.newContext({ locale: 'nb-NO' });
  const page = await context.newPage();
  await loginFromResetGuide(page, person('two-authenticators').nationalId);
  await expect(page.getByTestId('methods-to-remove')).toBeVisible(); // this preview used up one attempt
  const cookies = await context.cookies('http://localhost:3000');
  await context.close();
  return cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');
}

/** The confirm page straight from one instance (each view uses up one of the address's attempts). */
async function confirmPage(
  cluster: Cluster,
  instance: 'a' | 'b',
  cookie: string,
  headers: Record<string, string> = {},
) {
  const response = await rawRequest(`${cluster.instances[instance].url}/nb/nullstill/bekreft`, {
    headers: { host: 'localhost:3000', cookie, 'accept-language': 'nb', ...headers },
  });
  expect(response.status).toBe(200);
  if (response.body.includes('data-testid="refusal-rate-limited-address"')) return 'limited';
  if (response.body.includes('data-testid="methods-to-remove"')) return 'allowed';
  throw new Error(`unexpected confirm page from ${instance}`);
}

test.describe('without a trusted proxy', () => {
  let cluster: Cluster;
  test.beforeAll(async () => {
    cluster = await startCluster({ RESET_LIMIT_PER_ADDRESS: '4' });
  });
  test.afterAll(async () => cluster?.stop());

  test('the per-address limit holds across instances, and X-Forwarded-For or X-Real-IP sent by the client change nothing', async ({
    browser,
  }) => {
    const cookie = await sessionCookie(browser); // attempt 1, through the balancer
    const spoofed = (n: number) => ({ 'x-forwarded-for': `203.0.113.${n}`, 'x-real-ip': `198.51.100.${n}` });
    expect(await confirmPage(cluster, 'a', cookie, spoofed(2))).toBe('allowed'); // 2
    expect(await confirmPage(cluster, 'b', cookie, spoofed(3))).toBe('allowed'); // 3
    expect(await confirmPage(cluster, 'a', cookie, spoofed(4))).toBe('allowed'); // 4
    expect(await confirmPage(cluster, 'b', cookie, spoofed(5))).toBe('limited');
    expect(await confirmPage(cluster, 'a', cookie, spoofed(6))).toBe('limited');
    // A forged socket-address header is overwritten by the entry as well.
    expect(await confirmPage(cluster, 'b', cookie, { 'x-tofaktor-socket-address': '192.0.2.77' })).toBe('limited');
  });
});

test.describe('with the load balancer configured as a trusted proxy', () => {
  let cluster: Cluster;
  test.beforeAll(async () => {
    cluster = await startCluster({ RESET_LIMIT_PER_ADDRESS: '2', TRUSTED_PROXIES: 'loopback' });
  });
  test.afterAll(async () => cluster?.stop());

  test('the address comes from X-Forwarded-For; the limit holds per forwarded address across instances', async ({
    browser,
  }) => {
    const cookie = await sessionCookie(browser);
    const from = (address: string, extra: Record<string, string> = {}) => ({ 'x-forwarded-for': address, ...extra });
    expect(await confirmPage(cluster, 'a', cookie, from('203.0.113.10'))).toBe('allowed');
    expect(await confirmPage(cluster, 'b', cookie, from('203.0.113.10'))).toBe('allowed');
    expect(await confirmPage(cluster, 'a', cookie, from('203.0.113.10'))).toBe('limited');
    // Another forwarded address is another client.
    expect(await confirmPage(cluster, 'b', cookie, from('203.0.113.11'))).toBe('allowed');
    // X-Real-IP is not configured, so it is not read.
    expect(await confirmPage(cluster, 'b', cookie, from('203.0.113.10', { 'x-real-ip': '198.51.100.20' }))).toBe(
      'limited',
    );
  });
});

test.describe('maintenance steps', () => {
  const serverUrl = postgresServerUrl();
  const created: string[] = [];
  test.afterAll(async () => {
    for (const name of created) await dropDatabase(serverUrl, name);
  });

  const migrateAsync = (databaseUrl: string) =>
    new Promise<{ status: number | null; output: string }>((resolve) => {
      const child = spawn('npm', ['run', '--silent', 'db:migrate'], {
        env: { ...process.env, DATABASE_URL: databaseUrl },
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.on('exit', (status) => resolve({ status, output }));
    });

  test('npm run db:migrate three times at once on an empty database leaves one correct schema', async () => {
    const name = `tofaktor_migrate_${process.pid}_${Date.now()}`;
    created.push(name);
    const databaseUrl = await createFreshDatabase(serverUrl, name);
    const runs = await Promise.all([migrateAsync(databaseUrl), migrateAsync(databaseUrl), migrateAsync(databaseUrl)]);
    for (const run of runs) expect(run.status, run.output).toBe(0);

    const journal = JSON.parse(readFileSync('lib/records/migrations/meta/_journal.json', 'utf8')) as {
      entries: unknown[];
    };
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const applied = await client.query<{ n: string }>('select count(*) as n from drizzle.__drizzle_migrations');
      expect(Number(applied.rows[0]?.n)).toBe(journal.entries.length);
      const tables = await client.query<{ table_name: string }>(
        "select table_name from information_schema.tables where table_schema = 'public' order by table_name",
      );
      expect(tables.rows.map((row) => row.table_name)).toEqual(
        expect.arrayContaining(['address_limits', 'ended_sessions', 'reset_records']),
      );
    } finally {
      await client.end();
    }
    // A fourth run later changes nothing and says so.
    const again = await migrateAsync(databaseUrl);
    expect(again.status).toBe(0);
    expect(again.output).toContain('schema is current');
  });

  test('an instance started on an unmigrated database reports not-ready, saying what to run, until it is migrated', async () => {
    const name = `tofaktor_unmigrated_${process.pid}_${Date.now()}`;
    created.push(name);
    const databaseUrl = await createFreshDatabase(serverUrl, name);
    const instance = await startInstance(3103, { DATABASE_URL: databaseUrl, PGLITE_DIR: '' });
    try {
      const response = await fetch(`${instance.url}/api/ready`);
      expect(response.status).toBe(503);
      const body = (await response.json()) as { checks: Record<string, { ok: boolean; message: string }> };
      expect(body.checks.database?.ok).toBe(true);
      expect(body.checks.schema?.ok).toBe(false);
      expect(body.checks.schema?.message).toContain('run `npm run db:migrate`');
      expect(instance.output()).toMatch(/not ready: schema: not current, run `npm run db:migrate`/);

      expect(runMigrate(databaseUrl).status).toBe(0);
      // The migration can outlast the server's keep-alive timeout: fetch may then reuse the socket the server is
      // closing ("other side closed"); one retry on a new connection, the status is still what is checked.
      const ready = await fetch(`${instance.url}/api/ready`).catch(() => fetch(`${instance.url}/api/ready`));
      expect(ready.status).toBe(200);
    } finally {
      expect(await instance.stop()).toBe(0);
    }
  });

  test('npm run records:prune deletes exactly the records older than RECORDS_RETENTION_DAYS', async () => {
    const name = `tofaktor_prune_${process.pid}_${Date.now()}`;
    created.push(name);
    const databaseUrl = await createFreshDatabase(serverUrl, name);
    expect(runMigrate(databaseUrl).status).toBe(0);
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      // Ages relative to the database's clock: 31 and 45 days are past a 30-day period, 29 days and now are not.
      for (const [requestId, days] of [
        ['p45', 45],
        ['p31', 31],
        ['p29', 29],
        ['p0', 0],
      ] as const) {
        await client.query(
          `insert into reset_records (request_id, outcome, national_id_hash, created_at) values ($1, 'success', 'h', now() - make_interval(days => $2))`,
          [requestId, days],
        );
      }
      const prune = spawnSyncPrune(databaseUrl, '30');
      expect(prune.status, prune.output).toBe(0);
      expect(JSON.parse(prune.output.trim().split('\n').at(-1) ?? '{}')).toMatchObject({
        event: 'records.pruned',
        deleted: 2,
        retentionDays: 30,
      });
      const left = await client.query<{ request_id: string }>(
        'select request_id from reset_records order by created_at',
      );
      expect(left.rows.map((row) => row.request_id)).toEqual(['p29', 'p0']);
    } finally {
      await client.end();
    }
  });
});

function spawnSyncPrune(databaseUrl: string, days: string) {
  const result = spawnSync('npm', ['run', '--silent', 'records:prune'], {
    env: { ...process.env, DATABASE_URL: databaseUrl, RECORDS_RETENTION_DAYS: days },
    encoding: 'utf8',
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

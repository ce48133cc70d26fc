// Runs the end-to-end suite against the embedded PGlite database; then, on the PostgreSQL server DATABASE_URL
// points at, the records test file again on a fresh database, and the multi-instance tests (tests/e2e-instances:
// two standalone instances on one fresh database). `-- <files>` runs only those files, each with its own config.
//
// PostgreSQL is REQUIRED: the multi-instance guarantees cannot be shown on PGlite, and a run that skipped them
// must not look like a pass. Without DATABASE_URL the run uses a server that lets `postgres` in on
// 127.0.0.1:5432 (as on the project's machines and in CI), and fails when there is none, unless
// E2E_WITHOUT_POSTGRES=1 says, out loud, that this machine has no PostgreSQL.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { Client } from 'pg';
import { createFreshDatabase, dropDatabase, runMigrate } from './support/postgres';
import { runProductionShape } from './support/production-shape-run';

const INSTANCES_DIR = 'tests/e2e-instances';
const TLS_TESTS_DIR = 'tests/e2e-tls';
const FAULTS_DIR = 'tests/e2e-faults';

function playwright(args: string[], env: Record<string, string>, config?: string): number {
  const configArgs = config ? ['-c', config] : [];
  const result = spawnSync('npx', ['playwright', 'test', ...configArgs, ...args], {
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  return result.status ?? 1;
}

async function freshPostgresDatabase(serverUrl: string): Promise<string> {
  const databaseUrl = await createFreshDatabase(serverUrl, 'tofaktor_e2e');
  // The server does not migrate PostgreSQL itself: the deployment step does, as here.
  const migrated = runMigrate(databaseUrl);
  if (migrated.status !== 0) throw new Error(`db:migrate failed:\n${migrated.output}`);
  return databaseUrl;
}

const LOCAL_POSTGRES = 'postgres://postgres@127.0.0.1:5432/postgres';

async function localPostgresAnswers(): Promise<boolean> {
  const client = new Client({ connectionString: LOCAL_POSTGRES, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function requirePostgres(): Promise<string | null> {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) return serverUrl;
  if (await localPostgresAnswers()) {
    console.log(`
DATABASE_URL is not set: using the PostgreSQL server that answers at ${new URL(LOCAL_POSTGRES).host}.`);
    return LOCAL_POSTGRES;
  }
  if (process.env.E2E_WITHOUT_POSTGRES === '1') {
    console.log('\n*** NOT RUN: the PostgreSQL records run and the multi-instance tests (E2E_WITHOUT_POSTGRES=1). ***');
    return null;
  }
  console.error(
    '\nDATABASE_URL is not set: the multi-instance tests need a PostgreSQL server they may create databases on ' +
      '(e.g. postgres://postgres@127.0.0.1:5432/test). Set it, or set E2E_WITHOUT_POSTGRES=1 to run without them.',
  );
  process.exit(1);
}

async function main() {
  const started = performance.now();
  mkdirSync('data', { recursive: true });
  const files = process.argv.slice(2);
  const instanceFiles = files.filter((file) => file.startsWith(INSTANCES_DIR));
  const tlsFiles = files.filter((file) => file.startsWith(TLS_TESTS_DIR));
  const faultFiles = files.filter((file) => file.startsWith(FAULTS_DIR));
  const mainFiles = files.filter(
    (file) => !file.startsWith(INSTANCES_DIR) && !file.startsWith(TLS_TESTS_DIR) && !file.startsWith(FAULTS_DIR),
  );
  let status = 0;

  if (files.length === 0 || mainFiles.length > 0) status = playwright(mainFiles, { E2E_DATABASE_URL: '' });

  if (status === 0 && (files.length === 0 || tlsFiles.length > 0)) {
    console.log('\nThe production shape: behind nginx terminating TLS, once per bind address');
    status = runProductionShape(tlsFiles);
  }

  if (status === 0 && (files.length === 0 || instanceFiles.length > 0)) {
    const serverUrl = await requirePostgres();
    if (serverUrl && files.length === 0) {
      console.log('\nAgain against PostgreSQL: the records test file');
      const databaseUrl = await freshPostgresDatabase(serverUrl);
      status = playwright(['tests/e2e/reset-records.spec.ts'], { E2E_DATABASE_URL: databaseUrl });
      await dropDatabase(serverUrl, 'tofaktor_e2e');
    }
    if (serverUrl && status === 0) {
      console.log('\nSeveral instances on one PostgreSQL database');
      status = playwright(instanceFiles, { DATABASE_URL: serverUrl }, 'playwright.instances.config.ts');
    }
  }
  // The fault tests bring their own PostgreSQL cluster (Debian's initdb and pg_ctl), so they need no DATABASE_URL.
  if (status === 0 && (files.length === 0 || faultFiles.length > 0)) {
    console.log('\nFaults: an instance killed mid-reset, the records database stopped and restarted');
    status = playwright(faultFiles, {}, 'playwright.faults.config.ts');
  }
  console.log(`end-to-end tests took ${((performance.now() - started) / 1000).toFixed(1)} s`);
  process.exit(status);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

// Runs the end-to-end suite against the embedded PGlite database, then — when DATABASE_URL points at a
// PostgreSQL server — the records test file again against a fresh database on that server.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createFreshDatabase, runMigrate } from './support/postgres';

function playwright(args: string[], env: Record<string, string>): number {
  const result = spawnSync('npx', ['playwright', 'test', ...args], { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

async function freshPostgresDatabase(serverUrl: string): Promise<string> {
  const databaseUrl = await createFreshDatabase(serverUrl, 'tofaktor_e2e');
  // The server does not migrate PostgreSQL itself: the deployment step does, as here.
  const migrated = runMigrate(databaseUrl);
  if (migrated.status !== 0) throw new Error(`db:migrate failed:\n${migrated.output}`);
  return databaseUrl;
}

async function main() {
  const started = performance.now();
  mkdirSync('data', { recursive: true });
  const extraArgs = process.argv.slice(2);
  let status = playwright(extraArgs, { E2E_DATABASE_URL: '' });

  const serverUrl = process.env.DATABASE_URL;
  if (status === 0 && serverUrl && extraArgs.length === 0) {
    console.log('\nAgain against PostgreSQL: the records test file');
    const databaseUrl = await freshPostgresDatabase(serverUrl);
    status = playwright(['tests/e2e/reset-records.spec.ts'], { E2E_DATABASE_URL: databaseUrl });
  } else if (!serverUrl) {
    console.log('\nDATABASE_URL is not set: the records tests ran against PGlite only.');
  }
  console.log(`end-to-end tests took ${((performance.now() - started) / 1000).toFixed(1)} s`);
  process.exit(status);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

// Runs the end-to-end suite against the embedded PGlite database, then — when DATABASE_URL points at a
// PostgreSQL server — the records test file again against a fresh database on that server.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { Client } from 'pg';

function playwright(args: string[], env: Record<string, string>): number {
  const result = spawnSync('npx', ['playwright', 'test', ...args], { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

async function freshPostgresDatabase(serverUrl: string): Promise<string> {
  const name = 'tofaktor_e2e';
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function main() {
  const started = performance.now();
  mkdirSync('data', { recursive: true });
  const extraArgs = process.argv.slice(2);
  let status = playwright(extraArgs, { E2E_DATABASE_URL: '' });

  const serverUrl = process.env.DATABASE_URL;
  if (status === 0 && serverUrl && extraArgs.length === 0) {
    console.log(`\nAgain against PostgreSQL (${new URL(serverUrl).host}): the records test file`);
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

// Fresh PostgreSQL databases for end-to-end runs, on the server DATABASE_URL points at (TCP or a Unix socket:
// postgres://postgres@/test?host=/var/run/postgresql).
import { spawnSync } from 'node:child_process';
import { Client } from 'pg';

/** The same server URL with another database name; works for host and socket URLs alike. */
export function withDatabase(serverUrl: string, name: string): string {
  const match = /^(postgres(?:ql)?:\/\/[^/?]*)(\/[^?]*)?(\?.*)?$/.exec(serverUrl);
  if (!match) throw new Error('DATABASE_URL must be a postgres:// URL');
  return `${match[1]}/${name}${match[3] ?? ''}`;
}

async function admin<T>(serverUrl: string, task: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await task(client);
  } finally {
    await client.end();
  }
}

/** Drops and creates `name` (it must start with tofaktor_), returns its URL. Not migrated. */
export async function createFreshDatabase(serverUrl: string, name: string): Promise<string> {
  if (!/^tofaktor_[a-z0-9_]+$/.test(name)) throw new Error(`test databases are named tofaktor_…, not ${name}`);
  await admin(serverUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${name}`);
  });
  return withDatabase(serverUrl, name);
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  if (!/^tofaktor_[a-z0-9_]+$/.test(name)) throw new Error(`refusing to drop ${name}`);
  await admin(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}

/** `npm run db:migrate` against `databaseUrl`; returns its exit code and output. */
export function runMigrate(databaseUrl: string): { status: number | null; output: string } {
  const result = spawnSync('npm', ['run', '--silent', 'db:migrate'], {
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' },
    encoding: 'utf8',
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

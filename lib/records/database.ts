// Opens the records database: PGlite (Postgres in WASM, no server) by default, node-postgres when DATABASE_URL is set.
// Both run the same drizzle migrations and queries. PGlite allows one process per data directory: run a
// single Next server against it, or set DATABASE_URL when several processes (or instances) share records.
import 'server-only';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { Config } from '@/lib/config';
import * as schema from '@/lib/records/schema';

export type RecordsDatabase = PgDatabase<PgQueryResultHKT, typeof schema>;
export type OpenDatabase = { db: RecordsDatabase; close(): Promise<void> };

// Resolved from the project root, where `next start`, `next dev` and jest run.
export const MIGRATIONS_FOLDER = path.join(process.cwd(), 'lib', 'records', 'migrations');

type DatabaseSettings = Config['records'] & {
  /** Postgres schema to keep the tables in (isolated test runs, or several sites in one database). */
  schemaName?: string;
};

export async function openDatabase(settings: DatabaseSettings): Promise<OpenDatabase> {
  return settings.databaseUrl ? openPostgres(settings.databaseUrl, settings.schemaName) : openPglite(settings.pgliteDir);
}

async function openPglite(dataDir: string): Promise<OpenDatabase> {
  const [{ PGlite }, { drizzle }, { migrate }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('drizzle-orm/pglite'),
    import('drizzle-orm/pglite/migrator'),
  ]);
  await mkdir(dataDir, { recursive: true });
  const client = new PGlite(dataDir);
  const db = drizzle(client, { schema });
  await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  return { db, close: () => client.close() };
}

async function openPostgres(connectionString: string, schemaName?: string): Promise<OpenDatabase> {
  const [{ Pool }, { drizzle }, { migrate }] = await Promise.all([
    import('pg'),
    import('drizzle-orm/node-postgres'),
    import('drizzle-orm/node-postgres/migrator'),
  ]);
  if (schemaName !== undefined && !/^[a-z_][a-z0-9_]*$/.test(schemaName)) throw new Error('invalid schema name');
  const pool = new Pool({
    connectionString,
    max: 5,
    ...(schemaName ? { options: `-c search_path=${schemaName}` } : {}),
  });
  if (schemaName) await pool.query(`create schema if not exists ${schemaName}`);
  const db = drizzle(pool, { schema });
  await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER, ...(schemaName ? { migrationsSchema: schemaName } : {}) });
  return { db, close: () => pool.end() };
}

// One instance per process; globalThis survives Next's dev-mode module reloads, which would otherwise
// open the PGlite directory a second time.
const cache = globalThis as typeof globalThis & { __tofaktorRecordsDatabase?: Promise<OpenDatabase> };

export function getSharedDatabase(settings: Config['records']): Promise<OpenDatabase> {
  cache.__tofaktorRecordsDatabase ??= openDatabase(settings).catch((error: unknown) => {
    cache.__tofaktorRecordsDatabase = undefined;
    throw error;
  });
  return cache.__tofaktorRecordsDatabase;
}

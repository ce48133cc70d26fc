// Opens the records database: PGlite (Postgres in WASM, no server) by default, node-postgres when DATABASE_URL is set.
// Both run the same drizzle migrations and queries. PGlite allows one process per data directory: run a
// single server against it, or set DATABASE_URL when several processes (or instances) share records.
//
// Migrations: PGlite migrates itself when opened (the one-command demo). On PostgreSQL they are a deployment
// step, `npm run db:migrate`, under an advisory lock so several runs at once apply them once; the server only
// checks that the schema is current (schemaStatus) and reports not-ready until it is. A server that migrated on
// start would make every instance of a rolling deployment a schema owner, with the database user that needs.
import 'server-only';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { Config } from '@/lib/config';
import * as schema from '@/lib/records/schema';
import { inStatementSpan } from '@/lib/tracing/spans';

export type RecordsDatabase = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Backend = 'pglite' | 'postgres';
export type OpenDatabase = {
  db: RecordsDatabase;
  backend: Backend;
  /** Runs `task` holding a PostgreSQL session-level advisory lock on `key`; null on PGlite (one process). */
  withAdvisoryLock: (<T>(key: bigint, task: () => Promise<T>) => Promise<T>) | null;
  close(): Promise<void>;
};

// Resolved from the working directory: the project root for `next dev`, jest and the scripts, the artifact's
// own folder for the standalone server (next.config.ts traces the migrations into it).
export const MIGRATIONS_FOLDER = path.join(process.cwd(), 'lib', 'records', 'migrations');

/** Advisory-lock key of the migration step (any constant no other lock of this site uses). */
export const MIGRATION_LOCK_KEY = 0x7466_6d69_6772n; // "tfmigr"

/** Tables the site needs besides the drizzle-kit schema: the shared per-address limiter's store. */
const SUPPORT_TABLES_SQL = `
  CREATE TABLE IF NOT EXISTS address_limits (
    key text PRIMARY KEY NOT NULL,
    points integer NOT NULL DEFAULT 0,
    expire timestamp with time zone
  )`;

type DatabaseSettings = Config['records'] & {
  /** Postgres schema to keep the tables in (isolated test runs, or several sites in one database). */
  schemaName?: string;
  /**
   * Apply pending migrations on PostgreSQL (under the lock) when opening. The scripts and tests do; the server
   * does not (see above). PGlite always migrates.
   */
  migratePostgres?: boolean;
};

export async function openDatabase(settings: DatabaseSettings): Promise<OpenDatabase> {
  return settings.databaseUrl
    ? openPostgres(settings.databaseUrl, settings.schemaName, settings.migratePostgres ?? true)
    : openPglite(settings.pgliteDir);
}

async function openPglite(dataDir: string): Promise<OpenDatabase> {
  const [{ PGlite }, { drizzle }, { migrate }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('drizzle-orm/pglite'),
    import('drizzle-orm/pglite/migrator'),
  ]);
  await mkdir(dataDir, { recursive: true });
  const client = new PGlite(dataDir);
  traceStatements(client);
  const db = drizzle(client, { schema });
  await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  await client.exec(SUPPORT_TABLES_SQL);
  return { db, backend: 'pglite', withAdvisoryLock: null, close: () => client.close() };
}

async function openPostgres(
  connectionString: string,
  schemaName: string | undefined,
  migrateNow: boolean,
): Promise<OpenDatabase> {
  const [{ Pool }, { drizzle }] = await Promise.all([import('pg'), import('drizzle-orm/node-postgres')]);
  if (schemaName !== undefined && !/^[a-z_][a-z0-9_]*$/.test(schemaName)) throw new Error('invalid schema name');
  const poolOptions = {
    connectionString,
    // Fail fast when the server is away: readiness and a reset should say so, not hang.
    connectionTimeoutMillis: 5_000,
    ...(schemaName ? { options: `-c search_path=${schemaName}` } : {}),
  };
  const pool = new Pool({ ...poolOptions, max: 10 });
  // Locks hold a connection for a whole reset (Graph calls included): their own pool, so queries made while
  // holding one never wait for a connection a lock holder has (which could deadlock the process).
  const lockPool = new Pool({ ...poolOptions, max: 25 });
  // An idle connection that breaks (database restart, network) must not crash the process: pg emits it here.
  const logIdleError = (error: Error) => console.error(`records database: idle connection lost (${errorCode(error)})`);
  pool.on('error', logIdleError);
  lockPool.on('error', logIdleError);
  traceStatements(pool);
  const db = drizzle(pool, { schema });

  const withAdvisoryLock = async <T>(key: bigint, task: () => Promise<T>): Promise<T> => {
    const client = await lockPool.connect();
    let broken = false;
    try {
      await client.query('select pg_advisory_lock($1::bigint)', [key.toString()]);
      try {
        return await task();
      } finally {
        await client.query('select pg_advisory_unlock($1::bigint)', [key.toString()]).catch(() => {
          broken = true; // the session is gone, and its locks with it
        });
      }
    } finally {
      client.release(broken);
    }
  };

  const open: OpenDatabase = {
    db,
    backend: 'postgres',
    withAdvisoryLock,
    close: async () => {
      await Promise.all([pool.end(), lockPool.end()]);
    },
  };
  try {
    if (schemaName) await pool.query(`create schema if not exists ${schemaName}`);
    if (migrateNow) await migrateLocked(open, schemaName);
  } catch (error) {
    await open.close();
    throw error;
  }
  return open;
}

async function migrateLocked(open: OpenDatabase, schemaName: string | undefined): Promise<void> {
  const { migrate } = await import('drizzle-orm/node-postgres/migrator');
  if (!open.withAdvisoryLock) throw new Error('migrateLocked needs PostgreSQL');
  await open.withAdvisoryLock(MIGRATION_LOCK_KEY, async () => {
    await migrate(open.db as Parameters<typeof migrate>[0], {
      migrationsFolder: MIGRATIONS_FOLDER,
      ...(schemaName ? { migrationsSchema: schemaName } : {}),
    });
    await open.db.execute(sql.raw(SUPPORT_TABLES_SQL));
  });
}

/**
 * One span per statement: drizzle sends every query of the records, the limiter and readiness through the
 * client's query(), so wrapping that one method on this instance covers them (PGlite has no instrumentation of its
 * own, and one way for both drivers keeps the spans alike).
 */
function traceStatements(client: { query: (...args: never[]) => unknown }): void {
  const query = client.query.bind(client) as (...args: unknown[]) => Promise<unknown>;
  (client as { query: unknown }).query = (...args: unknown[]) => inStatementSpan(args[0], () => query(...args));
}

/** Whether the database answers at all (readiness). */
export async function ping(db: RecordsDatabase): Promise<void> {
  await db.execute(sql`select 1`);
}

export type SchemaStatus = { current: true } | { current: false; missing: string[] };

/**
 * Whether every migration in MIGRATIONS_FOLDER has been applied and the support tables exist. Drizzle applies
 * migrations newer than the last one it recorded, so "current" means: the last recorded one is the newest file.
 */
export async function schemaStatus(db: RecordsDatabase, migrationsSchema = 'drizzle'): Promise<SchemaStatus> {
  const { readMigrationFiles } = await import('drizzle-orm/migrator');
  const files = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER });
  // Two steps: a missing journal table would fail the whole statement, even behind a false WHERE.
  const [journal] = rowsOf<{ present: boolean }>(
    await db.execute(sql.raw(`select to_regclass('${migrationsSchema}.__drizzle_migrations') is not null as present`)),
  );
  const applied = journal?.present
    ? rowsOf<{ created_at: string | number | null }>(
        await db.execute(sql.raw(`select max(created_at) as created_at from ${migrationsSchema}.__drizzle_migrations`)),
      )
    : [];
  const lastApplied = Number(applied[0]?.created_at ?? -1);
  const missing = files
    .filter((file) => file.folderMillis > lastApplied)
    .map((file) => `migration of ${new Date(file.folderMillis).toISOString()}`);
  const [table] = rowsOf<{ present: boolean }>(
    await db.execute(sql`select to_regclass('address_limits') is not null as present`),
  );
  if (!table?.present) missing.push('table address_limits');
  return missing.length === 0 ? { current: true } : { current: false, missing };
}

// node-postgres answers with a QueryResult, PGlite with { rows } too; both keep the rows there.
function rowsOf<T>(result: unknown): T[] {
  return (result as { rows?: T[] }).rows ?? [];
}

// What node-postgres and the server say when the database cannot be reached or is going away: network errors,
// the server shutting down or starting (57P0x) and connection failures (08xxx).
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND']);
const UNAVAILABLE_MESSAGES = [/^Connection terminated/, /timeout exceeded when trying to connect/, /Client was closed/];

/** Whether an error (or one it was caused by) says the records database is unreachable, not that a query was wrong. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth += 1) {
    const code = typeof current === 'object' && 'code' in current ? String(current.code) : '';
    if (UNAVAILABLE_CODES.has(code) || code.startsWith('57P0') || code.startsWith('08')) return true;
    const message = current instanceof Error ? current.message : '';
    if (UNAVAILABLE_MESSAGES.some((pattern) => pattern.test(message))) return true;
    current = current instanceof Error ? current.cause : undefined;
  }
  return false;
}

/** A short, secret-free reason for a database error: its code, never its message (which may name a host or user). */
export function errorCode(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') return error.code;
  return error instanceof Error ? error.name : 'unknown';
}

// One instance per process; globalThis survives Next's dev-mode module reloads, which would otherwise
// open the PGlite directory a second time.
const cache = globalThis as typeof globalThis & { __tofaktorRecordsDatabase?: Promise<OpenDatabase> };

/** The server's database: PGlite migrated, PostgreSQL as it is (the migration step is `npm run db:migrate`). */
export function getSharedDatabase(settings: Config['records']): Promise<OpenDatabase> {
  cache.__tofaktorRecordsDatabase ??= openDatabase({ ...settings, migratePostgres: false }).catch((error: unknown) => {
    cache.__tofaktorRecordsDatabase = undefined;
    throw error;
  });
  return cache.__tofaktorRecordsDatabase;
}

/** Closes the server's database if it was opened (graceful shutdown). */
export async function closeSharedDatabase(): Promise<void> {
  const opening = cache.__tofaktorRecordsDatabase;
  cache.__tofaktorRecordsDatabase = undefined;
  if (opening) await (await opening.catch(() => null))?.close();
}

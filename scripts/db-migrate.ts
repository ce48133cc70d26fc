// `npm run db:migrate`: applies pending migrations (and the limiter's table) under a PostgreSQL advisory lock,
// so any number of runs at once, from any number of machines, apply each migration once. Needs only
// DATABASE_URL (or PGLITE_DIR); no secrets.
import { formatProblems, parseEnvironment } from '@/lib/config';
import { openDatabase, schemaStatus } from '@/lib/records/database';

async function main() {
  const parsed = parseEnvironment('maintenance');
  if (!parsed.ok) {
    console.error(formatProblems(parsed.problems));
    process.exit(1);
  }
  const { databaseUrl, pgliteDir } = parsed.config;
  const database = await openDatabase({ databaseUrl, pgliteDir, hmacKey: '', migratePostgres: true });
  try {
    const status = await schemaStatus(database.db);
    if (!status.current) throw new Error(`still missing after migrating: ${status.missing.join(', ')}`);
    console.log(`db:migrate: the ${database.backend === 'postgres' ? 'PostgreSQL' : 'PGlite'} schema is current`);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  // The message of a pg error can name the host; the code is enough to act on, with the stack for developers.
  const code = error && typeof error === 'object' && 'code' in error ? ` (${String(error.code)})` : '';
  console.error(`db:migrate failed${code}: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

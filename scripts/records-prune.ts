// `npm run records:prune`: deletes audit records older than RECORDS_RETENTION_DAYS (default 396, about 13
// months). Safe to run from several machines at once (a plain DELETE); schedule it daily (cron, a Kubernetes
// CronJob). Needs only DATABASE_URL (or PGLITE_DIR, with the server stopped: PGlite is one process).
import { formatProblems, parseEnvironment } from '@/lib/config';
import { openDatabase, schemaStatus } from '@/lib/records/database';
import { pruneRecords } from '@/lib/records/retention';

async function main() {
  const parsed = parseEnvironment('maintenance');
  if (!parsed.ok) {
    console.error(formatProblems(parsed.problems));
    process.exit(1);
  }
  const { databaseUrl, pgliteDir, retentionDays } = parsed.config;
  const database = await openDatabase({ databaseUrl, pgliteDir, hmacKey: '', migratePostgres: false });
  try {
    const status = await schemaStatus(database.db);
    if (!status.current)
      throw new Error(
        `the schema is not current, run \`npm run db:migrate\` first (missing ${status.missing.join(', ')})`,
      );
    const { deleted, cutoff } = await pruneRecords(database.db, { now: new Date(), retentionDays });
    console.log(JSON.stringify({ event: 'records.pruned', deleted, olderThan: cutoff.toISOString(), retentionDays }));
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  const code = error && typeof error === 'object' && 'code' in error ? ` (${String(error.code)})` : '';
  console.error(`records:prune failed${code}: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

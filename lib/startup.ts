// What the server does once when it starts (instrumentation.ts): check the whole configuration, secrets and
// environment-specific URLs included, and stop with one message naming every bad variable; then open the
// database (PGlite migrates itself), say whether the schema is current, and register the shutdown hooks.
import 'server-only';
import { formatProblems, parseConfig } from '@/lib/config';
import { lifecycle, onShutdown } from '@/lib/lifecycle';
import { logger } from '@/lib/log';
import { closeSharedDatabase } from '@/lib/records/database';
import { consoleStartupWarnings } from '@/lib/console/startup-warnings';
import { checkReadiness } from '@/lib/readiness';
import { pinAuthUrlToAppOrigin } from '@/lib/session/auth-url';

export async function startServer(): Promise<void> {
  const parsed = parseConfig(process.env);
  if (!parsed.ok) {
    console.error(formatProblems(parsed.problems));
    process.exit(1);
  }
  const { config } = parsed;
  pinAuthUrlToAppOrigin(config.appOrigin);
  lifecycle().shutdownTimeoutMs = config.shutdown.timeoutSeconds * 1000;
  onShutdown(closeSharedDatabase);

  if (!config.records.databaseUrl && process.env.NODE_ENV === 'production') {
    logger.warn(
      { event: 'startup.embedded-database' },
      'DATABASE_URL is not set: using the embedded PGlite database. Run ONE instance only (one process per data ' +
        'directory); set DATABASE_URL to a PostgreSQL server for several instances.',
    );
  }

  for (const warning of consoleStartupWarnings(config)) logger.warn({ event: warning.event }, warning.message);

  // Not fatal: an instance whose database is away or behind starts, reports not-ready and recovers by itself.
  const { ready, checks } = await checkReadiness();
  if (ready) logger.info({ event: 'startup.ready', database: checks.database.message }, 'ready');
  else {
    const problems = Object.entries(checks)
      .filter(([, check]) => !check.ok)
      .map(([name, check]) => `${name}: ${check.message}`);
    logger.error({ event: 'startup.not-ready', problems }, `not ready: ${problems.join('; ')}`);
  }
}

// What the server does once when it starts (instrumentation.ts): check the whole configuration, secrets and
// environment-specific URLs included, and stop with one message naming every bad variable; then open the
// database (PGlite migrates itself), say whether the schema is current, and register the shutdown hooks.
import 'server-only';
import { formatProblems, isProduction, parseEnvironment } from '@/lib/config';
import { lifecycle, onShutdown } from '@/lib/lifecycle';
import { logger } from '@/lib/log';
import { builtPublicOrigin } from '@/lib/i18n/public-origin';
import { startMetricsServer } from '@/lib/metrics/server';
import { closeSharedDatabase, errorCode } from '@/lib/records/database';
import { consoleStartupWarnings } from '@/lib/console/startup-warnings';
import { checkReadiness } from '@/lib/readiness';
import { startTracing } from '@/lib/tracing/setup';

export async function startServer(): Promise<void> {
  const parsed = parseEnvironment('full');
  if (!parsed.ok) {
    console.error(formatProblems(parsed.problems));
    process.exit(1);
  }
  const { config } = parsed;
  // First, so that everything after it (the database's first statements included) can be traced.
  const tracing = startTracing(config.traces);
  if (tracing) onShutdown(tracing.shutdown);
  lifecycle().shutdownTimeoutMs = config.shutdown.timeoutSeconds * 1000;
  onShutdown(closeSharedDatabase);
  // A metrics port that was asked for and cannot be had is a configuration problem, like a bad variable.
  const metricsServer = await startMetricsServer(config.metrics).catch((error: unknown) => {
    console.error(`METRICS_PORT: cannot listen on ${config.metrics.host}:${config.metrics.port} (${errorCode(error)})`);
    process.exit(1);
  });
  if (metricsServer) onShutdown(() => new Promise<void>((resolve) => metricsServer.close(() => resolve())));

  // One build serves every environment, so an instance under another origin (a test or staging site) still
  // starts; its pages name the build's public origin as canonical, which is what operators must know.
  const publicOrigin = builtPublicOrigin();
  if (config.appOrigin !== publicOrigin) {
    logger.error(
      { event: 'startup.public-origin-mismatch', appOrigin: config.appOrigin, publicOrigin },
      `APP_ORIGIN (${config.appOrigin}) is not the public origin this build was made for (${publicOrigin}): ` +
        "canonical and hreflang links name the build's origin. Build with PUBLIC_ORIGIN set to APP_ORIGIN.",
    );
  }

  if (!config.records.databaseUrl && isProduction()) {
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

// The site's settings in end-to-end runs, on top of dev/local-env.ts.
export const E2E_OPS_TOKEN = 'e2e-ops-token-for-the-local-test-run-only-0123456789';
export const E2E_LOG_FILE = 'data/e2e-site.log';
/** The main site's metrics listener (loopback, with a token) and where it sends traces (a test listens there). */
export const E2E_METRICS = {
  url: 'http://127.0.0.1:9464/metrics',
  token: 'e2e-metrics-token-for-the-local-test-run-0123456789',
};
export const E2E_OTLP_PORT = 4319;

export function e2eSiteEnv(databaseUrl: string | undefined): Record<string, string> {
  return {
    PGLITE_DIR: './data/e2e-pglite',
    // Blank (not absent) so a DATABASE_URL in the caller's environment cannot leak into the PGlite run.
    DATABASE_URL: databaseUrl ?? '',
    // Every test comes from 127.0.0.1; the per-address limit has its own unit test.
    RESET_LIMIT_PER_ADDRESS: '1000',
    // One agent (Anne) makes every console attempt of the run; the per-agent limit has its own unit test.
    CONSOLE_RESET_LIMIT_PER_AGENT: '1000',
    // The highest level, so that a substantial login can show the refusal for a too-low level.
    IDPORTEN_ACR: 'idporten-loa-high',
    OPS_API_TOKEN: E2E_OPS_TOKEN,
    SERVICE_DESK_URL: 'https://www.oslomet.no/',
    // Where "this wasn't me" sends its alert (issue 17); the notices name it too.
    SERVICE_DESK_EMAIL: 'it-servicedesk@oslomet.example',
    // app/[locale]/error-probe throws, for the error-page test.
    ERROR_PROBE: 'on',
  };
}

/**
 * Metrics and traces of the main site only (a fixed port: one listener per machine). Spans are received only while
 * the tracing test listens; the rest of the run's are dropped by the exporter, silently.
 */
export function e2eObservabilityEnv(): Record<string, string> {
  return {
    METRICS_PORT: '9464',
    METRICS_TOKEN: E2E_METRICS.token,
    OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${E2E_OTLP_PORT}`,
    // A short batch delay, so the test does not wait the default 5 s for its spans.
    OTEL_BSP_SCHEDULE_DELAY: '200',
  };
}

/** A second instance of the build that believes it is served over https (the Observatory grades it). */
// Its ID-porten is https too, as in production (nothing listens there: the pages graded never call it).
export const HTTPS_SITE = {
  port: 3100,
  publicOrigin: 'https://localhost:3100',
  idportenIssuer: 'https://127.0.0.1:4443',
} as const;

export function httpsOriginSiteEnv(): Record<string, string> {
  return {
    APP_ORIGIN: HTTPS_SITE.publicOrigin,
    IDPORTEN_ISSUER: HTTPS_SITE.idportenIssuer,
    // The console's Entra ID on https too (same unreachable origin): production has no http issuer.
    CONSOLE_ENTRA_ISSUER: `${HTTPS_SITE.idportenIssuer}/11111111-2222-3333-4444-555555555555/v2.0`,
    PGLITE_DIR: './data/e2e-pglite-https',
    DATABASE_URL: '',
    LOG_LEVEL: 'warn',
  };
}

/** A third instance whose ID-porten does not answer: nothing listens on this issuer's port. */
export const IDPORTEN_DOWN_SITE = {
  port: 3200,
  origin: 'http://localhost:3200',
  issuer: 'http://127.0.0.1:4019',
} as const;

export function idportenDownSiteEnv(): Record<string, string> {
  return {
    APP_ORIGIN: IDPORTEN_DOWN_SITE.origin,
    IDPORTEN_ISSUER: IDPORTEN_DOWN_SITE.issuer,
    PGLITE_DIR: './data/e2e-pglite-idporten-down',
    DATABASE_URL: '',
    LOG_LEVEL: 'warn',
  };
}

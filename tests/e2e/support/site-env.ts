// The site's settings in end-to-end runs, on top of dev/local-env.ts.
export const E2E_OPS_TOKEN = 'e2e-ops-token-for-the-local-test-run-only-0123456789';
export const E2E_LOG_FILE = 'data/e2e-site.log';

export function e2eSiteEnv(databaseUrl: string | undefined): Record<string, string> {
  return {
    PGLITE_DIR: './data/e2e-pglite',
    // Blank (not absent) so a DATABASE_URL in the caller's environment cannot leak into the PGlite run.
    DATABASE_URL: databaseUrl ?? '',
    // Every test comes from 127.0.0.1; the per-address limit has its own unit test.
    RESET_LIMIT_PER_ADDRESS: '1000',
    // The highest level, so that a substantial login can show the refusal for a too-low level.
    IDPORTEN_ACR: 'idporten-loa-high',
    OPS_API_TOKEN: E2E_OPS_TOKEN,
    SERVICE_DESK_URL: 'https://www.oslomet.no/',
  };
}

// End-to-end tests: a real Chromium (Debian's), the production build under `next start`, and both
// stand-ins over real HTTP. Set E2E_DATABASE_URL to run against PostgreSQL instead of PGlite.
import { rmSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import { localSiteEnv } from './dev/local-env';
import {
  E2E_LOG_FILE,
  HTTPS_SITE,
  IDPORTEN_DOWN_SITE,
  e2eObservabilityEnv,
  e2eSiteEnv,
  httpsOriginSiteEnv,
  idportenDownSiteEnv,
} from './tests/e2e/support/site-env';

const siteEnv = localSiteEnv(e2eSiteEnv(process.env.E2E_DATABASE_URL));
const httpsSiteEnv = localSiteEnv(httpsOriginSiteEnv());
const downSiteEnv = localSiteEnv(idportenDownSiteEnv());

// Every run starts from an empty embedded database (records decide rate limits). Only the main
// process may do this: workers load this file too, while the server already uses the directory.
if (!process.env.TEST_WORKER_INDEX && !process.env.E2E_DATABASE_URL) {
  rmSync(siteEnv.PGLITE_DIR ?? 'data/e2e-pglite', { recursive: true, force: true });
}
if (!process.env.TEST_WORKER_INDEX) {
  for (const dir of [httpsSiteEnv.PGLITE_DIR, downSiteEnv.PGLITE_DIR]) rmSync(dir!, { recursive: true, force: true });
}

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  // The stand-ins' state (fault knobs, the directory) is shared: one test at a time.
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: 'http://localhost:3000',
    locale: 'nb-NO',
    trace: 'off',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], locale: 'nb-NO' } }],
  webServer: [
    {
      command: 'node --import tsx dev/stand-ins.ts',
      url: 'http://127.0.0.1:4020/_admin/state',
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      // The standalone artifact itself (`npm start`), as deployed. Written to a file so the pid-leak test can
      // read every line the site logged. The console's audit and statistics tests read a known set of past
      // records, seeded before the start.
      command: `sh -c 'mkdir -p data && node --conditions=react-server --import tsx tests/e2e/support/seed-console-records.ts && node .next/standalone/start.cjs > ${E2E_LOG_FILE} 2>&1'`,
      url: 'http://localhost:3000/nb',
      reuseExistingServer: false,
      timeout: 120_000,
      env: { ...siteEnv, ...e2eObservabilityEnv(), PORT: '3000', HOSTNAME: '0.0.0.0' },
      stdout: 'pipe',
      stderr: 'pipe',
    },
    {
      // The same build told that its public origin is https (as behind the TLS-terminating proxy), for
      // grading the headers a production deployment sends: HSTS, Secure cookies, upgrade-insecure-requests.
      command: 'node .next/standalone/start.cjs',
      url: `http://localhost:${HTTPS_SITE.port}/nb`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: { ...httpsSiteEnv, PORT: String(HTTPS_SITE.port), HOSTNAME: '0.0.0.0' },
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      // The same build with ID-porten unreachable (nothing listens at its issuer): login failures.
      command: 'node .next/standalone/start.cjs',
      url: `http://localhost:${IDPORTEN_DOWN_SITE.port}/nb`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: { ...downSiteEnv, PORT: String(IDPORTEN_DOWN_SITE.port), HOSTNAME: '0.0.0.0' },
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});

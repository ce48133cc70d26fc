// The production shape (tests/e2e-tls): nginx terminating TLS on https://tofaktor.test, the standalone artifact
// behind it bound to TLS_BIND, the stand-ins on https. Run by tests/e2e/run-e2e.ts once per bind address, inside
// a private network and mount namespace where tofaktor.test is the loopback address; the test CA is trusted
// by the site and this runner (NODE_EXTRA_CA_CERTS).
import { rmSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';
import base from './playwright.config';
import {
  certificatePaths,
  productionSiteEnv,
  PUBLIC_ORIGIN,
  upstreamFor,
  type BindAddress,
} from './dev/tls/production-shape';

const bind = (process.env.TLS_BIND ?? '127.0.0.1') as BindAddress;
const pgliteDir = './data/e2e-pglite-tls';
const { keyFile, certFile } = certificatePaths();
if (!process.env.TEST_WORKER_INDEX) rmSync(pgliteDir, { recursive: true, force: true });

export default defineConfig({
  ...base,
  testDir: 'tests/e2e-tls',
  use: {
    ...base.use,
    baseURL: PUBLIC_ORIGIN,
    // Chromium has no way to add a CA without a user NSS database; it accepts the test certificate instead,
    // which every origin in this run shares.
    ignoreHTTPSErrors: true,
  },
  projects: [{ name: `tls-bind-${bind}`, use: { ...devices['Desktop Chrome'], locale: 'nb-NO' } }],
  webServer: [
    {
      command: 'node --import tsx dev/stand-ins.ts',
      url: 'https://127.0.0.1:4020/_admin/state',
      reuseExistingServer: false,
      timeout: 60_000,
      env: { APP_ORIGIN: PUBLIC_ORIGIN, STANDIN_TLS_KEY_FILE: keyFile, STANDIN_TLS_CERT_FILE: certFile },
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: 'sh -c "node .next/standalone/start.cjs > data/e2e-tls-site.log 2>&1"',
      url: `http://${upstreamFor(bind)}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: productionSiteEnv(bind, pgliteDir),
    },
    {
      command: 'node --import tsx dev/tls/run-nginx.ts',
      url: `${PUBLIC_ORIGIN}/nb`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: { TLS_BIND: bind },
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});

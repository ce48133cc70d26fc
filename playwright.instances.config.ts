// Several instances of the standalone artifact on one PostgreSQL database (tests/e2e-instances). The tests start
// the instances, a load balancer on localhost:3000 and a fresh database themselves; only the stand-ins run here.
import { defineConfig, devices } from '@playwright/test';
import base from './playwright.config';

export default defineConfig({
  ...base,
  testDir: 'tests/e2e-instances',
  timeout: 120_000,
  webServer: Array.isArray(base.webServer) ? base.webServer.slice(0, 1) : [],
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], locale: 'nb-NO' } }],
});

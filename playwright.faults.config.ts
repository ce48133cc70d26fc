// The fault tests (npm run test:faults): two instances of the standalone artifact on a PostgreSQL cluster of the
// tests' own, an instance killed mid-reset and the database stopped and restarted. Only the stand-ins run here.
import { defineConfig, devices } from '@playwright/test';
import base from './playwright.config';

export default defineConfig({
  ...base,
  testDir: 'tests/e2e-faults',
  timeout: 120_000,
  webServer: Array.isArray(base.webServer) ? base.webServer.slice(0, 1) : [],
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], locale: 'nb-NO' } }],
});

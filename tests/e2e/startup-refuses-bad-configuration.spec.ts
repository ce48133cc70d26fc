// Invalid configuration stops the server at start-up with one message naming every bad variable.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { expect, test } from '@playwright/test';
import { localSiteEnv } from '../../dev/local-env';
import { startInstance } from './support/instance';

test('the standalone server started with missing and malformed variables names each one and exits non-zero', () => {
  const env: Record<string, string> = {
    ...localSiteEnv(),
    IDPORTEN_ISSUER: 'not a url',
    ENTRA_TENANT_ID: 'oslomet',
    RESET_LIMIT_PER_PERSON: 'three',
  };
  delete env.AUTH_SECRET;
  delete env.RECORDS_HMAC_KEY;
  const result = spawnSync('node', ['.next/standalone/start.cjs'], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'production', PORT: '3999', ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  expect(result.status).not.toBe(0);
  expect(result.status).not.toBeNull(); // it exited by itself, it did not hang until the timeout
  const message = result.stderr;
  expect(message).toContain('Invalid configuration');
  for (const variable of [
    'AUTH_SECRET',
    'RECORDS_HMAC_KEY',
    'IDPORTEN_ISSUER',
    'ENTRA_TENANT_ID',
    'RESET_LIMIT_PER_PERSON',
  ]) {
    expect(message).toContain(`${variable}:`);
  }
  expect(message).not.toContain('local-idporten-secret'); // values are never echoed
});

test('the same artifact started with another APP_ORIGIN says so at start, and its links stay on the public origin it was built for', async () => {
  const dataDir = mkdtempSync(`${tmpdir()}/tofaktor-origin-`);
  const instance = await startInstance(3998, {
    APP_ORIGIN: 'https://tofaktor.test.example',
    PGLITE_DIR: dataDir,
    DATABASE_URL: '',
  });
  try {
    // Neither the instance's own origin nor a client's X-Forwarded-Host moves the links.
    const guide = await fetch(`${instance.url}/nb/aktiver`, { headers: { 'x-forwarded-host': 'evil.example' } });
    expect(guide.status).toBe(200);
    const link = guide.headers.get('link') ?? '';
    expect(link).toContain('<http://localhost:3000/nb/aktiver>; rel="canonical"');
    expect(link).toContain('<http://localhost:3000/en/activate>; rel="alternate"; hreflang="en"');
    expect(link).toContain('<http://localhost:3000/nb/aktiver>; rel="alternate"; hreflang="x-default"');
    expect(link).not.toContain('tofaktor.test.example');
    expect(link).not.toContain('evil.example');
    const html = await guide.text();
    expect(html).toContain('<link rel="canonical" href="http://localhost:3000/nb/aktiver"/>');
    expect(html).not.toContain('evil.example');

    const sitemap = await (await fetch(`${instance.url}/sitemap.xml`)).text();
    expect(sitemap).toContain('<loc>http://localhost:3000/nb/aktiver</loc>');
    expect(sitemap).not.toContain('tofaktor.test.example');
    const robots = await (await fetch(`${instance.url}/robots.txt`)).text();
    expect(robots).toContain('Sitemap: http://localhost:3000/sitemap.xml');
    // At start it said so once, naming both origins (the test build's public origin is the main test site's).
    expect(instance.output()).toMatch(
      /"event":"startup\.public-origin-mismatch","appOrigin":"https:\/\/tofaktor\.test\.example","publicOrigin":"http:\/\/localhost:3000"/,
    );
    // In production without DATABASE_URL it said at start that it runs on the embedded database, one instance only.
    expect(instance.output()).toMatch(/"event":"startup\.embedded-database".*Run ONE instance only/);
  } finally {
    expect(await instance.stop()).toBe(0);
    rmSync(dataDir, { recursive: true, force: true });
  }
});

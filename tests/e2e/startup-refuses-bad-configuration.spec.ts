// Invalid configuration stops the server at start-up with one message naming every bad variable.
import { spawnSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { localSiteEnv } from '../../dev/local-env';

test('next start with missing and malformed variables names each one and exits non-zero', () => {
  const env: Record<string, string> = { ...localSiteEnv(), IDPORTEN_ISSUER: 'not a url', ENTRA_TENANT_ID: 'oslomet', RESET_LIMIT_PER_PERSON: 'three' };
  delete env.AUTH_SECRET;
  delete env.RECORDS_HMAC_KEY;
  const result = spawnSync('npx', ['next', 'start', '-p', '3999'], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'production', ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  expect(result.status).not.toBe(0);
  expect(result.status).not.toBeNull(); // it exited by itself, it did not hang until the timeout
  const message = result.stderr;
  expect(message).toContain('Invalid configuration');
  for (const variable of ['AUTH_SECRET', 'RECORDS_HMAC_KEY', 'IDPORTEN_ISSUER', 'ENTRA_TENANT_ID', 'RESET_LIMIT_PER_PERSON']) {
    expect(message).toContain(`${variable}:`);
  }
  expect(message).not.toContain('local-idporten-secret'); // values are never echoed
});

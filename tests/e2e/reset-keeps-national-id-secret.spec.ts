// The national identity number never reaches the browser, a URL, a cookie in clear text or a log line.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { graphAdmin } from './support/graph-admin';
import { confirmReset, loginFromResetGuide } from './support/login';
import { allNationalIds, person } from './support/people';
import { E2E_LOG_FILE } from './support/site-env';

/** The text of a value plus the decoded payload of every JWT inside it (a base64 pid is still a pid). */
function withDecodedJwts(value: string): string {
  const payloads = [...value.matchAll(/eyJ[\w-]+\.(eyJ[\w-]+)\.[\w-]*/g)].map((match) =>
    Buffer.from(match[1] ?? '', 'base64url').toString('utf8'),
  );
  return [value, ...payloads].join('\n');
}

test('a full reset and sign-out expose the number nowhere the browser or the logs can see it', async ({ page, context }) => {
  await graphAdmin.reset();
  const someone = person('pid-leak-check');
  const seen: { url: string; method: string }[] = [];
  const siteBodies: Promise<{ url: string; body: string }>[] = [];
  page.on('request', (request) => seen.push({ url: request.url(), method: request.method() }));
  page.on('response', (response) => {
    // The ID-porten stand-in's own login page shows what the person typed; only the site's answers count.
    if (new URL(response.url()).host === 'localhost:3000' && response.status() < 300) {
      siteBodies.push(response.text().then((body) => ({ url: response.url(), body }), () => ({ url: response.url(), body: '' })));
    }
  });

  await loginFromResetGuide(page, someone.nationalId);
  await expect(page.getByTestId('methods-to-remove')).toBeVisible();
  await confirmReset(page);
  await expect(page.getByTestId('outcome-success')).toBeVisible();
  // Auth.js' session endpoint is closed: nothing about the person can be read from it.
  const session = await page.request.get('/api/auth/session');
  expect(session.status()).toBe(404);
  expect(await session.text()).not.toContain(someone.nationalId);
  for (const cookie of await context.cookies('http://localhost:3000')) {
    expect(withDecodedJwts(cookie.value)).not.toContain(someone.nationalId);
  }
  await page.getByRole('button', { name: 'Logg ut' }).click();
  await page.waitForURL(/localhost:3000\/nb(\?|$)/);

  const bodies = await Promise.all(siteBodies);
  expect(bodies.length).toBeGreaterThan(3);
  for (const { url, body } of bodies) {
    expect(body).not.toContain(someone.nationalId);
    // The one exception, required by ID-porten: the logout hands the ID token (which carries the pid) to
    // the browser as id_token_hint, in a self-submitting POST form to ID-porten (checked below).
    if (new URL(url).pathname === '/api/auth/idporten-logout') continue;
    expect(withDecodedJwts(body)).not.toContain(someone.nationalId);
  }
  // ID-porten recommends POST for logout so that the hint stays out of history and access logs.
  const logout = seen.find((request) => request.url.startsWith('http://127.0.0.1:4010/logout'));
  expect(logout).toEqual({ url: 'http://127.0.0.1:4010/logout', method: 'POST' });
  for (const { url } of seen) expect(withDecodedJwts(decodeURIComponent(url))).not.toContain(someone.nationalId);

  // Every line the site logged in this run, including every earlier test's resets.
  const log = readFileSync(E2E_LOG_FILE, 'utf8');
  expect(log).toContain('reset.success');
  for (const nationalId of allNationalIds) expect(withDecodedJwts(log)).not.toContain(nationalId);
});

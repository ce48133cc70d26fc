// The national identity number never reaches the browser, a URL, a cookie in clear text or a log line.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { graphAdmin } from './support/graph-admin';
import { confirmReset, loginFromResetGuide } from './support/login';
import { allNationalIds, person } from './support/people';
import { E2E_LOG_FILE } from './support/site-env';

test('a full reset exposes the number nowhere the browser or the logs can see it', async ({ page, context }) => {
  await graphAdmin.reset();
  const someone = person('pid-leak-check');
  const seenUrls: string[] = [];
  const siteBodies: Promise<string>[] = [];
  page.on('request', (request) => seenUrls.push(request.url()));
  page.on('response', (response) => {
    // The ID-porten stand-in's own login page shows what the person typed; only the site's answers count.
    if (new URL(response.url()).host === 'localhost:3000' && response.status() < 300) {
      siteBodies.push(response.text().catch(() => ''));
    }
  });

  await loginFromResetGuide(page, someone.nationalId);
  await expect(page.getByTestId('methods-to-remove')).toBeVisible();
  await confirmReset(page);
  await expect(page.getByTestId('outcome-success')).toBeVisible();
  const session = await page.request.get('/api/auth/session');
  siteBodies.push(session.text());

  const bodies = await Promise.all(siteBodies);
  expect(bodies.length).toBeGreaterThan(3);
  for (const body of bodies) expect(body).not.toContain(someone.nationalId);
  for (const url of seenUrls) expect(url).not.toContain(someone.nationalId);
  for (const cookie of await context.cookies('http://localhost:3000')) {
    expect(cookie.value).not.toContain(someone.nationalId);
    expect(cookie.httpOnly || !cookie.name.includes('session')).toBe(true);
  }
  expect(await session.json()).not.toHaveProperty('user.pid');

  // Every line the site logged in this run, including every earlier test's resets.
  const log = readFileSync(E2E_LOG_FILE, 'utf8');
  expect(log).toContain('reset.success');
  for (const nationalId of allNationalIds) expect(log).not.toContain(nationalId);
});

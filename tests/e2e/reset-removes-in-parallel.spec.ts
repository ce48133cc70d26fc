// Removals overlap in time instead of running one round trip after another, and the app token is reused.
import { expect, test } from '@playwright/test';
import { graphAdmin, removable } from './support/graph-admin';
import { confirmReset, loginFromResetGuide } from './support/login';
import { person } from './support/people';

test('five registrations are deleted concurrently, and several resets share one app token', async ({ page }) => {
  const { tokenRequestsSinceStart: tokensBefore } = await graphAdmin.requests();
  await graphAdmin.reset();
  await graphAdmin.faults({ latencyMs: 250 });
  const five = person('five-authenticators');
  expect(removable(await graphAdmin.user(five.nationalId))).toHaveLength(5);

  await loginFromResetGuide(page, five.nationalId);
  await confirmReset(page);
  await expect(page.getByTestId('outcome-success')).toBeVisible();
  await loginFromResetGuide(page, person('one-authenticator').nationalId);
  await confirmReset(page);
  await expect(page.getByTestId('outcome-success')).toBeVisible();
  await graphAdmin.faults({ latencyMs: 0 });

  const { requests, tokenRequestsSinceStart } = await graphAdmin.requests();
  const user = await graphAdmin.user(five.nationalId);
  const deletes = requests.filter((request) => request.method === 'DELETE' && request.path.includes(user.id));
  expect(deletes).toHaveLength(5);
  // Sequential deletes with 250 ms each would span >= 1250 ms; overlapping ones all start before the first ends.
  const firstEnd = Math.min(...deletes.map((request) => request.endedAt));
  expect(deletes.every((request) => request.startedAt < firstEnd)).toBe(true);
  const span = Math.max(...deletes.map((r) => r.endedAt)) - Math.min(...deletes.map((r) => r.startedAt));
  expect(span).toBeLessThan(1000);
  // The stand-in and the sites start together for a test run: however many resets ran before this one
  // (in this file alone, or in the whole suite), each site instance that talks to Graph (the main one and
  // the https-origin one of the header grading) asked for its app token at most once; these two resets
  // fetched at most the main instance's first one.
  expect(tokenRequestsSinceStart - tokensBefore).toBeLessThanOrEqual(1);
  expect(tokenRequestsSinceStart).toBeLessThanOrEqual(2);
});

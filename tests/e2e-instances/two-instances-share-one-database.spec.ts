// Two instances of the standalone artifact on one fresh PostgreSQL database behind a load balancer: concurrent
// resets of one person, the per-person limit across instances, graceful shutdown during a reset, and readiness
// while the database goes away and comes back.
import { expect, test, type Browser, type BrowserContext } from '@playwright/test';
import { graphAdmin, removable } from '../e2e/support/graph-admin';
import { confirmPath, confirmReset, loginFromResetGuide, resultPath } from '../e2e/support/login';
import { person } from '../e2e/support/people';
import { recordsOf } from '../e2e/support/records';
import { startCluster, type Cluster } from './support/cluster';

test.describe.configure({ mode: 'serial' });

let cluster: Cluster;

test.beforeAll(async () => {
  cluster = await startCluster();
});

test.afterAll(async () => {
  await cluster?.stop();
});

test.beforeEach(async () => {
  await graphAdmin.reset();
});

/** A browser context whose requests the load balancer sends to one instance. */
const pinnedTo = (browser: Browser, instance: 'a' | 'b'): Promise<BrowserContext> =>
  browser.newContext({ extraHTTPHeaders: { 'x-test-instance': instance }, locale: 'nb-NO' });

test('two concurrent resets of one person, one on each instance: each registration removed once, one record each', async ({
  browser,
}) => {
  const someone = person('two-authenticators');
  const before = await graphAdmin.user(someone.nationalId);
  const methodIds = removable(before)
    .map((method) => method.id)
    .sort();
  expect(methodIds).toHaveLength(2);

  const [contextA, contextB] = await Promise.all([pinnedTo(browser, 'a'), pinnedTo(browser, 'b')]);
  const [pageA, pageB] = await Promise.all([contextA.newPage(), contextB.newPage()]);
  await loginFromResetGuide(pageA, someone.nationalId);
  await loginFromResetGuide(pageB, someone.nationalId);
  for (const page of [pageA, pageB])
    await expect(page.getByTestId('methods-to-remove').getByRole('listitem')).toHaveCount(2);

  // Slow Graph down so that both attempts are in flight at the same time, then press both buttons at once.
  await graphAdmin.faults({ latencyMs: 250 });
  await Promise.all([confirmReset(pageA), confirmReset(pageB)]);
  await graphAdmin.faults({ latencyMs: 0 });

  // Each registration was deleted exactly once in Graph.
  const deletes = (await graphAdmin.requests()).requests.filter((request) => request.method === 'DELETE');
  for (const id of methodIds)
    expect(
      deletes.filter((request) => request.path.includes(id)),
      id,
    ).toHaveLength(1);
  expect(removable(await graphAdmin.user(someone.nationalId))).toEqual([]);

  // One record per attempt: one removed both, the other found nothing left (not "removed" again).
  const records = await recordsOf(someone.nationalId);
  expect(records).toHaveLength(2);
  const success = records.filter((record) => record.outcome === 'success');
  expect(success).toHaveLength(1);
  expect(success[0]?.removed.map((method) => method.id).sort()).toEqual(methodIds);
  const other = records.find((record) => record.outcome !== 'success');
  expect(other).toMatchObject({ outcome: 'nothing-to-remove', removed: [] });

  // The pages agree with the records: each shows the outcome of its own attempt.
  const outcomes = await Promise.all(
    [pageA, pageB].map(async (page) =>
      (await page.getByTestId('outcome-success').count()) ? 'success' : 'nothing-to-remove',
    ),
  );
  expect([...outcomes].sort()).toEqual(['nothing-to-remove', 'success']);
  await expect(pageA.getByTestId(`outcome-${outcomes[0]}`)).toBeVisible();
  await expect(pageB.getByTestId(`outcome-${outcomes[1]}`)).toBeVisible();
  // And both instances did answer (the balancer pinned each context).
  expect(
    new Set(cluster.balancer.served.filter((entry) => entry.method === 'POST').map((entry) => entry.instance)),
  ).toEqual(new Set(['a', 'b']));
  await Promise.all([contextA.close(), contextB.close()]);
});

test('the per-person limit (3 per 24 hours) holds when attempts alternate between the instances', async ({
  browser,
}) => {
  const someone = person('authenticator-default-with-oath');
  for (const [attempt, instance] of (['a', 'b', 'a', 'b'] as const).entries()) {
    await graphAdmin.reset(); // the registrations come back, as after setting the app up again
    const context = await pinnedTo(browser, instance);
    const page = await context.newPage();
    await loginFromResetGuide(page, someone.nationalId);
    if (attempt < 3) {
      await confirmReset(page);
      await expect(page.getByTestId('outcome-success')).toBeVisible();
    } else {
      await expect(page).toHaveURL(new RegExp(`${confirmPath.nb}$`));
      await expect(page.getByTestId('refusal-rate-limited-person')).toBeVisible();
      await expect(page.getByRole('button', { name: 'Nullstill nå' })).toHaveCount(0);
    }
    await context.close();
  }
  expect(removable(await graphAdmin.user(someone.nationalId))).toHaveLength(2); // the fourth changed nothing
  const records = await recordsOf(someone.nationalId);
  expect(records.filter((record) => record.outcome === 'success')).toHaveLength(3);
  expect(records.filter((record) => record.outcome === 'refused').map((record) => record.reason)).toEqual([
    'rate-limited-person',
  ]);
});

test('readiness names each check, turns 503 while the database is unreachable and 200 when it is back', async () => {
  const ready = async () => {
    const response = await fetch(`${cluster.instances.a.url}/api/ready`);
    return { status: response.status, body: await response.text() };
  };
  const healthy = await ready();
  expect(healthy.status).toBe(200);
  expect(JSON.parse(healthy.body)).toEqual({
    ready: true,
    checks: {
      configuration: { ok: true, message: 'valid' },
      shutdown: { ok: true, message: 'running' },
      database: { ok: true, message: 'reachable (PostgreSQL)' },
      schema: { ok: true, message: 'current' },
    },
  });

  await cluster.link.cut();
  const down = await ready();
  expect(down.status).toBe(503);
  const body = JSON.parse(down.body) as { ready: boolean; checks: Record<string, { ok: boolean; message: string }> };
  expect(body.ready).toBe(false);
  expect(body.checks.database?.ok).toBe(false);
  expect(body.checks.database?.message).toMatch(/^unreachable \(/);
  expect(body.checks.configuration?.ok).toBe(true);
  // Nothing about where the database is or who connects to it.
  for (const secretish of ['postgres://', '127.0.0.1', String(55432), cluster.databaseName, 'local-records-hmac-key']) {
    expect(down.body).not.toContain(secretish);
  }
  // Liveness does not depend on the database.
  expect((await fetch(`${cluster.instances.a.url}/api/health`)).status).toBe(200);

  await cluster.link.restore();
  await expect.poll(async () => (await ready()).status, { timeout: 15_000 }).toBe(200);
});

test('SIGTERM during a reset waiting on a slow Graph call: the reset finishes and is recorded, the person sees the outcome, exit 0', async ({
  browser,
}) => {
  const someone = person('two-authenticators');
  await graphAdmin.reset();
  const methodIds = removable(await graphAdmin.user(someone.nationalId))
    .map((method) => method.id)
    .sort();
  cluster.balancer.defaultInstance = 'a';
  const context = await browser.newContext({ locale: 'nb-NO' }); // not pinned: the balancer fails over like a real one
  const page = await context.newPage();
  await loginFromResetGuide(page, someone.nationalId);
  await expect(page.getByTestId('methods-to-remove').getByRole('listitem')).toHaveCount(2);

  await graphAdmin.faults({ latencyMs: 1500 });
  const requestsBefore = (await graphAdmin.requests()).requests.length;
  const submitted = confirmReset(page);
  // As soon as the reset's first Graph call has come back, the instance is told to stop.
  await expect
    .poll(async () => (await graphAdmin.requests()).requests.length, { timeout: 20_000 })
    .toBeGreaterThan(requestsBefore);
  const instanceA = cluster.instances.a;
  const exitCode = instanceA.stop('SIGTERM');

  await submitted;
  await graphAdmin.faults({ latencyMs: 0 });
  expect(await exitCode).toBe(0);
  await expect(page).toHaveURL(new RegExp(`${resultPath.nb}\\?ref=`));
  await expect(page.getByTestId('outcome-success')).toBeVisible();
  await expect(page.getByTestId('removed-methods').getByRole('listitem')).toHaveCount(2);

  const records = await recordsOf(someone.nationalId);
  const last = records.at(-1);
  expect(last?.outcome).toBe('success');
  expect(last?.removed.map((method) => method.id).sort()).toEqual(methodIds);
  // The action was answered by the instance that stopped; the result page by the other one.
  const posts = cluster.balancer.served.filter(
    (entry) => entry.method === 'POST' && entry.path.startsWith('/nb/nullstill'),
  );
  expect(posts.at(-1)?.instance).toBe('a');
  expect(cluster.balancer.served.filter((entry) => entry.path.startsWith(resultPath.nb)).at(-1)?.instance).toBe('b');
  expect(instanceA.output()).toMatch(/"event":"shutdown\.done".*"unfinished":0/);
  await context.close();
  await cluster.restart('a');
});

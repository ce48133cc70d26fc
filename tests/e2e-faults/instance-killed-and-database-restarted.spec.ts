// Faults a real deployment meets: an instance killed with SIGKILL between two Graph DELETEs of a reset, the records
// database stopped, and PostgreSQL restarted under traffic. Two standalone instances behind the test load balancer, on
// a PostgreSQL cluster of this test's own (never the machine's shared server), recovery after 3 s, checked every 1 s.
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { graphAdmin, removable } from '../e2e/support/graph-admin';
import { confirmPath, loginFromResetGuide, resultPath } from '../e2e/support/login';
import { person } from '../e2e/support/people';
import { recordsOf } from '../e2e/support/records';
import { startCluster, type Cluster } from '../e2e-instances/support/cluster';
import { startPrivatePostgres, type PrivatePostgres } from './support/private-postgres';

test.describe.configure({ mode: 'serial' });

const PRIVATE_POSTGRES_PORT = 55491;
const RECOVERY = { RECOVERY_AFTER_SECONDS: '3', RECOVERY_INTERVAL_SECONDS: '1' };

let postgres: PrivatePostgres;
let cluster: Cluster;

test.beforeAll(async () => {
  postgres = startPrivatePostgres(PRIVATE_POSTGRES_PORT);
  cluster = await startCluster(RECOVERY, { serverUrl: postgres.url });
});

test.afterAll(async () => {
  await cluster?.stop();
  postgres?.destroy();
});

test.beforeEach(async () => {
  await graphAdmin.reset();
});

const pinnedTo = (browser: Browser, instance: 'a' | 'b'): Promise<BrowserContext> =>
  browser.newContext({ extraHTTPHeaders: { 'x-test-instance': instance }, locale: 'nb-NO' });

const resetButton = (page: Page) => page.getByRole('button', { name: 'Nullstill nå' });

const ready = async (url: string) => (await fetch(`${url}/api/ready`).catch(() => null))?.status ?? 0;

/** Every instance's log lines of one event, across the instances' whole output. */
const eventCount = (event: string) =>
  [cluster.instances.a, cluster.instances.b]
    .map((instance) => instance.output().split('\n'))
    .flat()
    .filter((line) => line.includes(`"event":"${event}"`)).length;

test('SIGKILL between two Graph DELETEs: the intent becomes interrupted with exactly what Graph lost, one notice, in the history', async ({
  browser,
}) => {
  const someone = person('two-authenticators');
  const [first, second] = removable(await graphAdmin.user(someone.nationalId));
  expect(first && second).toBeTruthy();
  const context = await pinnedTo(browser, 'a');
  const page = await context.newPage();
  await loginFromResetGuide(page, someone.nationalId);
  await expect(page.getByTestId('methods-to-remove').getByRole('listitem')).toHaveCount(2);

  // The second DELETE waits at Graph; the first goes through. Then the instance is killed mid-reset.
  await graphAdmin.faults({ holds: [{ method: 'DELETE', pathContains: second!.id, ms: 60_000, times: 1 }] });
  void resetButton(page)
    .click()
    .catch(() => undefined);
  await expect
    .poll(
      async () =>
        (await graphAdmin.requests()).requests.some(
          (request) => request.method === 'DELETE' && request.path.includes(first!.id) && request.status === 204,
        ),
      { timeout: 20_000 },
    )
    .toBe(true);
  const killed = cluster.instances.a;
  await killed.stop('SIGKILL');
  await context.close();
  // Graph still has the second registration: its DELETE never acted (its caller died).
  expect(removable(await graphAdmin.user(someone.nationalId)).map((method) => method.id)).toEqual([second!.id]);
  await cluster.restart('a');

  // The other instance or the restarted one completes the intent once the bound has passed.
  await expect
    .poll(async () => (await recordsOf(someone.nationalId)).at(-1)?.outcome, { timeout: 30_000 })
    .toBe('interrupted');
  const records = await recordsOf(someone.nationalId);
  expect(records).toHaveLength(1);
  const record = records[0]!;
  expect(record).toMatchObject({
    outcome: 'interrupted',
    reason: 'instance-stopped',
    sessionsRevoked: true,
    noticeSent: true,
  });
  expect(record.removed.map((method) => method.id)).toEqual([first!.id]);
  expect(record.notRemoved.map((method) => [method.id, method.reason])).toEqual([[second!.id, 'interrupted']]);
  expect(killed.output()).not.toContain('"event":"reset.interrupted"');
  expect(eventCount('reset.interrupted')).toBe(1);

  // One notice, naming the reference and only what was removed.
  const notices = (await graphAdmin.mail()).filter((mail) => JSON.stringify(mail).includes(record.requestId));
  expect(notices).toHaveLength(1);
  // The session revocation recovery did on the person's behalf reached Graph.
  expect(
    (await graphAdmin.requests()).requests.filter((request) => request.path.endsWith('/revokeSignInSessions')),
  ).toHaveLength(1);

  // The person's next visit shows the honest state: the result page and the history.
  const again = await (await pinnedTo(browser, 'a')).newPage();
  await loginFromResetGuide(again, someone.nationalId);
  await again.goto(`${resultPath.nb}?ref=${record.requestId}`);
  await expect(again.getByTestId('outcome-interrupted')).toBeVisible();
  await expect(again.getByTestId('removed-methods').getByRole('listitem')).toHaveCount(1);
  await expect(again.getByTestId('not-removed-methods').getByRole('listitem')).toHaveCount(1);
  await again.goto('/nb/nullstill/historikk');
  await expect(again.locator(`[data-ref="${record.requestId}"]`)).toContainText('Avbrutt og sjekket i etterkant');
  await again.context().close();
});

test('the records database stopped: no Graph write happens, the page says to try again, and it recovers by itself', async ({
  browser,
}) => {
  const someone = person('authenticator-default-with-oath');
  const context = await pinnedTo(browser, 'a');
  const page = await context.newPage();
  await loginFromResetGuide(page, someone.nationalId);
  await expect(resetButton(page)).toBeVisible();

  postgres.stop('fast');
  const before = (await graphAdmin.requests()).requests.length;
  await resetButton(page).click();
  await expect(page).toHaveURL(new RegExp(`${confirmPath.nb}\\?error=unavailable$`));
  await expect(page.getByTestId('unavailable')).toBeVisible();
  await expect(page.getByTestId('unavailable')).toContainText('Prøv igjen om noen minutter');
  const during = (await graphAdmin.requests()).requests.slice(before);
  expect(during.filter((request) => request.method !== 'GET')).toEqual([]);
  expect(removable(await graphAdmin.user(someone.nationalId))).toHaveLength(2);
  expect(await ready(cluster.instances.a.url)).toBe(503);

  postgres.start();
  await expect.poll(() => ready(cluster.instances.a.url), { timeout: 20_000 }).toBe(200);
  await page.goto(confirmPath.nb);
  await resetButton(page).click();
  await expect(page.getByTestId('outcome-success')).toBeVisible();
  expect(removable(await graphAdmin.user(someone.nationalId))).toEqual([]);
  await context.close();
});

test('PostgreSQL restarted under steady traffic: no 5xx, readiness reports the outage and recovers, every reported success is recorded', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  cluster.balancer.defaultInstance = 'round-robin';
  const people = ['two-authenticators', 'one-authenticator', 'two-phones-default', 'notice-en', 'logout'].map(person);
  const statuses: number[] = [];
  const bodiesWithInternals: string[] = [];
  const readiness: number[] = [];
  let running = true;

  // Guide views, alternating instances, as fast as one client goes.
  const views = (async () => {
    const paths = ['/nb', '/nb/aktiver', '/nn/nullstill', '/en/reset'];
    for (let turn = 0; running; turn += 1) {
      const response = await fetch(`http://localhost:3000${paths[turn % paths.length]}`);
      statuses.push(response.status);
      await response.arrayBuffer();
    }
  })();
  const probes = (async () => {
    while (running) {
      readiness.push(await ready(cluster.instances.b.url));
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  })();

  // Resets, one person after another; the database is crashed and started again while they run.
  const reported: { requestId: string; nationalId: string }[] = [];
  const resets = (async () => {
    for (const someone of people) {
      const context = await browser.newContext({ locale: 'nb-NO' });
      const page = await context.newPage();
      page.on('response', (response) => {
        if (response.request().isNavigationRequest()) statuses.push(response.status());
      });
      await loginFromResetGuide(page, someone.nationalId);
      if (await resetButton(page).isVisible()) {
        await resetButton(page).click();
        await page.waitForURL(/\?(ref|error)=/);
      }
      const text = await page.locator('main').innerText();
      if (/\n\s+at |Error:|ECONN|postgres/i.test(text)) bodiesWithInternals.push(text);
      const ref = new URL(page.url()).searchParams.get('ref');
      if (ref && (await page.getByTestId('outcome-success').count()) > 0)
        reported.push({ requestId: ref, nationalId: someone.nationalId });
      await context.close();
    }
  })();

  await new Promise((resolve) => setTimeout(resolve, 1_500));
  postgres.stop('immediate');
  await expect.poll(() => readiness.includes(503), { timeout: 15_000 }).toBe(true);
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  postgres.start();
  await resets;
  await expect.poll(() => ready(cluster.instances.b.url), { timeout: 20_000 }).toBe(200);
  running = false;
  await Promise.all([views, probes]);

  console.log(
    `traffic: ${statuses.length} responses, ${reported.length} of ${people.length} resets reported success, ` +
      `readiness ${readiness.filter((status) => status === 503).length}× 503 of ${readiness.length} probes`,
  );
  expect(statuses.length).toBeGreaterThan(20);
  expect(reported.length).toBeGreaterThan(0);
  expect(statuses.filter((status) => status >= 500)).toEqual([]);
  expect(bodiesWithInternals).toEqual([]);
  expect(readiness).toContain(503);
  expect(readiness.at(-1)).toBe(200);

  // Every reset that reported success has its record; every DELETE Graph carried out belongs to a recorded removal.
  const removedInRecords = new Set<string>();
  for (const { requestId, nationalId } of reported) {
    const record = (await recordsOf(nationalId)).find((candidate) => candidate.requestId === requestId);
    expect(record?.outcome, requestId).toBe('success');
    for (const method of record?.removed ?? []) removedInRecords.add(method.id);
  }
  const deleted = (await graphAdmin.requests()).requests.filter(
    (request) => request.method === 'DELETE' && request.status === 204,
  );
  for (const request of deleted)
    expect(
      [...removedInRecords].some((id) => request.path.includes(id)),
      request.path,
    ).toBe(true);
  expect(deleted.length).toBe(removedInRecords.size);
  cluster.balancer.defaultInstance = 'a';
});

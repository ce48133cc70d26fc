// Benchmark (not a test): C simulated people at once (default 50, `-- --concurrency N`) go through login with the
// ID-porten stand-in → the confirm page → "Reset now", against the standalone artifact: one instance on PGlite,
// then two instances on one PostgreSQL database behind a round-robin balancer (needs DATABASE_URL). Every Graph
// call costs 250 ms. Prints resets per second, the p50/p99 time of the reset action (POST → redirect), and the
// site's own CPU time per person (from its processes' /proc/<pid>/stat): a figure that does not depend on the
// stand-ins or the load generator sharing the machine.
// Run inside a private network namespace (it uses ports 3000, 3101, 3102, 4010, 4020):
//   unshare -n sh -c 'ip link set lo up && npm run bench:load'
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isNationalId } from '../lib/national-id';
import { createFreshDatabase, dropDatabase, runMigrate } from '../tests/e2e/support/postgres';
import { startInstance, type Instance } from '../tests/e2e/support/instance';
import { startGraphStandIn, type FixturePerson } from './graph/server';
import { startIdportenStandIn } from './idporten/server';
import { startLoadBalancer } from './testing/load-balancer';
import { HttpBrowser } from './testing/http-browser';

const GRAPH_LATENCY_MS = 250;
const SITE = 'http://localhost:3000';

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive whole number`);
  return value;
}

/** Synthetic national ids (month + 80, as in Norway's synthetic test numbers) with valid check digits. */
function syntheticNationalIds(count: number): string[] {
  const ids = new Set<string>();
  while (ids.size < count) {
    const pad = (n: number, width: number) => String(n).padStart(width, '0');
    const candidate = `${pad(1 + Math.floor(Math.random() * 28), 2)}${81 + Math.floor(Math.random() * 12)}${pad(Math.floor(Math.random() * 100), 2)}${pad(Math.floor(Math.random() * 1000), 3)}${pad(Math.floor(Math.random() * 100), 2)}`;
    if (isNationalId(candidate)) ids.add(candidate);
  }
  return [...ids];
}

function benchPeople(count: number): FixturePerson[] {
  return syntheticNationalIds(count).map((nationalId, index) => ({
    key: `bench-${index}`,
    nationalId,
    description: 'bench:load',
    accounts: [
      {
        id: randomUUID(),
        displayName: `Bench Person ${index}`,
        userPrincipalName: `bench.person${index}@oslomet.no`,
        methods: [
          { id: randomUUID(), type: 'password', displayName: null, createdDateTime: null, isDefault: false },
          {
            id: randomUUID(),
            type: 'microsoftAuthenticator',
            displayName: `Phone ${index}`,
            createdDateTime: '2025-01-01T00:00:00Z',
            isDefault: true,
          },
        ],
      },
    ],
  }));
}

/** From the reset guide through the ID-porten stand-in to the confirm page. */
async function login(browser: HttpBrowser, nationalId: string): Promise<void> {
  const guide = await browser.request(`${SITE}/nb/nullstill`);
  const loginPage = await browser.submitAction(guide, 'name="$ACTION_ID_');
  const uid = /action="\/interaction\/([^/"]+)\/login"/.exec(loginPage)?.[1];
  if (!uid) throw new Error('no login form at the ID-porten stand-in');
  const confirm = await browser.request(`/interaction/${uid}/login`, {
    method: 'POST',
    body: new URLSearchParams({ pid: nationalId, acr: 'idporten-loa-high', minutesAgo: '' }),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  if (!confirm.includes('data-testid="methods-to-remove"'))
    throw new Error(`not on the confirm page after login (${browser.url})`);
}

const CLOCK_TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/** User + system CPU seconds the site's processes have used so far (Linux). */
function cpuSeconds(instances: Instance[]): number {
  return instances.reduce((sum, instance) => {
    // The command name (field 2) is in parentheses and may hold spaces: count fields after its closing one.
    const fields = readFileSync(`/proc/${instance.process.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return sum + (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
  }, 0);
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

async function run(label: string, people: FixturePerson[], graphUrl: string, site: Instance[]) {
  await fetch(`${graphUrl}/_admin/reset`, { method: 'POST' });
  await fetch(`${graphUrl}/_admin/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ latencyMs: GRAPH_LATENCY_MS }),
  });
  const browsers = people.map(() => new HttpBrowser());

  const cpuAtStart = cpuSeconds(site);
  const loginStarted = performance.now();
  await Promise.all(people.map((person, index) => login(browsers[index] as HttpBrowser, person.nationalId)));
  const loginSeconds = (performance.now() - loginStarted) / 1000;
  const cpuAfterLogins = cpuSeconds(site);

  const durations: number[] = [];
  let failures = 0;
  const resetStarted = performance.now();
  await Promise.all(
    browsers.map(async (browser) => {
      const confirm = await browser.request(`${SITE}/nb/nullstill/bekreft`);
      const started = performance.now();
      const result = await browser.submitAction(confirm, 'Nullstill nå');
      durations.push(performance.now() - started);
      if (!result.includes('data-testid="outcome-success"')) failures += 1;
    }),
  );
  const resetSeconds = (performance.now() - resetStarted) / 1000;
  const cpuAtEnd = cpuSeconds(site);
  durations.sort((a, b) => a - b);
  const successes = people.length - failures;
  console.log(
    `${label.padEnd(34)} logins ${loginSeconds.toFixed(1)} s | confirm+reset phase ${resetSeconds.toFixed(1)} s: ` +
      `${(successes / resetSeconds).toFixed(1)} resets/s, reset action (POST → result page) p50 ${percentile(durations, 50).toFixed(0)} ms, ` +
      `p99 ${percentile(durations, 99).toFixed(0)} ms, ${successes}/${people.length} succeeded`,
  );
  const perPerson = (seconds: number) => `${((seconds * 1000) / people.length).toFixed(0)} ms`;
  console.log(
    `${''.padEnd(34)} site CPU per person: login ${perPerson(cpuAfterLogins - cpuAtStart)}, ` +
      `confirm page + reset ${perPerson(cpuAtEnd - cpuAfterLogins)}`,
  );
}

async function main() {
  const concurrency = option('concurrency', 50);
  if (!existsSync('.next/standalone/start.cjs')) throw new Error('no standalone build: run `npm run build` first');
  const people = benchPeople(concurrency * 2); // fresh people for each run: the per-person limit stays out of it
  const graph = await startGraphStandIn({ port: 4020, extraPeople: people });
  const idporten = await startIdportenStandIn({ port: 4010, appOrigin: SITE });
  const siteEnv = { RESET_LIMIT_PER_ADDRESS: '10000', LOG_LEVEL: 'warn', IDPORTEN_ACR: 'idporten-loa-high' };
  console.log(`bench:load — ${concurrency} people at once, ${GRAPH_LATENCY_MS} ms per Graph call\n`);
  const instances: Instance[] = [];
  try {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'tofaktor-bench-load-'));
    const single = await startInstance(3000, { ...siteEnv, DATABASE_URL: '', PGLITE_DIR: dataDir });
    instances.push(single);
    await run('one instance, PGlite', people.slice(0, concurrency), graph.url, [single]);
    await single.stop();
    rmSync(dataDir, { recursive: true, force: true });

    const serverUrl = process.env.DATABASE_URL;
    if (!serverUrl) {
      console.log('two instances, PostgreSQL:           not run, DATABASE_URL is not set');
      return;
    }
    const databaseName = `tofaktor_bench_${process.pid}`;
    const databaseUrl = await createFreshDatabase(serverUrl, databaseName);
    try {
      if (runMigrate(databaseUrl).status !== 0) throw new Error('db:migrate failed');
      const [a, b] = await Promise.all([
        startInstance(3101, { ...siteEnv, DATABASE_URL: databaseUrl }),
        startInstance(3102, { ...siteEnv, DATABASE_URL: databaseUrl }),
      ]);
      instances.push(a, b);
      const balancer = await startLoadBalancer(3000, { a: a.url, b: b.url });
      balancer.defaultInstance = 'round-robin';
      await run('two instances, PostgreSQL', people.slice(concurrency), graph.url, [a, b]);
      await balancer.close();
      await Promise.all([a.stop(), b.stop()]);
    } finally {
      await dropDatabase(serverUrl, databaseName);
    }
  } finally {
    await Promise.all(instances.map((instance) => instance.stop()));
    await Promise.all([graph.close(), idporten.close()]);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

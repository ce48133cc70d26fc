// Benchmark (not a test): how long the reset takes for 1 and for 5 registrations when every Graph
// call costs 250 ms, against the Graph stand-in over real HTTP, with the real directory adapter,
// records on a throwaway PGlite and the same domain function the server action calls. The Temporary
// Access Pass and the notice are on (as in dev/local-env.ts); it also counts the sequential Graph round
// trips from the stand-in's request log (calls that overlap in time count as one round trip).
// Run: npm run bench:reset
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from '../lib/config';
import { createGraphDirectory } from '../lib/directory/directory';
import { NationalIdSchema } from '../lib/national-id';
import { openDatabase } from '../lib/records/database';
import { createRecordStore } from '../lib/records/records';
import { createAddressLimiter } from '../lib/reset/address-limiter';
import { resetTwoFactorFor } from '../lib/reset/reset';
import { startGraphStandIn } from './graph/server';
import fixture from './graph/fixture.json';
import { localSiteEnv } from './local-env';

const LATENCY_MS = 250;
const ROUNDS = 5;

/** Groups calls into round trips: a call that starts before the current group's last call ended runs alongside it. */
function sequentialRoundTrips(
  requests: { startedAt: number; endedAt: number }[],
): { startedAt: number; endedAt: number }[][] {
  const waves: { startedAt: number; endedAt: number }[][] = [];
  let waveEnd = -Infinity;
  for (const request of [...requests].sort((a, b) => a.startedAt - b.startedAt)) {
    if (request.startedAt >= waveEnd) {
      waves.push([request]);
      waveEnd = request.endedAt;
    } else {
      waves.at(-1)?.push(request);
      waveEnd = Math.max(waveEnd, request.endedAt);
    }
  }
  return waves;
}

async function main() {
  const graph = await startGraphStandIn({ port: 0 });
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tofaktor-bench-'));
  const parsed = parse(
    'full',
    localSiteEnv({ GRAPH_BASE_URL: graph.url, ENTRA_AUTHORITY_HOST: graph.url, PGLITE_DIR: dataDir }),
  );
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  const config = parsed.config;
  const database = await openDatabase({ ...config.records, databaseUrl: undefined });
  const deps = {
    directory: createGraphDirectory(config),
    records: createRecordStore(database.db),
    addressLimiter: createAddressLimiter(1_000_000),
  };
  const settings = {
    requiredAcr: config.idporten.acr,
    maxLoginAgeSeconds: 600,
    limitPerPerson: 1_000_000,
    hmacKey: config.records.hmacKey,
    tap: config.tap,
    notice: config.notice,
  };
  if (!settings.tap.enabled || !settings.notice.senderMailbox)
    throw new Error('the benchmark expects TAP and the notice on');
  const admin = (route: string, body?: unknown) =>
    fetch(`${graph.url}${route}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body ?? {}),
    });

  const cases = [
    { label: 'N = 1', key: 'one-authenticator' },
    { label: 'N = 5', key: 'five-authenticators' },
  ];
  console.log(`Graph latency ${LATENCY_MS} ms per call, ${ROUNDS} rounds each (median, min–max):`);
  for (const benchCase of cases) {
    const nationalId = NationalIdSchema.parse(fixture.people.find((p) => p.key === benchCase.key)?.nationalId);
    const timings: number[] = [];
    let roundTrips: number[] = [];
    let calls = 0;
    for (let round = 0; round < ROUNDS; round += 1) {
      await admin('/_admin/reset');
      await admin('/_admin/faults', { latencyMs: LATENCY_MS });
      const person = {
        nationalId,
        acr: config.idporten.acr,
        authTime: Math.floor(Date.now() / 1000),
        clientAddress: '127.0.0.1',
      };
      const started = performance.now();
      const outcome = await resetTwoFactorFor(person, `bench-${benchCase.key}-${round}`, deps, settings);
      timings.push(performance.now() - started);
      if (outcome.kind !== 'success') throw new Error(`expected success, got ${outcome.kind}`);
      if (outcome.pass.kind !== 'issued' || outcome.noticeSent !== true)
        throw new Error('expected a pass and a notice');
      const log = (await (await fetch(`${graph.url}/_admin/requests`)).json()) as {
        requests: { startedAt: number; endedAt: number }[];
      };
      roundTrips = sequentialRoundTrips(log.requests).map((wave) => wave.length);
      calls = log.requests.length;
    }
    timings.sort((a, b) => a - b);
    const median = timings[Math.floor(timings.length / 2)] ?? 0;
    console.log(
      `  ${benchCase.label}: ${median.toFixed(0)} ms (${timings[0]?.toFixed(0)}–${timings.at(-1)?.toFixed(0)} ms), ` +
        `${calls} Graph calls in ${roundTrips.length} sequential round trips (calls per round trip: ${roundTrips.join(' → ')})`,
    );
  }
  await database.close();
  await graph.close();
  rmSync(dataDir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

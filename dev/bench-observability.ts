// Benchmark (not a test): a guide's throughput with metrics and tracing switched off, and on (the metrics listener
// scraped every few seconds, every span exported over OTLP/HTTP to a receiver that takes and drops them), in one
// run. Both settings run as two instances of the same standalone build side by side, measured in turns
// (off, on, off, on, ...) so that drift of a shared machine hits both alike; it prints each turn and the medians.
// autocannon gets 127.0.0.1: it would try localhost's ::1, where the site (bound to 0.0.0.0) does not listen.
// Run: npm run build && npm run bench:observability (starts the stand-ins on their usual ports)
// BENCH_DURATION=10 seconds per turn, BENCH_ROUNDS=5, BENCH_CONNECTIONS=50
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { startOtlpReceiver } from '../tests/e2e/support/otlp-receiver';
import { median, requestsPerSecond, startStandalone, stopAll } from './testing/bench-kit';
import { waitForUrl } from './testing/wait-for-url';

const GUIDE = '/nb/aktiver';
const OFF_PORT = 3610;
const ON_PORT = 3620;
const METRICS_PORT = 9470;
const RECEIVER_PORT = 4330;
const METRICS_TOKEN = 'bench-metrics-token-for-this-run-only-0123456789';
const DURATION_SECONDS = Number(process.env.BENCH_DURATION ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const LOAD = { connections: CONNECTIONS, durationSeconds: DURATION_SECONDS };

/** What Prometheus would do, more often than it usually does (every 15 s or so). */
function scrapeEvery(ms: number): () => void {
  const timer = setInterval(() => {
    void fetch(`http://127.0.0.1:${METRICS_PORT}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
      .then((response) => response.text())
      .catch(() => undefined);
  }, ms);
  return () => clearInterval(timer);
}

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), 'tofaktor-bench-observability-'));
  const processes: ChildProcess[] = [];
  // Takes every export and keeps nothing: the collector's cost is not the site's.
  const receiver = await startOtlpReceiver(RECEIVER_PORT, { keep: false });
  try {
    // The stand-ins, as in a deployment where ID-porten answers (the proxy reads its discovery document for the CSP).
    processes.push(spawn('node', ['--import', 'tsx', 'dev/stand-ins.ts'], { stdio: 'ignore' }));
    await waitForUrl('http://127.0.0.1:4010/.well-known/openid-configuration');
    const start = (port: number, extra: Record<string, string>) => {
      processes.push(startStandalone(path.resolve('.next', 'standalone'), port, dir, extra));
      return waitForUrl(`http://localhost:${port}${GUIDE}`);
    };
    await Promise.all([
      start(OFF_PORT, {}),
      start(ON_PORT, {
        METRICS_PORT: String(METRICS_PORT),
        METRICS_TOKEN,
        OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${RECEIVER_PORT}`,
      }),
    ]);
    // Warm both under the full load (first renders, route modules, the discovery document, the JIT): with a
    // short, light warm-up the first measured round of whichever instance ran second came out a third lower, with
    // metrics alone as with both.
    await autocannon({ url: `http://127.0.0.1:${OFF_PORT}${GUIDE}`, connections: CONNECTIONS, duration: 5 });
    await autocannon({ url: `http://127.0.0.1:${ON_PORT}${GUIDE}`, connections: CONNECTIONS, duration: 5 });

    const off: number[] = [];
    const on: number[] = [];
    console.log(
      `autocannon -c ${CONNECTIONS} -d ${DURATION_SECONDS} on ${GUIDE}, ${ROUNDS} rounds, requests per second:`,
    );
    for (let round = 1; round <= ROUNDS; round += 1) {
      off.push(await requestsPerSecond(`http://127.0.0.1:${OFF_PORT}${GUIDE}`, LOAD));
      const stopScraping = scrapeEvery(5_000);
      on.push(await requestsPerSecond(`http://127.0.0.1:${ON_PORT}${GUIDE}`, LOAD));
      stopScraping();
      console.log(`  round ${round}: off ${off.at(-1)!.toFixed(0)}  on ${on.at(-1)!.toFixed(0)}`);
    }
    const ratio = median(on) / median(off);
    console.log(`median: off ${median(off).toFixed(0)}, on ${median(on).toFixed(0)} (on / off = ${ratio.toFixed(3)})`);
    const scrape = await fetch(`http://127.0.0.1:${METRICS_PORT}/metrics`, {
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    });
    // Proof that "on" was on: the listener answered and the receiver got exports.
    console.log(`metrics listener answered ${scrape.status}; OTLP exports received: ${receiver.exportsReceived}`);
  } finally {
    // The sites close their databases on SIGTERM; the folder goes once they have exited.
    await stopAll(processes);
    await receiver.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

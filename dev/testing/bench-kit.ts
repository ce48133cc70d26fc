// What the throughput benchmarks share: a standalone site started against the stand-ins, autocannon's requests per
// second (a run with any error or non-2xx answer is no measurement), the median of rounds, and a clean stop.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import autocannon from 'autocannon';
import { localSiteEnv } from '../local-env';

export type Load = { connections: number; durationSeconds: number };

export async function requestsPerSecond(url: string, load: Load): Promise<number> {
  // A generous timeout: on a busy shared machine a slow answer is a data point, not a failure.
  const result = await autocannon({ url, connections: load.connections, duration: load.durationSeconds, timeout: 30 });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(
      `${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors (${result.timeouts} timeouts) ` +
        `of ${result.requests.total} requests`,
    );
  return result.requests.average;
}

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** A standalone artifact's start.cjs on `port`, against the local stand-ins, with its own embedded database. */
export function startStandalone(
  artifact: string,
  port: number,
  dataDir: string,
  extra: Record<string, string> = {},
): ChildProcess {
  const env = localSiteEnv({ PGLITE_DIR: path.join(dataDir, `pglite-${port}`), LOG_LEVEL: 'warn', ...extra });
  return spawn('node', [path.join(artifact, 'start.cjs')], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      ...env,
      PORT: String(port),
      NODE_ENV: 'production',
    },
    stdio: 'ignore',
  });
}

/** Sends SIGTERM and waits for the exit: the sites close their databases first. */
export function stopAll(children: ChildProcess[]): Promise<unknown> {
  return Promise.all(
    children.map(
      (child) =>
        new Promise((resolve) => {
          if (child.exitCode !== null) return resolve(null);
          child.once('exit', resolve);
          child.kill('SIGTERM');
        }),
    ),
  );
}

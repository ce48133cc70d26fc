// Starts a stand-in (dev/idporten, dev/graph or dev/entra: its server.ts) in a child process with tsx, on a
// random port, and resolves with its URL. Jest cannot load the stand-ins in-process: oidc-provider
// and jose are ESM-only and jest's transform (jest.config.mjs) skips node_modules. Over real HTTP
// anyway, so a child process is as good a test. Node built-ins only.

import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface SpawnedStandIn {
  url: string;
  child: ChildProcess;
  /** Output so far (stdout + stderr), for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

const ROOT = path.resolve(__dirname, '..', '..');

export function spawnStandIn(
  script: 'dev/idporten/server.ts' | 'dev/graph/server.ts' | 'dev/entra/server.ts',
  env: Record<string, string> = {},
  timeoutMs = 20_000,
): Promise<SpawnedStandIn> {
  const portVar = script.includes('idporten')
    ? 'IDPORTEN_STANDIN_PORT'
    : script.includes('entra')
      ? 'ENTRA_STANDIN_PORT'
      : 'GRAPH_STANDIN_PORT';
  // `node --import tsx` (one process) rather than the tsx CLI, which runs the script in a second
  // process and does not always pass SIGTERM on.
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: ROOT,
    env: { ...process.env, [portVar]: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      }, 3000).unref();
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`${script} did not start within ${timeoutMs} ms:\n${out}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const match = /listening on (http:\/\/[^\s]+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1]!, child, output: () => out, stop });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited with ${code}:\n${out}`));
    });
  });
}

// Starts the standalone artifact (what `npm start` runs) as a separate process with its own settings, waits until
// it answers, and stops it with a signal; for tests that need several instances or different settings.
import { spawn, type ChildProcess } from 'node:child_process';
import { localSiteEnv } from '../../../dev/local-env';

export type Instance = {
  url: string;
  process: ChildProcess;
  /** Everything the instance wrote to stdout and stderr so far. */
  output(): string;
  /** Sends `signal` and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  exited: Promise<number | null>;
};

export async function startInstance(port: number, env: Record<string, string>): Promise<Instance> {
  const child = spawn('node', ['.next/standalone/start.cjs'], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      ...localSiteEnv(),
      LOG_LEVEL: 'info',
      ...env,
      PORT: String(port),
      HOSTNAME: '0.0.0.0',
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // A function, so TypeScript does not keep a narrowing of exitCode across the awaits below.
  const exitCode = (): number | null => child.exitCode;
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exitCode() !== null) throw new Error(`instance on ${port} exited with ${exitCode()}:\n${output}`);
    const healthy = await fetch(`${url}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`instance on ${port} did not answer within 60 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    process: child,
    output: () => output,
    exited,
    async stop(signal = 'SIGTERM') {
      if (exitCode() === null) child.kill(signal);
      return exited;
    },
  };
}

// Benchmark (not a test): a guide's throughput and the proxy's built size, the current build against an earlier
// commit's, in one run. The earlier commit (BENCH_BEFORE_REF, default the last commit before the proxy stopped
// importing the domain) is built once in a temporary git worktree and its standalone artifact kept in
// ~/.cache/tofaktor-bench; the current one is .next/standalone. Both run side by side and are measured in turns
// (before, after, before, ...) so that drift of a shared machine hits both alike; it prints each turn and the medians.
// Run: npm run build && npm run bench:proxy (starts the stand-ins on their usual ports; the first run needs the npm
// registry for the earlier commit's `npm ci`)
// BENCH_DURATION=10 seconds per turn, BENCH_ROUNDS=5, BENCH_CONNECTIONS=50
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { localSiteEnv } from './local-env';
import { waitForUrl } from './testing/wait-for-url';

const GUIDE = '/nb/aktiver';
const BEFORE_REF = process.env.BENCH_BEFORE_REF ?? '10da00a';
const BEFORE_PORT = 3710;
const AFTER_PORT = 3720;
const DURATION_SECONDS = Number(process.env.BENCH_DURATION ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const CACHE = path.join(homedir(), '.cache', 'tofaktor-bench');
// Modules the proxy must never carry: the database drivers, Drizzle, Graph's token library and Auth.js.
const HEAVY =
  /node_modules\/(pg|pg-[a-z-]+|@electric-sql\/pglite|drizzle-orm|@azure\/msal-[a-z]+|next-auth|@auth\/core)\//;

function run(command: string, args: string[], cwd: string): void {
  const result = spawnSync(command, args, {
    cwd,
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed in ${cwd}`);
}

/** The earlier commit's standalone artifact, built once. */
function beforeArtifact(): string {
  const sha = spawnSync('git', ['rev-parse', '--short', BEFORE_REF], { encoding: 'utf8' }).stdout.trim();
  if (!sha) throw new Error(`BENCH_BEFORE_REF=${BEFORE_REF} is not a commit here`);
  const artifact = path.join(CACHE, `standalone-${sha}`);
  if (existsSync(path.join(artifact, 'start.cjs'))) return artifact;
  const worktree = mkdtempSync(path.join(tmpdir(), 'tofaktor-bench-before-'));
  try {
    run('git', ['worktree', 'add', '--detach', worktree, sha], process.cwd());
    run('npm', ['ci', '--no-audit', '--no-fund'], worktree);
    run('npm', ['run', 'build'], worktree);
    mkdirSync(CACHE, { recursive: true });
    // verbatimSymlinks: the artifact's links into its own node_modules are relative and must stay so.
    cpSync(path.join(worktree, '.next', 'standalone'), artifact, { recursive: true, verbatimSymlinks: true });
    // Next leaves the proxy's trace out of the artifact; it is kept beside it for proxySize.
    const trace = path.join('.next', 'server', 'middleware.js.nft.json');
    cpSync(path.join(worktree, trace), path.join(artifact, trace));
    return artifact;
  } finally {
    spawnSync('git', ['worktree', 'remove', '--force', worktree]);
  }
}

/** The built proxy: its chunks' bytes and how many traced files belong to the modules it must not carry. */
function proxySize(serverDir: string): { bytes: number; traced: number; heavy: number } {
  const trace = JSON.parse(readFileSync(path.join(serverDir, 'middleware.js.nft.json'), 'utf8')) as { files: string[] };
  const chunks = trace.files.filter((file) => file.startsWith('chunks/') && file.endsWith('.js'));
  const bytes = chunks.reduce((sum, file) => sum + statSync(path.join(serverDir, file)).size, 0);
  return { bytes, traced: trace.files.length, heavy: trace.files.filter((file) => HEAVY.test(file)).length };
}

async function throughput(url: string): Promise<number> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_SECONDS, timeout: 30 });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors of ${result.requests.total}`);
  return result.requests.average;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

function startSite(artifact: string, port: number, dataDir: string): ChildProcess {
  const env = localSiteEnv({ PGLITE_DIR: path.join(dataDir, `pglite-${port}`), LOG_LEVEL: 'warn' });
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

function stop(child: ChildProcess): Promise<unknown> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve(null);
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
}

async function main() {
  const before = beforeArtifact();
  const after = path.resolve('.next', 'standalone');
  // The current build's trace is in .next/server (Next leaves it out of the artifact).
  const servers = { before: path.join(before, '.next', 'server'), after: path.resolve('.next', 'server') };
  for (const [name, serverDir] of Object.entries(servers)) {
    const size = proxySize(serverDir);
    console.log(
      `${name}: proxy chunks ${size.bytes} bytes, ${size.traced} traced files, ${size.heavy} of them pg/PGlite/Drizzle/msal/Auth.js`,
    );
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tofaktor-bench-proxy-'));
  // The stand-ins, as in a deployment where ID-porten answers (the proxy reads its discovery document for the CSP).
  const processes = [spawn('node', ['--import', 'tsx', 'dev/stand-ins.ts'], { stdio: 'ignore' })];
  try {
    await waitForUrl('http://127.0.0.1:4010/.well-known/openid-configuration');
    processes.push(startSite(before, BEFORE_PORT, dataDir), startSite(after, AFTER_PORT, dataDir));
    await Promise.all([BEFORE_PORT, AFTER_PORT].map((port) => waitForUrl(`http://localhost:${port}${GUIDE}`)));
    // Warm both under the full load: first renders, route modules, the discovery document, the JIT.
    for (const port of [BEFORE_PORT, AFTER_PORT])
      await autocannon({ url: `http://127.0.0.1:${port}${GUIDE}`, connections: CONNECTIONS, duration: 5 });
    const results = { before: [] as number[], after: [] as number[] };
    console.log(
      `autocannon -c ${CONNECTIONS} -d ${DURATION_SECONDS} on ${GUIDE}, ${ROUNDS} rounds, requests per second:`,
    );
    for (let round = 1; round <= ROUNDS; round += 1) {
      results.before.push(await throughput(`http://127.0.0.1:${BEFORE_PORT}${GUIDE}`));
      results.after.push(await throughput(`http://127.0.0.1:${AFTER_PORT}${GUIDE}`));
      console.log(
        `  round ${round}: before ${results.before.at(-1)!.toFixed(0)}  after ${results.after.at(-1)!.toFixed(0)}`,
      );
    }
    const [b, a] = [median(results.before), median(results.after)];
    console.log(
      `median: before (${BEFORE_REF}) ${b.toFixed(0)}, after ${a.toFixed(0)} (after / before = ${(a / b).toFixed(3)})`,
    );
  } finally {
    await Promise.all(processes.map(stop));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

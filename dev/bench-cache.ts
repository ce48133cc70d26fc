// Benchmark (not a test): a shared cache in front of the site. nginx with proxy_cache on its default rules
// (it stores nothing with Set-Cookie, private, no-store or no-cache) sits before `next start`; this prints
// whether a guide is served from the cache on the second request and the confirm page never is, then the
// throughput (autocannon -c 50 -d 10) of the guide through the cache, of nginx serving the same HTML as a
// file, and of `next start` alone.
// Run: npm run build && npm run bench:cache   (BENCH_SITE_DIR=<another checkout, built> measures that one;
// the standalone artifact when the build made one, else `next start`)
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { localSiteEnv } from './local-env';
import { ensureNginx, nginxConfigFile } from './testing/nginx';
import { waitForUrl } from './testing/wait-for-url';

const SITE_PORT = 3600;
const CACHE_PORT = 8480;
const FILE_PORT = 8481;
const GUIDE = '/nb/aktiver';
const CONFIRM = '/nb/nullstill/bekreft';
const DURATION_SECONDS = Number(process.env.BENCH_DURATION ?? 10);

function nginxConfig(dir: string): string {
  return nginxConfigFile(
    dir,
    `  proxy_cache_path ${dir}/cache levels=1:2 keys_zone=site:10m max_size=100m inactive=10m use_temp_path=off;
  types { text/html html; }
  upstream keepalive_site { server 127.0.0.1:${SITE_PORT}; keepalive 64; }
  server {
    listen 127.0.0.1:${CACHE_PORT};
    location / {
      proxy_pass http://keepalive_site;
      proxy_set_header Host localhost:${SITE_PORT};
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_cache site;
      add_header X-Cache-Status $upstream_cache_status always;
    }
  }
  server {
    listen 127.0.0.1:${FILE_PORT};
    root ${dir}/www;
    location / { default_type text/html; }
  }`,
  );
}

async function throughput(url: string): Promise<number> {
  const result = await autocannon({ url, connections: 50, duration: DURATION_SECONDS });
  if (result.non2xx > 0 || result.errors > 0)
    throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return result.requests.average;
}

async function cacheStatus(url: string): Promise<string> {
  const response = await fetch(url);
  await response.arrayBuffer();
  return response.headers.get('x-cache-status') ?? '(none)';
}

async function main() {
  const siteDir = path.resolve(process.env.BENCH_SITE_DIR ?? '.');
  const nginx = ensureNginx();
  const dir = mkdtempSync(path.join(tmpdir(), 'tofaktor-bench-cache-'));
  const processes: ChildProcess[] = [];
  try {
    const env = { ...process.env, ...localSiteEnv({ PGLITE_DIR: path.join(dir, 'pglite'), LOG_LEVEL: 'warn' }) };
    // The deployable artifact when the build made one (standalone), else `next start` (older checkouts).
    const standalone = existsSync(path.join(siteDir, '.next/standalone/start.cjs'));
    const command = standalone
      ? ['node', '.next/standalone/start.cjs']
      : ['npx', 'next', 'start', '-p', String(SITE_PORT)];
    const serverEnv = { ...env, PORT: String(SITE_PORT), HOSTNAME: '0.0.0.0' };
    processes.push(spawn(command[0]!, command.slice(1), { cwd: siteDir, env: serverEnv, stdio: 'ignore' }));
    await waitForUrl(`http://localhost:${SITE_PORT}${GUIDE}`);

    // nginx serves the very HTML the site sends for the guide, as a plain file.
    mkdirSync(path.join(dir, 'www', 'nb'), { recursive: true });
    const html = await (await fetch(`http://localhost:${SITE_PORT}${GUIDE}`)).text();
    writeFileSync(path.join(dir, 'www', 'nb', 'aktiver.html'), html);
    writeFileSync(path.join(dir, 'nginx.conf'), nginxConfig(dir));
    processes.push(spawn(nginx, ['-p', dir, '-c', path.join(dir, 'nginx.conf')], { stdio: 'inherit' }));
    await waitForUrl(`http://127.0.0.1:${FILE_PORT}/nb/aktiver.html`);

    const guideStatuses = [
      await cacheStatus(`http://127.0.0.1:${CACHE_PORT}${GUIDE}`),
      await cacheStatus(`http://127.0.0.1:${CACHE_PORT}${GUIDE}`),
    ];
    const confirmStatuses = [
      await cacheStatus(`http://127.0.0.1:${CACHE_PORT}${CONFIRM}`),
      await cacheStatus(`http://127.0.0.1:${CACHE_PORT}${CONFIRM}`),
    ];
    console.log(`site: ${siteDir}`);
    console.log(`${GUIDE} through the cache, first and second request: ${guideStatuses.join(', ')}`);
    console.log(`${CONFIRM} through the cache, first and second request: ${confirmStatuses.join(', ')}`);

    const cached = await throughput(`http://127.0.0.1:${CACHE_PORT}${GUIDE}`);
    const file = await throughput(`http://127.0.0.1:${FILE_PORT}/nb/aktiver.html`);
    const direct = await throughput(`http://localhost:${SITE_PORT}${GUIDE}`);
    console.log(`\nautocannon -c 50 -d ${DURATION_SECONDS}, requests per second (average):`);
    console.log(`  guide through nginx's cache   ${cached.toFixed(0)}`);
    console.log(`  same HTML as a file by nginx  ${file.toFixed(0)}`);
    console.log(`  guide from next start alone   ${direct.toFixed(0)}`);
    console.log(`  cache / file = ${(cached / file).toFixed(2)}, next start / file = ${(direct / file).toFixed(3)}`);
    const ok = guideStatuses[1] === 'HIT' && !confirmStatuses.includes('HIT');
    if (!ok) {
      console.error('\nexpected the guide to be a HIT on the second request and the confirm page never to be one');
      process.exitCode = 1;
    }
  } finally {
    for (const child of processes) child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 500));
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

// Benchmark (not a test): the guides against the lightest page the framework can serve, in one run.
// 1. Builds the site for the local origin (http://localhost:3000, as `npm run demo` does), so canonical and
//    hreflang links name the origin Lighthouse visits.
// 2. Builds a bare Next.js page (one static route) with the site's exact Next and React versions, once, in a cache
//    folder (~/.cache/tofaktor-bench), and starts its standalone server beside the site's.
// 3. Serves each page's own HTML from nginx as a file: the ceiling for that page on this machine.
// 4. Prints requests per second and p99 (autocannon -c 50 -d 10) of the site's home and a guide, the bare page and
//    nginx, with site/nginx against bare/nginx; then Lighthouse (mobile, its defaults, median of 3 by performance,
//    every page once per round) for the site's home, a guide in each locale and the bare page: performance, SEO,
//    total blocking time, LCP and script bytes.
// Run: npm run bench:guides   (BENCH_DURATION=10 seconds per load, BENCH_LIGHTHOUSE_RUNS=3, CHROME_PATH;
// BENCH_SKIP_BUILD=1 measures the build that is there, made for the local origin)
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { localSiteEnv } from './local-env';
import { ensureNginx, nginxConfigFile } from './testing/nginx';
import { waitForUrl } from './testing/wait-for-url';

const SITE_PORT = 3000; // the local origin the build names (localSiteEnv's APP_ORIGIN and PUBLIC_ORIGIN)
const BARE_PORT = 3640;
const NGINX_PORT = 8490;
const HOME = '/nb';
const GUIDES = ['/nb/aktiver', '/nn/aktiver', '/en/activate'];
const DURATION_SECONDS = Number(process.env.BENCH_DURATION ?? 10);
const LIGHTHOUSE_RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3);
const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as {
  packages: Record<string, { version: string }>;
};
const versionOf = (name: string) => lock.packages[`node_modules/${name}`]!.version;

function run(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): void {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status})`);
}

/** The bare page's standalone server, built once per Next/React version pair. */
function bareNextServer(): string {
  const versions = { next: versionOf('next'), react: versionOf('react'), 'react-dom': versionOf('react-dom') };
  const dir = path.join(homedir(), '.cache', 'tofaktor-bench', `bare-next-${versions.next}-react-${versions.react}`);
  const server = path.join(dir, '.next', 'standalone', 'server.js');
  if (existsSync(server)) return server;
  console.log(`Building a bare Next.js ${versions.next} page (React ${versions.react}) in ${dir} …`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'app'), { recursive: true });
  writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify({ name: 'bare-next', private: true, dependencies: versions }, null, 2),
  );
  writeFileSync(path.join(dir, 'next.config.mjs'), "export default { output: 'standalone' };\n");
  writeFileSync(
    path.join(dir, 'app', 'layout.jsx'),
    `export const metadata = { title: 'Bare page', description: 'A bare Next.js page: the benchmark baseline.' };
export default function RootLayout({ children }) {
  return (<html lang="en"><body>{children}</body></html>);
}
`,
  );
  writeFileSync(
    path.join(dir, 'app', 'page.jsx'),
    `export default function Page() {
  return (<main><h1>Bare page</h1><p>One static route, with the same Next.js and React as the site.</p></main>);
}
`,
  );
  run('npm', ['install', '--no-audit', '--no-fund', '--save-exact'], { cwd: dir });
  run('node', ['node_modules/next/dist/bin/next', 'build'], {
    cwd: dir,
    env: { ...process.env, NODE_ENV: 'production' },
  });
  // Standalone leaves the static files to the deployment, as the site's own assemble step does.
  cpSync(path.join(dir, '.next', 'static'), path.join(dir, '.next', 'standalone', '.next', 'static'), {
    recursive: true,
  });
  return server;
}

type Load = { requestsPerSecond: number; p99: number };

async function load(url: string): Promise<Load> {
  const result = await autocannon({ url, connections: 50, duration: DURATION_SECONDS, timeout: 30 });
  // A socket reset in the last instant of a run of hundreds of thousands is noise; more than one in a thousand is not.
  if (result.non2xx > 0 || result.errors > result.requests.total / 1000)
    throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors of ${result.requests.total}`);
  return { requestsPerSecond: result.requests.average, p99: result.latency.p99 };
}

type LighthouseFigures = { performance: number; seo: number; tbt: number; lcp: number; scriptKiB: number };

async function lighthouseOnce(url: string): Promise<LighthouseFigures> {
  const { launch } = await import('chrome-launcher');
  const { default: lighthouse } = await import('lighthouse');
  const chrome = await launch({
    chromePath: CHROME_PATH,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'seo'],
    });
    const lhr = result!.lhr;
    const resources = (
      lhr.audits['resource-summary']?.details as { items?: { resourceType: string; transferSize: number }[] }
    )?.items;
    const script = resources?.find((item) => item.resourceType === 'script')?.transferSize ?? 0;
    return {
      performance: lhr.categories.performance?.score ?? 0,
      seo: lhr.categories.seo?.score ?? 0,
      tbt: lhr.audits['total-blocking-time']?.numericValue ?? 0,
      lcp: lhr.audits['largest-contentful-paint']?.numericValue ?? 0,
      scriptKiB: script / 1024,
    };
  } finally {
    chrome.kill();
  }
}

function median(runs: LighthouseFigures[]): LighthouseFigures {
  const sorted = [...runs].sort((a, b) => a.performance - b.performance || b.tbt - a.tbt);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const fixed = (value: number, digits = 0) => value.toFixed(digits).padStart(8);

/** Ends every process the benchmark started, and waits until they are gone. */
function stopAll(processes: ChildProcess[]) {
  return Promise.all(
    processes.map(
      (child) =>
        new Promise((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve(null);
          child.once('exit', resolve);
          child.kill('SIGTERM');
        }),
    ),
  );
}

/** The stand-ins, the standalone site and the bare Next page, each answering before this resolves. */
async function startServers(dir: string, bareServer: string, processes: ChildProcess[]) {
  // The stand-ins, as in a deployment where ID-porten answers (the CSP names its origin).
  processes.push(spawn('node', ['--import', 'tsx', 'dev/stand-ins.ts'], { stdio: 'ignore' }));
  await waitForUrl('http://127.0.0.1:4010/.well-known/openid-configuration', 90_000);
  const siteEnv = localSiteEnv({ PGLITE_DIR: path.join(dir, 'pglite'), LOG_LEVEL: 'warn' });
  const common = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'production' as const };
  processes.push(
    spawn('node', ['.next/standalone/start.cjs'], {
      env: { ...common, ...siteEnv, PORT: String(SITE_PORT) },
      stdio: 'ignore',
    }),
    spawn('node', [bareServer], {
      env: { ...common, PORT: String(BARE_PORT), HOSTNAME: '127.0.0.1' },
      stdio: 'ignore',
    }),
  );
  const site = `http://localhost:${SITE_PORT}`;
  const bare = `http://127.0.0.1:${BARE_PORT}/`;
  await Promise.all([waitForUrl(`${site}${GUIDES[0]}`, 90_000), waitForUrl(bare, 90_000)]);
  return { site, bare };
}

/** nginx serving each page's own HTML, as a file: the yardstick. Returns the URL of a page's copy. */
async function serveCopiesWithNginx(
  nginx: string,
  dir: string,
  files: Record<string, string>,
  processes: ChildProcess[],
) {
  mkdirSync(path.join(dir, 'html'));
  for (const [name, url] of Object.entries(files))
    writeFileSync(path.join(dir, 'html', `${name}.html`), await (await fetch(url)).text());
  writeFileSync(
    path.join(dir, 'nginx.conf'),
    nginxConfigFile(
      dir,
      `  types { text/html html; }
  server { listen 127.0.0.1:${NGINX_PORT}; root ${dir}/html; }`,
    ),
  );
  processes.push(spawn(nginx, ['-c', path.join(dir, 'nginx.conf')], { stdio: 'inherit' }));
  const nginxUrl = (name: string) => `http://127.0.0.1:${NGINX_PORT}/${name}.html`;
  await waitForUrl(nginxUrl('bare'), 90_000);
  return nginxUrl;
}

async function reportThroughput(bare: string, nginxUrl: (name: string) => string) {
  // Warm every server (first renders, route modules).
  for (const url of [`http://127.0.0.1:${SITE_PORT}${HOME}`, `http://127.0.0.1:${SITE_PORT}${GUIDES[0]}`, bare])
    await autocannon({ url, connections: 10, duration: 2 });

  console.log(`\nThroughput: autocannon -c 50 -d ${DURATION_SECONDS} (requests per second, p99 ms)`);
  const rows: [string, Load, Load][] = [
    ['site home   ' + HOME, await load(`http://127.0.0.1:${SITE_PORT}${HOME}`), await load(nginxUrl('home'))],
    [
      'site guide  ' + GUIDES[0],
      await load(`http://127.0.0.1:${SITE_PORT}${GUIDES[0]}`),
      await load(nginxUrl('guide')),
    ],
    ['bare page   /', await load(bare), await load(nginxUrl('bare'))],
  ];
  console.log(`  ${'page'.padEnd(26)}   req/s      p99   nginx req/s   share of nginx`);
  for (const [name, page, file] of rows)
    console.log(
      `  ${name.padEnd(26)}${fixed(page.requestsPerSecond)} ${fixed(page.p99)} ${fixed(file.requestsPerSecond, 0).padStart(13)}` +
        `${fixed(page.requestsPerSecond / file.requestsPerSecond, 3).padStart(17)}`,
    );
  const bareShare = rows[2]![1].requestsPerSecond / rows[2]![2].requestsPerSecond;
  for (const [name, page, file] of rows.slice(0, 2))
    console.log(
      `  ${name.trim()}: site/nginx ÷ bare/nginx = ${(page.requestsPerSecond / file.requestsPerSecond / bareShare).toFixed(3)}`,
    );
}

async function reportLighthouse(site: string, bare: string) {
  console.log(`\nLighthouse (mobile, median of ${LIGHTHOUSE_RUNS} by performance, pages taken in turns)`);
  const pages = [`${site}${HOME}`, ...GUIDES.map((guide) => `${site}${guide}`), bare];
  // Round by round, every page once per round: a busy moment of this shared machine then falls on the site and the
  // bare page alike, instead of on whichever page was being measured three times in a row.
  const runs = new Map<string, LighthouseFigures[]>(pages.map((url) => [url, []]));
  for (let round = 0; round < LIGHTHOUSE_RUNS; round += 1) {
    for (const url of pages) runs.get(url)!.push(await lighthouseOnce(url));
  }
  console.log(`  ${'page'.padEnd(40)} perf   SEO   TBT ms   LCP ms   script KiB   (perf of each round)`);
  for (const url of pages) {
    const figures = median(runs.get(url)!);
    const rounds = runs
      .get(url)!
      .map((run) => run.performance.toFixed(2))
      .join(' ');
    console.log(
      `  ${url.padEnd(40)} ${figures.performance.toFixed(2)}  ${figures.seo.toFixed(2)} ${fixed(figures.tbt)} ${fixed(figures.lcp)} ${fixed(figures.scriptKiB, 1).padStart(12)}   (${rounds})`,
    );
  }
}

async function main() {
  const chromium = spawnSync(CHROME_PATH, ['--version'], { encoding: 'utf8' });
  if (chromium.status !== 0)
    throw new Error(`no Chromium at ${CHROME_PATH}: ./tests/install-test-tools.sh, or set CHROME_PATH`);
  const nginx = ensureNginx();
  const bareServer = bareNextServer();

  if (process.env.BENCH_SKIP_BUILD === '1') console.log('BENCH_SKIP_BUILD=1: measuring the build that is there');
  else {
    console.log('Building the site for the local origin (npm run build) …');
    run('npm', ['run', 'build'], { env: { ...process.env, ...localSiteEnv() } });
  }

  const dir = mkdtempSync(path.join(tmpdir(), 'tofaktor-bench-guides-'));
  const processes: ChildProcess[] = [];
  try {
    const { site, bare } = await startServers(dir, bareServer, processes);
    const files = { home: `${site}${HOME}`, guide: `${site}${GUIDES[0]}`, bare };
    const nginxUrl = await serveCopiesWithNginx(nginx, dir, files, processes);
    await reportThroughput(bare, nginxUrl);
    await reportLighthouse(site, bare);
  } finally {
    await stopAll(processes);
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

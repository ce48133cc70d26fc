// `npm run demo`: both stand-ins and the site, with the embedded defaults (PGlite under data/),
// in one command. Builds the site first; `npm run demo -- --dev` runs `next dev` instead.
import { spawn, spawnSync } from 'node:child_process';
import { localSiteEnv } from './local-env';
import { peopleTable, staffTable, startStandIns } from './stand-ins';

async function main() {
  const useDev = process.argv.includes('--dev');
  const env = { ...process.env, ...localSiteEnv() };
  const standIns = await startStandIns();
  console.log(`ID-porten stand-in: ${standIns.idporten.url}\nGraph stand-in:     ${standIns.graph.url}`);

  if (!useDev) {
    console.log('\nBuilding the site (npm run build: the standalone artifact) …');
    const build = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', env });
    if (build.status !== 0) {
      await standIns.close();
      process.exit(build.status ?? 1);
    }
  }
  const site = useDev
    ? spawn('npx', ['next', 'dev', '-p', '3000'], { stdio: 'inherit', env })
    : spawn('node', ['.next/standalone/start.cjs'], {
        stdio: 'inherit',
        env: { ...env, PORT: '3000', HOSTNAME: '0.0.0.0' },
      });

  console.log(`\nThe site: http://localhost:3000  (reset guide: http://localhost:3000/nb/nullstill)`);
  console.log(`Notices the site sent (captured, never delivered): ${standIns.graph.url}/mail`);
  console.log('Log in at the ID-porten stand-in with one of these synthetic people:\n');
  console.log(peopleTable());
  console.log(
    `\nThe service desk console: http://localhost:3000/nb/servicedesk — log in at the Entra ID stand-in as:\n`,
  );
  console.log(staffTable());
  console.log('\nStop with Ctrl+C.\n');

  const stop = async (code: number) => {
    site.kill('SIGTERM');
    await standIns.close();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  site.on('exit', (code) => void stop(code ?? 0));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

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
    console.log('\nBuilding the site (next build) …');
    const build = spawnSync('npx', ['next', 'build'], { stdio: 'inherit', env });
    if (build.status !== 0) {
      await standIns.close();
      process.exit(build.status ?? 1);
    }
  }
  const site = spawn('npx', ['next', useDev ? 'dev' : 'start', '-p', '3000'], { stdio: 'inherit', env });

  console.log(`\nThe site: http://localhost:3000  (reset guide: http://localhost:3000/nb/nullstill)`);
  console.log(`Notices the site sent (captured, never delivered): ${standIns.graph.url}/mail`);
  console.log('Log in at the ID-porten stand-in with one of these synthetic people:\n');
  console.log(peopleTable());
  console.log(`\nThe service desk console: http://localhost:3000/nb/servicedesk — log in at the Entra ID stand-in as:\n`);
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

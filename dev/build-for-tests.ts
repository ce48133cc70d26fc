// `next build` with the local stand-in configuration (the build validates configuration), timed.
import { spawnSync } from 'node:child_process';
import { localSiteEnv } from './local-env';

const started = performance.now();
const result = spawnSync('npx', ['next', 'build'], { stdio: 'inherit', env: { ...process.env, ...localSiteEnv() } });
console.log(`next build took ${((performance.now() - started) / 1000).toFixed(1)} s`);
process.exit(result.status ?? 1);

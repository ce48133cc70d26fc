// `next build` with the local stand-in configuration (the build validates configuration), timed.
// Guides are prerendered with the login level they state, so the build takes the end-to-end run's level.
import { spawnSync } from 'node:child_process';
import { localSiteEnv } from './local-env';
import { e2eSiteEnv } from '../tests/e2e/support/site-env';

const started = performance.now();
const env = { ...process.env, ...localSiteEnv({ IDPORTEN_ACR: e2eSiteEnv(undefined).IDPORTEN_ACR ?? '' }) };
const result = spawnSync('npx', ['next', 'build'], { stdio: 'inherit', env });
console.log(`next build took ${((performance.now() - started) / 1000).toFixed(1)} s`);
process.exit(result.status ?? 1);

// `npm run build` for the test run, with an EMPTY environment (only PATH and HOME) but for the public
// settings the guides' text follows, timed: the artifact the end-to-end tests start is the one a deployment
// would get, built once without a secret or an origin. The guides state the login level the site requires,
// so the build takes the end-to-end run's level, and its public origin is the one the tests reach.
import { spawnSync } from 'node:child_process';
import { e2eSiteEnv } from '../tests/e2e/support/site-env';
import { DEFAULT_APP_ORIGIN } from './credentials';

const started = performance.now();
const result = spawnSync('npm', ['run', 'build'], {
  stdio: 'inherit',
  env: {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    NEXT_TELEMETRY_DISABLED: '1',
    IDPORTEN_ACR: e2eSiteEnv(undefined).IDPORTEN_ACR ?? '',
    // The main end-to-end site's origin: its pages' canonical and hreflang links are absolute on it.
    PUBLIC_ORIGIN: DEFAULT_APP_ORIGIN,
  } as unknown as NodeJS.ProcessEnv, // no NODE_ENV either, like `env -i`
});
console.log(
  `npm run build (empty environment but the login level and public origin) took ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
process.exit(result.status ?? 1);

// `npm run build` for the test run, with an EMPTY environment (only PATH and HOME), timed: the artifact the
// end-to-end tests start is the one a deployment would get, built once without a secret or an origin.
import { spawnSync } from 'node:child_process';

const started = performance.now();
const result = spawnSync('npm', ['run', 'build'], {
  stdio: 'inherit',
  env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NEXT_TELEMETRY_DISABLED: '1' } as unknown as NodeJS.ProcessEnv, // no NODE_ENV either, like `env -i`
});
console.log(`npm run build (empty environment) took ${((performance.now() - started) / 1000).toFixed(1)} s`);
process.exit(result.status ?? 1);

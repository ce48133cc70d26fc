// The site's settings: read from the environment and validated once per scope, every problem named.
// No `server-only` here: next.config.ts imports it to check the build settings, the scripts to check theirs.
import { ConfigError, parse, type ParseResult, type Scope, type Settings } from './parse';
import { processEnvironment } from './runtime';

export { ConfigError, formatProblems, parse, type ParseResult, type Scope, type Settings } from './parse';
export { bakedPublicOrigin, isDevelopment, isProduction } from './runtime';
export { ACR_LEVELS, type AcrLevel } from './login';
export { REMOVABLE_METHOD_TYPES, type RemovableMethodType } from './reset';
export { CLIENT_ADDRESS_HEADERS } from './operations';

export type Config = Settings['full'];
export type BuildSettings = Settings['build'];
export type MaintenanceSettings = Settings['maintenance'];

/** Checks the environment as it is now, uncached: for the start, the readiness check, the build and the scripts. */
export function parseEnvironment<S extends Scope>(scope: S): ParseResult<Settings[S]> {
  return parse(scope, processEnvironment());
}

const cache = new Map<Scope, unknown>();

/** A scope's settings, parsed on first use; throws ConfigError naming every problem. */
export function settings<S extends Scope>(scope: S): Settings[S] {
  if (cache.has(scope)) return cache.get(scope) as Settings[S];
  const result = parseEnvironment(scope);
  if (!result.ok) throw new ConfigError(result.problems);
  cache.set(scope, result.config);
  return result.config;
}

export const getConfig = (): Config => settings('full');

/** For prerendered pages: only the build settings, so rendering a guide never needs a secret. */
export const getBuildSettings = (): BuildSettings => settings('build');

/** The logger's level, 'info' when LOG_LEVEL is bad: the logger must still report the bad configuration. */
export function logLevel(): Settings['log'] {
  const result = parseEnvironment('log');
  return result.ok ? result.config : 'info';
}

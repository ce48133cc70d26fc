// The only module that reads process.env. Next replaces NODE_ENV, NEXT_RUNTIME and next.config.ts's `env` in the
// bundles at build time, which only works where they are written out in full, so each has its own line here.
// No imports: instrumentation.ts loads this in every runtime Next compiles it for.
import type { RawEnv } from './fields';

/** The process's environment as it is now, for the parser. */
export function processEnvironment(): RawEnv {
  return process.env;
}

export const isProduction = () => process.env.NODE_ENV === 'production';

export const isDevelopment = () => process.env.NODE_ENV === 'development';

/** Instrumentation hooks run in every runtime; the server's start belongs to Node's. */
export const isNodeRuntime = () => process.env.NEXT_RUNTIME === 'nodejs';

/** The public origin next.config.ts wrote into the bundles; undefined outside a Next build. */
export const bakedPublicOrigin = (): string | undefined => process.env.TOFAKTOR_BUILT_PUBLIC_ORIGIN || undefined;

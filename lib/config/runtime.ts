// The one module of the site that reads process.env (instrumentation.ts's runtime check aside). Next replaces NODE_ENV
// and next.config.ts's `env` in the bundles at build time, which only works where they are written out in full, so
// each has its own line here.
import type { RawEnv } from './fields';

/** The process's environment as it is now, for the parser. */
export function processEnvironment(): RawEnv {
  return process.env;
}

export const isProduction = () => process.env.NODE_ENV === 'production';

export const isDevelopment = () => process.env.NODE_ENV === 'development';

/** The public origin next.config.ts wrote into the bundles; undefined outside a Next build. */
export const bakedPublicOrigin = (): string | undefined => process.env.TOFAKTOR_BUILT_PUBLIC_ORIGIN || undefined;

// The whole environment as one schema, assembled from the sections, and what each scope makes of it: the full
// configuration (the server), the build settings (`next build`) and the maintenance settings (the scripts).
import { z } from 'zod';
import { consoleRules, consoleSettings, consoleShape } from './console';
import { directoryRules, directorySettings, directoryShape } from './directory';
import type { Problem, RawEnv } from './fields';
import { loginRules, loginSettings, loginShape } from './login';
import { observabilityRules, observabilitySettings, observabilityShape } from './observability';
import { operationsSettings, operationsShape } from './operations';
import { guideFacts, publicSettings, publicShape } from './public';
import { resetSettings, resetShape } from './reset';

export const EnvSchema = z.object({
  ...loginShape,
  ...directoryShape,
  ...resetShape,
  ...consoleShape,
  ...observabilityShape,
  ...operationsShape,
  ...publicShape,
});
export type Env = z.output<typeof EnvSchema>;

/** Rules across variables: they read the raw strings, so they are reported even when other variables are broken. */
export const crossFieldRules: ((raw: RawEnv) => Problem[])[] = [
  loginRules,
  directoryRules,
  consoleRules,
  observabilityRules,
];

export function toConfig(env: Env) {
  return {
    ...loginSettings(env),
    ...directorySettings(env),
    ...resetSettings(env),
    ...consoleSettings(env),
    ...observabilitySettings(env),
    ...operationsSettings(env),
    ...publicSettings(env),
  };
}

// What `next build` needs: the settings baked into prerendered guides. Everything else, secrets and APP_ORIGIN
// included, is read when the server starts (instrumentation.ts).
export const BuildSchema = EnvSchema.pick({
  ...(Object.fromEntries(Object.keys(publicShape).map((key) => [key, true])) as Record<keyof typeof publicShape, true>),
  // The guides say which eIDs work, and that follows the login level the site requires.
  IDPORTEN_ACR: true,
});

export function toBuildSettings(env: z.output<typeof BuildSchema>) {
  return {
    publicOrigin: env.PUBLIC_ORIGIN,
    serviceDeskUrl: env.SERVICE_DESK_URL,
    idportenAcr: env.IDPORTEN_ACR,
    guides: guideFacts(env),
  };
}

// What the maintenance scripts (`npm run db:migrate`, `npm run records:prune`) need: the database, no secrets.
export const MaintenanceSchema = EnvSchema.pick({ DATABASE_URL: true, PGLITE_DIR: true, RECORDS_RETENTION_DAYS: true });

export function toMaintenanceSettings(env: z.output<typeof MaintenanceSchema>) {
  return { databaseUrl: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR, retentionDays: env.RECORDS_RETENTION_DAYS };
}

// The logger needs a level even when the rest of the configuration is broken (to report it).
export const LogSchema = EnvSchema.pick({ LOG_LEVEL: true });

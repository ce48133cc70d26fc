// One way to check an environment, whatever part of it a caller needs: one result shape and one problem format,
// a line per bad variable that never repeats its value.
import type { z } from 'zod';
import type { Problem, RawEnv } from './fields';
import {
  BuildSchema,
  crossFieldRules,
  EnvSchema,
  LogSchema,
  MaintenanceSchema,
  toBuildSettings,
  toConfig,
  toMaintenanceSettings,
} from './schema';

export type ParseResult<T> = { ok: true; config: T } | { ok: false; problems: string[] };

function problemLines(problems: Problem[]): string[] {
  const byVariable = new Map<string, string[]>();
  for (const [variable, message] of problems) {
    const messages = byVariable.get(variable) ?? [];
    if (!messages.includes(message)) messages.push(message);
    byVariable.set(variable, messages);
  }
  return [...byVariable].map(([variable, messages]) => `${variable}: ${messages.join('; ')}`);
}

function scope<T extends z.ZodType, R>(
  schema: T,
  read: (env: z.output<T>) => R,
  rules: ((raw: RawEnv) => Problem[])[] = [],
) {
  return (env: RawEnv): ParseResult<R> => {
    const result = schema.safeParse(env);
    const problems: Problem[] = result.success
      ? []
      : result.error.issues.map((issue) => [String(issue.path[0] ?? 'environment'), issue.message]);
    for (const rule of rules) problems.push(...rule(env));
    if (result.success && problems.length === 0) return { ok: true, config: read(result.data) };
    return { ok: false, problems: problemLines(problems) };
  };
}

const SCOPES = {
  /** Everything the server needs, secrets included: checked when it starts. */
  full: scope(EnvSchema, toConfig, crossFieldRules),
  /** The public settings prerendered pages carry: all `next build` checks. */
  build: scope(BuildSchema, toBuildSettings),
  /** The database, for the maintenance scripts. */
  maintenance: scope(MaintenanceSchema, toMaintenanceSettings),
  log: scope(LogSchema, (env) => env.LOG_LEVEL),
};

export type Scope = keyof typeof SCOPES;
export type Settings = { [S in Scope]: ReturnType<(typeof SCOPES)[S]> extends ParseResult<infer R> ? R : never };

/** Validates an environment for one scope. */
export function parse<S extends Scope>(scope: S, env: RawEnv): ParseResult<Settings[S]> {
  return SCOPES[scope](env) as ParseResult<Settings[S]>;
}

export function formatProblems(problems: string[]): string {
  return ['Invalid configuration:', ...problems.map((problem) => `  - ${problem}`)].join('\n');
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(formatProblems(problems));
    this.name = 'ConfigError';
  }
}

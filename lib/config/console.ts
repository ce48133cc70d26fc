// The service desk console: staff log in with Entra ID; unset CONSOLE_ENTRA_ISSUER switches it off.
import { z } from 'zod';
import {
  GUID,
  integer,
  isSet,
  list,
  optionalGuid,
  optionalText,
  optionalWebUrl,
  type Problem,
  type RawEnv,
} from './fields';
import type { Env } from './schema';

export const consoleShape = {
  CONSOLE_ENTRA_ISSUER: optionalWebUrl(),
  CONSOLE_CLIENT_ID: optionalGuid(),
  CONSOLE_CLIENT_SECRET: optionalText(),
  CONSOLE_SESSION_MAX_AGE_SECONDS: integer(8 * 3600, 300, 12 * 3600),
  CONSOLE_RESET_MAX_LOGIN_AGE_SECONDS: integer(15 * 60, 60, 3600),
  CONSOLE_RESET_LIMIT_PER_AGENT: integer(20, 1, 1000),
  CONSOLE_PROTECTED_GROUP_IDS: list({
    separator: ',',
    fallback: '',
    normalise: (id) => id.trim().toLowerCase(),
    check: z
      .array(z.string().regex(GUID, 'must list group object ids (GUIDs), comma-separated'))
      .max(20, 'at most 20 groups (one checkMemberGroups call)'),
  }),
};

export function consoleRules(raw: RawEnv): Problem[] {
  if (!isSet(raw, 'CONSOLE_ENTRA_ISSUER')) return [];
  const problems: Problem[] = [];
  if (!isSet(raw, 'CONSOLE_CLIENT_ID')) problems.push(['CONSOLE_CLIENT_ID', 'is required with CONSOLE_ENTRA_ISSUER']);
  if (!isSet(raw, 'CONSOLE_CLIENT_SECRET'))
    problems.push(['CONSOLE_CLIENT_SECRET', 'is required with CONSOLE_ENTRA_ISSUER']);
  return problems;
}

export function consoleSettings(env: Env) {
  return {
    console: {
      enabled: env.CONSOLE_ENTRA_ISSUER !== undefined,
      issuer: env.CONSOLE_ENTRA_ISSUER ?? '',
      clientId: env.CONSOLE_CLIENT_ID ?? '',
      clientSecret: env.CONSOLE_CLIENT_SECRET ?? '',
      sessionMaxAgeSeconds: env.CONSOLE_SESSION_MAX_AGE_SECONDS,
      resetMaxLoginAgeSeconds: env.CONSOLE_RESET_MAX_LOGIN_AGE_SECONDS,
      limitPerAgentPerHour: env.CONSOLE_RESET_LIMIT_PER_AGENT,
      protectedGroupIds: env.CONSOLE_PROTECTED_GROUP_IDS,
    },
  };
}

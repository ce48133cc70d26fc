// Who may reset: the site's own origin and session key, and the site as an ID-porten client.
import { z } from 'zod';
import {
  integer,
  isSet,
  list,
  oneOf,
  optionalPrivateJwk,
  optionalText,
  origin,
  requiredText,
  secret,
  webUrl,
  type Problem,
  type RawEnv,
} from './fields';
import type { Env } from './schema';

// Lowest first: lib/idporten/assurance.ts ranks logins by this order.
export const ACR_LEVELS = ['idporten-loa-substantial', 'idporten-loa-high'] as const;
export type AcrLevel = (typeof ACR_LEVELS)[number];

export const loginShape = {
  AUTH_SECRET: secret(),
  // Required: a forgotten origin must not quietly become localhost (cookies without Secure, wrong URLs).
  APP_ORIGIN: origin('must be an origin (scheme, host and port only)'),
  IDPORTEN_ISSUER: webUrl(),
  IDPORTEN_CLIENT_ID: requiredText(),
  IDPORTEN_CLIENT_SECRET: optionalText(),
  IDPORTEN_PRIVATE_JWK: optionalPrivateJwk(),
  IDPORTEN_ACR: oneOf(ACR_LEVELS, 'idporten-loa-substantial'),
  IDPORTEN_SCOPES: list({
    separator: /\s+/,
    fallback: 'openid',
    check: z.array(z.string()).refine((scopes) => scopes.includes('openid'), 'must contain openid'),
  }),
  // ID-porten requires clients to end idle sessions within 30 minutes.
  SESSION_MAX_IDLE_SECONDS: integer(1800, 60, 1800),
};

export function loginRules(raw: RawEnv): Problem[] {
  const hasSecret = isSet(raw, 'IDPORTEN_CLIENT_SECRET');
  const hasKey = isSet(raw, 'IDPORTEN_PRIVATE_JWK');
  if (hasSecret && hasKey)
    return [['IDPORTEN_PRIVATE_JWK', 'set either IDPORTEN_CLIENT_SECRET or IDPORTEN_PRIVATE_JWK, not both']];
  if (!hasSecret && !hasKey)
    return [['IDPORTEN_CLIENT_SECRET', 'set either IDPORTEN_CLIENT_SECRET or IDPORTEN_PRIVATE_JWK']];
  return [];
}

export function loginSettings(env: Env) {
  return {
    appOrigin: new URL(env.APP_ORIGIN).origin,
    auth: { secret: env.AUTH_SECRET },
    idporten: {
      issuer: env.IDPORTEN_ISSUER,
      clientId: env.IDPORTEN_CLIENT_ID,
      clientSecret: env.IDPORTEN_CLIENT_SECRET,
      privateJwk: env.IDPORTEN_PRIVATE_JWK,
      acr: env.IDPORTEN_ACR,
      scopes: env.IDPORTEN_SCOPES,
    },
    session: { maxIdleSeconds: env.SESSION_MAX_IDLE_SECONDS },
  };
}

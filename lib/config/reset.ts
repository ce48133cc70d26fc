// What a self-service reset does and allows: the method types it removes, its limits, the Temporary Access Pass
// and the notice e-mail afterwards.
import { z } from 'zod';
import { boolean, integer, list, optionalEmail, pattern } from './fields';
import type { Env } from './schema';

export const REMOVABLE_METHOD_TYPES = [
  'microsoftAuthenticator',
  'microsoftAuthenticatorPasskey',
  'softwareOath',
  'phone',
] as const;
export type RemovableMethodType = (typeof REMOVABLE_METHOD_TYPES)[number];

export const resetShape = {
  RESET_METHOD_TYPES: list({
    separator: ',',
    fallback: REMOVABLE_METHOD_TYPES.join(','),
    check: z
      .array(z.enum(REMOVABLE_METHOD_TYPES, { error: `must list only ${REMOVABLE_METHOD_TYPES.join(', ')}` }))
      .min(1, 'must name at least one method type'),
  }),
  RESET_MAX_LOGIN_AGE_SECONDS: integer(600, 30, 3600),
  RESET_LIMIT_PER_PERSON: integer(3, 1, 100),
  RESET_LIMIT_PER_ADDRESS: integer(20, 1, 10_000),
  // A Temporary Access Pass after a reset that removed everything removable, to sign in and register anew.
  TAP_ENABLED: boolean(false),
  // Graph accepts 10..43200; the tenant's TAP policy narrows it (Entra's default policy: 60..480).
  TAP_LIFETIME_MINUTES: integer(60, 10, 43200),
  TAP_USABLE_ONCE: boolean(true),
  // Service mailbox the notices are sent from (Graph sendMail); unset switches the notice off.
  NOTICE_SENDER: optionalEmail(),
  // The service desk's contact in the notice ("was this not you?"); the e-mail leaves out what is unset.
  SERVICE_DESK_EMAIL: optionalEmail(),
  SERVICE_DESK_PHONE: pattern(/^\+?[0-9 ]{3,20}$/, 'must be a phone number (digits, spaces, optional +)'),
};

export function resetSettings(env: Env) {
  return {
    reset: {
      methodTypes: env.RESET_METHOD_TYPES,
      maxLoginAgeSeconds: env.RESET_MAX_LOGIN_AGE_SECONDS,
      limitPerPerson: env.RESET_LIMIT_PER_PERSON,
      limitPerAddress: env.RESET_LIMIT_PER_ADDRESS,
    },
    tap: { enabled: env.TAP_ENABLED, lifetimeMinutes: env.TAP_LIFETIME_MINUTES, usableOnce: env.TAP_USABLE_ONCE },
    notice: {
      senderMailbox: env.NOTICE_SENDER,
      serviceDesk: { url: env.SERVICE_DESK_URL, email: env.SERVICE_DESK_EMAIL, phone: env.SERVICE_DESK_PHONE },
    },
  };
}

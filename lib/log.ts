// Structured JSON logs (pino). Security events go here too, never with a national id, token or secret.
import 'server-only';
import pino from 'pino';
import { readLogLevel } from '@/lib/config';

const REDACTED_KEYS = [
  'pid',
  'nationalId',
  'national_id',
  'token',
  'accessToken',
  'access_token',
  'idToken',
  'id_token',
  'refreshToken',
  'authorization',
  'Authorization',
  'cookie',
  'secret',
  'clientSecret',
  'client_secret',
  'password',
];

// Eleven digits in a row look like a national id; scrub them from free text as a last line of defence.
const ELEVEN_DIGITS = /(?<!\d)\d{11}(?!\d)/g;
const scrub = (value: string) => value.replace(ELEVEN_DIGITS, '[11 digits redacted]');

export const logger = pino({
  level: readLogLevel(),
  base: { service: 'tofaktor' },
  redact: {
    paths: [...REDACTED_KEYS, ...REDACTED_KEYS.map((key) => `*.${key}`), 'req.headers.authorization', 'req.headers.cookie'],
    censor: '[redacted]',
  },
  formatters: {
    log(object) {
      return Object.fromEntries(
        Object.entries(object).map(([key, value]) => [key, typeof value === 'string' ? scrub(value) : value]),
      );
    },
  },
  hooks: {
    logMethod(args, method) {
      method.apply(this, args.map((arg) => (typeof arg === 'string' ? scrub(arg) : arg)) as Parameters<typeof method>);
    },
  },
});

export type SecurityEventFields = Record<string, string | number | boolean | null | undefined | string[]>;

/** One line per security-relevant event (refusal, reset, failure), tagged so it can be routed and alerted on. */
export function securityEvent(event: string, fields: SecurityEventFields = {}): void {
  logger.info({ ...fields, security: true, event }, event);
}

// Structured JSON logs (pino). Security events go here too, never with a national id, token or secret.
import 'server-only';
import pino from 'pino';
import { logLevel } from '@/lib/config';

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
const SCRUBBED = '[11 digits redacted]';
const CENSOR = '[redacted]';
const scrub = (value: string) => value.replace(ELEVEN_DIGITS, SCRUBBED);
const REDACTED = new Set(REDACTED_KEYS);
const MAX_DEPTH = 10;

/**
 * A copy of what is about to be logged with secret-named fields censored and national ids scrubbed, at any depth:
 * pino's own redact paths reach only one level down, and its formatter sees only the top-level values.
 */
function clean(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrub(value);
  // A national id that went through Number() keeps its eleven digits unless it began with 0 (ten digits look
  // like epoch seconds, so those are left alone).
  if (typeof value === 'number')
    return Number.isInteger(value) && Math.abs(value) >= 1e10 && Math.abs(value) < 1e11 ? SCRUBBED : value;
  if (typeof value !== 'object' || value === null) return value;
  if (depth >= MAX_DEPTH) return '[too deep]';
  if (Array.isArray(value)) return value.map((item) => clean(item, depth + 1));
  if (value instanceof Error) return cleanError(value, depth);
  if ('toJSON' in value && typeof value.toJSON === 'function') return clean(value.toJSON(), depth + 1);
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, REDACTED.has(key) ? CENSOR : clean(item, depth + 1)]),
  );
}

/** Still an Error of the same class (pino's serializer and its msg rely on that), with message, stack and fields cleaned. */
function cleanError(error: Error, depth: number): Error {
  const copy = Object.create(Object.getPrototypeOf(error) as object) as Error & Record<string, unknown>;
  for (const [key, item] of Object.entries(error)) copy[key] = REDACTED.has(key) ? CENSOR : clean(item, depth + 1);
  const hidden = { enumerable: false, writable: true, configurable: true };
  Object.defineProperty(copy, 'message', { ...hidden, value: scrub(error.message) });
  if (error.stack !== undefined) Object.defineProperty(copy, 'stack', { ...hidden, value: scrub(error.stack) });
  if (error.cause !== undefined)
    Object.defineProperty(copy, 'cause', { ...hidden, value: clean(error.cause, depth + 1) });
  return copy;
}

export const logger = pino({
  level: logLevel(),
  base: { service: 'tofaktor' },
  redact: {
    paths: [
      ...REDACTED_KEYS,
      ...REDACTED_KEYS.map((key) => `*.${key}`),
      'req.headers.authorization',
      'req.headers.cookie',
    ],
    censor: CENSOR,
  },
  formatters: {
    log(object) {
      return clean(object) as Record<string, unknown>;
    },
  },
  hooks: {
    // Every argument: the merging object (or Error, whose message becomes msg), the message, interpolated values.
    logMethod(args, method) {
      method.apply(this, args.map((arg) => clean(arg)) as Parameters<typeof method>);
    },
  },
});

export type SecurityEventFields = Record<string, string | number | boolean | null | undefined | string[]>;

/** One line per security-relevant event (refusal, reset, failure), tagged so it can be routed and alerted on. */
export function securityEvent(event: string, fields: SecurityEventFields = {}): void {
  logger.info({ ...fields, security: true, event }, event);
}

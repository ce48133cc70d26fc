// The kinds of value a setting can hold. Each field reads one variable's raw string and says what is wrong with it
// in words that never repeat the value (some are secrets).
import { isIP } from 'node:net';
import proxyAddr from 'proxy-addr';
import { z } from 'zod';

export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

// `.env` files often carry `NAME=` for "unset"; treat blank as missing so defaults apply.
export const blankAsMissing = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

export type RawEnv = Record<string, string | undefined>;
/** A variable and what is wrong with it. */
export type Problem = [variable: string, message: string];

export const isSet = (raw: RawEnv, name: string) => blankAsMissing(raw[name]) !== undefined;

/** Blank counts as unset, then `schema` decides. */
export const field = <T extends z.ZodType>(schema: T) => z.preprocess(blankAsMissing, schema);

export const withoutTrailingSlash = (value: string) => value.replace(/\/+$/, '');

export const requiredText = (message = 'is required') => field(z.string({ error: message }).trim().min(1, message));

export const optionalText = () => field(z.string().trim().optional());

export const secret = () => field(z.string({ error: 'is required' }).min(32, 'must be at least 32 characters'));

/** A token that switches a feature on when set: long enough that it cannot be guessed. */
export const optionalSecret = () => field(z.string().min(32, 'must be at least 32 characters').optional());

// http is only acceptable for a stand-in on this machine; anything else must be https.
const webUrlString = () =>
  z
    .string({ error: 'is required' })
    .trim()
    .refine((value) => URL.canParse(value), { error: 'must be a URL', abort: true })
    .refine((value) => {
      const url = new URL(value);
      return url.protocol === 'https:' || (url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname));
    }, 'must use https (http is only allowed for localhost or 127.0.0.1)');

export const webUrl = (fallback?: string) =>
  field(fallback === undefined ? webUrlString() : webUrlString().default(fallback));

export const optionalWebUrl = () => field(webUrlString().optional());

/** A web URL that must be an origin: scheme, host and port, nothing after them. */
export const origin = (message: string, fallback?: string) =>
  webUrl(fallback).refine((value) => {
    if (!URL.canParse(value)) return true; // already reported as not a URL
    const url = new URL(value);
    return url.pathname === '/' && !url.search && !url.hash;
  }, message);

/** A link the guides show when an operator sets one; unset means the guide leaves the sentence out. */
export const optionalHttpsLink = () =>
  field(
    z
      .string()
      .trim()
      .refine((value) => URL.canParse(value) && new URL(value).protocol === 'https:', 'must be an https URL')
      .optional(),
  );

/** A contact people can write to: a web page (https) or an e-mail address (mailto:). */
export const optionalContactUrl = () =>
  field(
    z
      .string()
      .trim()
      .refine(
        (value) => URL.canParse(value) && ['https:', 'mailto:'].includes(new URL(value).protocol),
        'must be an https: or mailto: URL',
      )
      .optional(),
  );

export const integer = (fallback: number, min: number, max: number) =>
  field(
    z.coerce
      .number({ error: 'must be a whole number' })
      .int('must be a whole number')
      .min(min, `must be at least ${min}`)
      .max(max, `must be at most ${max}`)
      .default(fallback),
  );

/** A share from 0 to 1. */
export const ratio = (fallback: number) => {
  const message = 'must be a number from 0 to 1';
  return field(z.coerce.number({ error: message }).min(0, message).max(1, message).default(fallback));
};

export const optionalPort = () => {
  const message = 'must be a port number';
  return field(z.coerce.number({ error: message }).int(message).min(1, message).max(65535, message).optional());
};

export const ipAddress = (fallback: string) =>
  field(
    z
      .string()
      .trim()
      .refine((value) => isIP(value) !== 0, 'must be an IP address (127.0.0.1, ::1, 0.0.0.0, ...)')
      .default(fallback),
  );

export const boolean = (fallback: boolean) =>
  field(
    z
      .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'must be true or false' })
      .default(fallback ? 'true' : 'false')
      .transform((value) => value === 'true' || value === '1' || value === 'yes'),
  );

/** One of a closed set of words, named in the message. */
export const oneOf = <const T extends readonly [string, ...string[]]>(values: T, fallback: T[number]) =>
  field(z.enum(values, { error: `must be one of ${values.join(', ')}` }).default(fallback));

export const optionalEmail = () => field(z.string().trim().email('must be an e-mail address').optional());

export const guid = () => field(z.string({ error: 'is required' }).trim().regex(GUID, 'must be a GUID'));

export const optionalGuid = () => field(z.string().trim().regex(GUID, 'must be a GUID').optional());

/** Text that must match a pattern, with a default or optional. */
export const pattern = (regex: RegExp, message: string, fallback?: string) => {
  const schema = z.string().trim().regex(regex, message);
  return field(fallback === undefined ? schema.optional() : schema.default(fallback));
};

/** A separated list without blanks and repeats (items trimmed, or as `normalise` makes them), then checked whole. */
export const list = <T extends z.ZodType<unknown, string[]>>(options: {
  separator: RegExp | string;
  fallback: string;
  check: T;
  normalise?: (item: string) => string;
}) => {
  const normalise = options.normalise ?? ((item: string) => item.trim());
  return field(
    z
      .string()
      .default(options.fallback)
      .transform((value) => [...new Set(value.split(options.separator).map(normalise).filter(Boolean))])
      .pipe(options.check),
  );
};

/** A hop count, or a list proxy-addr compiles (it throws on anything it cannot parse). */
function isTrustSetting(value: string): boolean {
  if (/^\d+$/.test(value)) return true;
  try {
    proxyAddr.compile(value.split(',').map((entry) => entry.trim()));
    return true;
  } catch {
    return false;
  }
}

export const optionalTrustSetting = () =>
  field(
    z
      .string()
      .trim()
      .refine(
        isTrustSetting,
        'must be a hop count or a comma-separated list of addresses, CIDRs or loopback/linklocal/uniquelocal',
      )
      .optional(),
  );

export const optionalPrivateJwk = () =>
  field(
    z
      .string()
      .transform((value, ctx) => {
        try {
          const parsed: unknown = JSON.parse(value);
          if (parsed && typeof parsed === 'object' && 'kty' in parsed && 'd' in parsed) {
            return parsed as Record<string, unknown>;
          }
        } catch {
          // fall through to the single issue below; never echo the key material
        }
        ctx.addIssue({ code: 'custom', message: 'must be a private JWK as JSON (with "kty" and "d")' });
        return z.NEVER;
      })
      .optional(),
  );

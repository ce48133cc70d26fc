// Reads and validates the environment once. The only module that touches process.env.
// No `server-only` here: next.config.ts imports it to check the build settings, the scripts to check theirs.
import { isIP } from 'node:net';
import proxyAddr from 'proxy-addr';
import { z } from 'zod';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NATIONAL_ID_ATTRIBUTE = /^(employeeId|extension_[0-9a-f]{32}_\w+)$/;
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

// Lowest first: lib/idporten/assurance.ts ranks logins by this order.
export const ACR_LEVELS = ['idporten-loa-substantial', 'idporten-loa-high'] as const;
export const REMOVABLE_METHOD_TYPES = [
  'microsoftAuthenticator',
  'microsoftAuthenticatorPasskey',
  'softwareOath',
  'phone',
] as const;
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export const CLIENT_ADDRESS_HEADERS = ['x-forwarded-for', 'x-real-ip'] as const;

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

// `.env` files often carry `NAME=` for "unset"; treat blank as missing so defaults apply.
const blankAsMissing = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

const requiredText = (message = 'is required') =>
  z.preprocess(blankAsMissing, z.string({ error: message }).trim().min(1, message));

const optionalText = () => z.preprocess(blankAsMissing, z.string().trim().optional());

const secret = () =>
  z.preprocess(blankAsMissing, z.string({ error: 'is required' }).min(32, 'must be at least 32 characters'));

// http is only acceptable for a stand-in on this machine; anything else must be https.
const webUrl = (fallback?: string) => {
  const schema = z
    .string({ error: 'is required' })
    .trim()
    .refine((value) => URL.canParse(value), { error: 'must be a URL', abort: true })
    .refine((value) => {
      const url = new URL(value);
      return url.protocol === 'https:' || (url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname));
    }, 'must use https (http is only allowed for localhost or 127.0.0.1)');
  return z.preprocess(blankAsMissing, fallback === undefined ? schema : schema.default(fallback));
};

const withoutTrailingSlash = (value: string) => value.replace(/\/+$/, '');

// Links the guides show when an operator sets them; unset means the guide leaves the sentence out.
const optionalWebUrl = () =>
  z.preprocess(
    blankAsMissing,
    z
      .string()
      .trim()
      .refine((value) => URL.canParse(value) && new URL(value).protocol === 'https:', 'must be an https URL')
      .optional(),
  );

// A contact people can write to: a web page (https) or an e-mail address (mailto:).
const optionalContactUrl = () =>
  z.preprocess(
    blankAsMissing,
    z
      .string()
      .trim()
      .refine(
        (value) => URL.canParse(value) && ['https:', 'mailto:'].includes(new URL(value).protocol),
        'must be an https: or mailto: URL',
      )
      .optional(),
  );

const integer = (fallback: number, min: number, max: number) =>
  z.preprocess(
    blankAsMissing,
    z.coerce
      .number({ error: 'must be a whole number' })
      .int('must be a whole number')
      .min(min, `must be at least ${min}`)
      .max(max, `must be at most ${max}`)
      .default(fallback),
  );

const flag = (fallback: boolean) =>
  z.preprocess(
    blankAsMissing,
    z
      .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'must be true or false' })
      .default(fallback ? 'true' : 'false')
      .transform((value) => value === 'true' || value === '1' || value === 'yes'),
  );

const optionalEmail = () =>
  z.preprocess(blankAsMissing, z.string().trim().email('must be an e-mail address').optional());

const guid = () =>
  z.preprocess(blankAsMissing, z.string({ error: 'is required' }).trim().regex(GUID, 'must be a GUID'));

const privateJwk = z.preprocess(
  blankAsMissing,
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

const EnvSchema = z.object({
  AUTH_SECRET: secret(),
  // Required: a forgotten origin must not quietly become localhost (cookies without Secure, wrong URLs).
  APP_ORIGIN: webUrl().refine((value) => {
    if (!URL.canParse(value)) return true; // already reported as not a URL
    const url = new URL(value);
    return url.pathname === '/' && !url.search && !url.hash;
  }, 'must be an origin (scheme, host and port only)'),
  IDPORTEN_ISSUER: webUrl(),
  IDPORTEN_CLIENT_ID: requiredText(),
  IDPORTEN_CLIENT_SECRET: optionalText(),
  IDPORTEN_PRIVATE_JWK: privateJwk,
  IDPORTEN_ACR: z.preprocess(
    blankAsMissing,
    z.enum(ACR_LEVELS, { error: `must be one of ${ACR_LEVELS.join(', ')}` }).default('idporten-loa-substantial'),
  ),
  IDPORTEN_SCOPES: z.preprocess(
    blankAsMissing,
    z
      .string()
      .default('openid')
      .transform((value) => [...new Set(value.split(/\s+/).filter(Boolean))])
      .refine((scopes) => scopes.includes('openid'), 'must contain openid'),
  ),
  ENTRA_TENANT_ID: guid(),
  ENTRA_CLIENT_ID: guid(),
  ENTRA_CLIENT_SECRET: optionalText(),
  ENTRA_CERTIFICATE_PATH: optionalText(),
  ENTRA_CERTIFICATE_THUMBPRINT: z.preprocess(
    blankAsMissing,
    z
      .string()
      .trim()
      .transform((value) => value.replace(/:/g, '').toLowerCase())
      .refine((value) => /^([0-9a-f]{40}|[0-9a-f]{64})$/.test(value), 'must be a SHA-1 or SHA-256 thumbprint in hex')
      .optional(),
  ),
  ENTRA_AUTHORITY_HOST: webUrl('https://login.microsoftonline.com').transform(withoutTrailingSlash),
  GRAPH_BASE_URL: webUrl('https://graph.microsoft.com').transform(withoutTrailingSlash),
  GRAPH_NATIONAL_ID_ATTRIBUTE: z.preprocess(
    blankAsMissing,
    z
      .string()
      .trim()
      .regex(NATIONAL_ID_ATTRIBUTE, 'must be employeeId or extension_<app id without dashes>_<name>')
      .default('employeeId'),
  ),
  RESET_METHOD_TYPES: z.preprocess(
    blankAsMissing,
    z
      .string()
      .default(REMOVABLE_METHOD_TYPES.join(','))
      .transform((value) => [
        ...new Set(
          value
            .split(',')
            .map((type) => type.trim())
            .filter(Boolean),
        ),
      ])
      .pipe(
        z
          .array(z.enum(REMOVABLE_METHOD_TYPES, { error: `must list only ${REMOVABLE_METHOD_TYPES.join(', ')}` }))
          .min(1, 'must name at least one method type'),
      ),
  ),
  RESET_MAX_LOGIN_AGE_SECONDS: integer(600, 30, 3600),
  RESET_LIMIT_PER_PERSON: integer(3, 1, 100),
  RESET_LIMIT_PER_ADDRESS: integer(20, 1, 10_000),
  // ID-porten requires clients to end idle sessions within 30 minutes.
  SESSION_MAX_IDLE_SECONDS: integer(1800, 60, 1800),
  DATABASE_URL: z.preprocess(
    blankAsMissing,
    z
      .string()
      // Not URL.canParse: a Unix-socket URL (postgres://user@/db?host=/var/run/postgresql) has no host part.
      .refine((value) => /^postgres(ql)?:\/\/[^\s]*$/.test(value), 'must be a postgres:// URL')
      .optional(),
  ),
  PGLITE_DIR: z.preprocess(blankAsMissing, z.string().default('./data/pglite')),
  RECORDS_HMAC_KEY: secret(),
  LOG_LEVEL: z.preprocess(
    blankAsMissing,
    z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }).default('info'),
  ),
  SERVICE_DESK_URL: webUrl('https://www.oslomet.no/'),
  // Only for the end-to-end tests of the error page: /<locale>/error-probe throws when this is "on".
  ERROR_PROBE: z.preprocess(blankAsMissing, z.enum(['on', 'off'], { error: 'must be on or off' }).default('off')),
  // Where browsers report CSP violations (report-uri and report-to); unset sends no reports.
  CSP_REPORT_URI: z.preprocess(blankAsMissing, webUrl().optional()),
  // Temporary Access Pass after a reset that removed everything removable (lib/reset/temporary-access-pass.ts).
  TAP_ENABLED: flag(false),
  // Graph accepts 10..43200; the tenant's TAP policy narrows it (Entra's default policy: 60..480).
  TAP_LIFETIME_MINUTES: integer(60, 10, 43200),
  TAP_USABLE_ONCE: flag(true),
  // Service mailbox the notices are sent from (Graph sendMail); unset switches the notice off.
  NOTICE_SENDER: optionalEmail(),
  // The service desk's contact in the notice ("was this not you?"); the e-mail leaves out what is unset.
  SERVICE_DESK_EMAIL: optionalEmail(),
  SERVICE_DESK_PHONE: z.preprocess(
    blankAsMissing,
    z
      .string()
      .trim()
      .regex(/^\+?[0-9 ]{3,20}$/, 'must be a phone number (digits, spaces, optional +)')
      .optional(),
  ),
  // The service desk console (issue 10): staff login with Entra ID; unset CONSOLE_ENTRA_ISSUER switches it off.
  CONSOLE_ENTRA_ISSUER: z.preprocess(blankAsMissing, webUrl().optional()),
  CONSOLE_CLIENT_ID: z.preprocess(blankAsMissing, z.string().trim().regex(GUID, 'must be a GUID').optional()),
  CONSOLE_CLIENT_SECRET: optionalText(),
  CONSOLE_SESSION_MAX_AGE_SECONDS: integer(8 * 3600, 300, 12 * 3600),
  CONSOLE_RESET_MAX_LOGIN_AGE_SECONDS: integer(15 * 60, 60, 3600),
  CONSOLE_RESET_LIMIT_PER_AGENT: integer(20, 1, 1000),
  CONSOLE_PROTECTED_GROUP_IDS: z.preprocess(
    blankAsMissing,
    z
      .string()
      .default('')
      .transform((value) => [
        ...new Set(
          value
            .split(',')
            .map((id) => id.trim().toLowerCase())
            .filter(Boolean),
        ),
      ])
      .pipe(
        z
          .array(z.string().regex(GUID, 'must list group object ids (GUIDs), comma-separated'))
          .max(20, 'at most 20 groups (one checkMemberGroups call)'),
      ),
  ),
  // Enables the operators' audit lookup (POST /api/ops/records); unset keeps it switched off.
  OPS_API_TOKEN: z.preprocess(blankAsMissing, z.string().min(32, 'must be at least 32 characters').optional()),
  // Prometheus metrics on a listener of their own (lib/metrics/server.ts); unset METRICS_PORT switches them off.
  METRICS_PORT: z.preprocess(
    blankAsMissing,
    z.coerce
      .number({ error: 'must be a port number' })
      .int('must be a port number')
      .min(1, 'must be a port number')
      .max(65535, 'must be a port number')
      .optional(),
  ),
  // Loopback by default: only something on this host (a Prometheus agent, a sidecar) can read them.
  METRICS_HOST: z.preprocess(
    blankAsMissing,
    z
      .string()
      .trim()
      .refine((value) => isIP(value) !== 0, 'must be an IP address (127.0.0.1, ::1, 0.0.0.0, ...)')
      .default('127.0.0.1'),
  ),
  // Bearer token Prometheus must send (authorization: credentials); required unless METRICS_HOST is loopback.
  METRICS_TOKEN: z.preprocess(blankAsMissing, z.string().min(32, 'must be at least 32 characters').optional()),
  // OpenTelemetry traces over OTLP/HTTP (JSON) to this collector; unset exports nothing. Base URL: /v1/traces is added.
  OTEL_EXPORTER_OTLP_ENDPOINT: z.preprocess(blankAsMissing, webUrl().optional()),
  // Share of plain public page views (guides, home, static files) that are traced; everything else always is
  // (lib/tracing/sampler.ts). 0.01 = one in a hundred; 1 = all.
  OTEL_TRACES_GUIDE_RATIO: z.preprocess(
    blankAsMissing,
    z.coerce
      .number({ error: 'must be a number from 0 to 1' })
      .min(0, 'must be a number from 0 to 1')
      .max(1, 'must be a number from 0 to 1')
      .default(0.01),
  ),
  OTEL_SERVICE_NAME: z.preprocess(
    blankAsMissing,
    z
      .string()
      .trim()
      .regex(/^[\w.-]{1,64}$/, 'must be 1-64 letters, digits, dots, dashes or underscores')
      .default('tofaktor'),
  ),
  // Who may tell us the client's address: proxy-addr's trust list (addresses, CIDRs, loopback/linklocal/
  // uniquelocal) or a hop count. Unset: nobody, the socket's peer is the client.
  TRUSTED_PROXIES: z.preprocess(
    blankAsMissing,
    z
      .string()
      .trim()
      .refine(
        isTrustSetting,
        'must be a hop count or a comma-separated list of addresses, CIDRs or loopback/linklocal/uniquelocal',
      )
      .optional(),
  ),
  // Which header a trusted proxy puts the client's address in.
  CLIENT_ADDRESS_HEADER: z.preprocess(
    blankAsMissing,
    z
      .enum(CLIENT_ADDRESS_HEADERS, { error: `must be one of ${CLIENT_ADDRESS_HEADERS.join(', ')}` })
      .default('x-forwarded-for'),
  ),
  // The keyed hash of a national id is still pseudonymous personal data: records go after ~13 months.
  RECORDS_RETENTION_DAYS: integer(396, 1, 3650),
  // How long SIGTERM waits for requests in flight (a reset half-way) before the process gives up.
  SHUTDOWN_TIMEOUT_SECONDS: integer(25, 1, 600),
  // The site's public origin as search engines should know it: the prerendered pages' canonical and hreflang
  // links are absolute on it. Public and the same in every environment, so a build setting with a default; the
  // server reports at start when APP_ORIGIN is another origin (lib/startup.ts).
  PUBLIC_ORIGIN: webUrl('https://tofaktor.oslomet.no')
    .refine((value) => !URL.canParse(value) || new URL(value).pathname === '/', 'must be an origin (no path)')
    .transform((value) => (URL.canParse(value) ? new URL(value).origin : value)),
  // Facts the guides state; none is invented when unset (see README, "What the guides say").
  RESET_ADDRESS: webUrl('https://tofaktor.oslomet.no').transform(withoutTrailingSlash),
  VIDEO_GUIDE_URL: optionalWebUrl(),
  SERVICE_DESK_VISITING_ADDRESS: optionalText(),
  SERVICE_DESK_OPENING_HOURS: optionalText(),
  ACCESSIBILITY_FEEDBACK_URL: optionalContactUrl(),
  UUSTATUS_URL: optionalWebUrl(),
});

type Env = z.output<typeof EnvSchema>;
type RawEnv = Record<string, string | undefined>;

// Rules across variables read the raw strings, so they are reported even when other variables are broken.
function crossFieldProblems(raw: RawEnv): [variable: string, message: string][] {
  const has = (name: string) => blankAsMissing(raw[name]) !== undefined;
  const problems: [string, string][] = [];

  if (has('IDPORTEN_CLIENT_SECRET') && has('IDPORTEN_PRIVATE_JWK')) {
    problems.push(['IDPORTEN_PRIVATE_JWK', 'set either IDPORTEN_CLIENT_SECRET or IDPORTEN_PRIVATE_JWK, not both']);
  } else if (!has('IDPORTEN_CLIENT_SECRET') && !has('IDPORTEN_PRIVATE_JWK')) {
    problems.push(['IDPORTEN_CLIENT_SECRET', 'set either IDPORTEN_CLIENT_SECRET or IDPORTEN_PRIVATE_JWK']);
  }

  const hasCertificatePart = has('ENTRA_CERTIFICATE_PATH') || has('ENTRA_CERTIFICATE_THUMBPRINT');
  if (has('ENTRA_CLIENT_SECRET') && hasCertificatePart) {
    problems.push(['ENTRA_CLIENT_SECRET', 'set either ENTRA_CLIENT_SECRET or the certificate pair, not both']);
  } else if (!has('ENTRA_CLIENT_SECRET') && !hasCertificatePart) {
    problems.push([
      'ENTRA_CLIENT_SECRET',
      'set ENTRA_CLIENT_SECRET or ENTRA_CERTIFICATE_PATH + ENTRA_CERTIFICATE_THUMBPRINT',
    ]);
  } else if (!has('ENTRA_CLIENT_SECRET')) {
    if (!has('ENTRA_CERTIFICATE_PATH')) {
      problems.push(['ENTRA_CERTIFICATE_PATH', 'is required with ENTRA_CERTIFICATE_THUMBPRINT']);
    }
    if (!has('ENTRA_CERTIFICATE_THUMBPRINT')) {
      problems.push(['ENTRA_CERTIFICATE_THUMBPRINT', 'is required with ENTRA_CERTIFICATE_PATH']);
    }
  }
  if (has('CONSOLE_ENTRA_ISSUER')) {
    if (!has('CONSOLE_CLIENT_ID')) problems.push(['CONSOLE_CLIENT_ID', 'is required with CONSOLE_ENTRA_ISSUER']);
    if (!has('CONSOLE_CLIENT_SECRET'))
      problems.push(['CONSOLE_CLIENT_SECRET', 'is required with CONSOLE_ENTRA_ISSUER']);
  }
  if (
    has('METRICS_PORT') &&
    !has('METRICS_TOKEN') &&
    !isLoopback(String(blankAsMissing(raw.METRICS_HOST) ?? '127.0.0.1').trim())
  ) {
    problems.push(['METRICS_TOKEN', 'is required when METRICS_HOST is not a loopback address']);
  }
  return problems;
}

const isLoopback = (address: string) => /^127\./.test(address) || address === '::1' || address === '::ffff:127.0.0.1';

function toConfig(env: Env) {
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
    entra: {
      tenantId: env.ENTRA_TENANT_ID.toLowerCase(),
      clientId: env.ENTRA_CLIENT_ID.toLowerCase(),
      authorityHost: env.ENTRA_AUTHORITY_HOST,
      credential: env.ENTRA_CLIENT_SECRET
        ? { kind: 'secret' as const, secret: env.ENTRA_CLIENT_SECRET }
        : {
            kind: 'certificate' as const,
            // crossFieldProblems guarantees both are present when there is no secret
            path: env.ENTRA_CERTIFICATE_PATH ?? '',
            thumbprint: env.ENTRA_CERTIFICATE_THUMBPRINT ?? '',
          },
    },
    graph: { baseUrl: env.GRAPH_BASE_URL, nationalIdAttribute: env.GRAPH_NATIONAL_ID_ATTRIBUTE },
    reset: {
      methodTypes: env.RESET_METHOD_TYPES,
      maxLoginAgeSeconds: env.RESET_MAX_LOGIN_AGE_SECONDS,
      limitPerPerson: env.RESET_LIMIT_PER_PERSON,
      limitPerAddress: env.RESET_LIMIT_PER_ADDRESS,
    },
    records: { databaseUrl: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR, hmacKey: env.RECORDS_HMAC_KEY },
    session: { maxIdleSeconds: env.SESSION_MAX_IDLE_SECONDS },
    log: { level: env.LOG_LEVEL },
    serviceDeskUrl: env.SERVICE_DESK_URL,
    ops: { apiToken: env.OPS_API_TOKEN },
    metrics: { port: env.METRICS_PORT, host: env.METRICS_HOST, token: env.METRICS_TOKEN },
    traces: {
      // Unset: no tracer provider at all, so nothing is exported and nothing tries to.
      endpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT ? withoutTrailingSlash(env.OTEL_EXPORTER_OTLP_ENDPOINT) : undefined,
      serviceName: env.OTEL_SERVICE_NAME,
      guideRatio: env.OTEL_TRACES_GUIDE_RATIO,
    },
    security: { cspReportUri: env.CSP_REPORT_URI },
    testing: { errorProbe: env.ERROR_PROBE === 'on' },
    clientAddress: { trustedProxies: env.TRUSTED_PROXIES, header: env.CLIENT_ADDRESS_HEADER },
    retention: { recordsDays: env.RECORDS_RETENTION_DAYS },
    shutdown: { timeoutSeconds: env.SHUTDOWN_TIMEOUT_SECONDS },
    tap: { enabled: env.TAP_ENABLED, lifetimeMinutes: env.TAP_LIFETIME_MINUTES, usableOnce: env.TAP_USABLE_ONCE },
    notice: {
      senderMailbox: env.NOTICE_SENDER,
      serviceDesk: { url: env.SERVICE_DESK_URL, email: env.SERVICE_DESK_EMAIL, phone: env.SERVICE_DESK_PHONE },
    },
    guides: {
      resetAddress: env.RESET_ADDRESS,
      videoGuideUrl: env.VIDEO_GUIDE_URL,
      serviceDeskVisitingAddress: env.SERVICE_DESK_VISITING_ADDRESS,
      serviceDeskOpeningHours: env.SERVICE_DESK_OPENING_HOURS,
      accessibilityFeedbackUrl: env.ACCESSIBILITY_FEEDBACK_URL,
      uustatusUrl: env.UUSTATUS_URL,
    },
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

export type Config = ReturnType<typeof toConfig>;
export type AcrLevel = (typeof ACR_LEVELS)[number];
export type RemovableMethodType = (typeof REMOVABLE_METHOD_TYPES)[number];
export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

/** Validates an environment; one problem line per bad variable, never echoing values. */
export function parseConfig(env: Record<string, string | undefined>): ConfigResult {
  const result = EnvSchema.safeParse(env);
  const issues: [string, string][] = result.success
    ? []
    : result.error.issues.map((issue) => [String(issue.path[0] ?? 'environment'), issue.message]);
  issues.push(...crossFieldProblems(env));
  if (result.success && issues.length === 0) return { ok: true, config: toConfig(result.data) };

  const byVariable = new Map<string, string[]>();
  for (const [variable, message] of issues) {
    const messages = byVariable.get(variable) ?? [];
    if (!messages.includes(message)) messages.push(message);
    byVariable.set(variable, messages);
  }
  return {
    ok: false,
    problems: [...byVariable].map(([variable, messages]) => `${variable}: ${messages.join('; ')}`),
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(formatProblems(problems));
    this.name = 'ConfigError';
  }
}

export function formatProblems(problems: string[]): string {
  return ['Invalid configuration:', ...problems.map((problem) => `  - ${problem}`)].join('\n');
}

let cached: Config | undefined;

export function getConfig(): Config {
  if (cached) return cached;
  const result = parseConfig(process.env);
  if (!result.ok) throw new ConfigError(result.problems);
  cached = result.config;
  return cached;
}

// What `next build` needs: the settings baked into prerendered guides. Public, not environment-specific (the
// same service desk and login level serve test and production), with defaults, so a build needs no environment
// at all. Changing one of them means building again (README, "Running in production").
// Everything else, secrets and APP_ORIGIN included, is read when the server starts (instrumentation.ts).
const BuildEnvSchema = EnvSchema.pick({
  PUBLIC_ORIGIN: true,
  SERVICE_DESK_URL: true,
  // The guides say which eIDs work, and that follows the login level the site requires.
  IDPORTEN_ACR: true,
  RESET_ADDRESS: true,
  VIDEO_GUIDE_URL: true,
  SERVICE_DESK_VISITING_ADDRESS: true,
  SERVICE_DESK_OPENING_HOURS: true,
  ACCESSIBILITY_FEEDBACK_URL: true,
  UUSTATUS_URL: true,
});
type BuildEnv = z.output<typeof BuildEnvSchema>;

function toBuildSettings(env: BuildEnv) {
  return {
    publicOrigin: env.PUBLIC_ORIGIN,
    serviceDeskUrl: env.SERVICE_DESK_URL,
    idportenAcr: env.IDPORTEN_ACR,
    guides: {
      resetAddress: env.RESET_ADDRESS,
      videoGuideUrl: env.VIDEO_GUIDE_URL,
      serviceDeskVisitingAddress: env.SERVICE_DESK_VISITING_ADDRESS,
      serviceDeskOpeningHours: env.SERVICE_DESK_OPENING_HOURS,
      accessibilityFeedbackUrl: env.ACCESSIBILITY_FEEDBACK_URL,
      uustatusUrl: env.UUSTATUS_URL,
    },
  };
}

export type BuildSettings = ReturnType<typeof toBuildSettings>;
export type BuildSettingsResult = { ok: true; settings: BuildSettings } | { ok: false; problems: string[] };

export function parseBuildSettings(env: Record<string, string | undefined>): BuildSettingsResult {
  const result = BuildEnvSchema.safeParse(env);
  if (result.success) return { ok: true, settings: toBuildSettings(result.data) };
  return { ok: false, problems: result.error.issues.map((issue) => `${String(issue.path[0])}: ${issue.message}`) };
}

/** For prerendered pages: only the build settings, so rendering a guide never needs a secret. */
let cachedBuildSettings: BuildSettings | undefined;

export function getBuildSettings(): BuildSettings {
  if (cachedBuildSettings) return cachedBuildSettings;
  const result = parseBuildSettings(process.env);
  if (!result.ok) throw new ConfigError(result.problems);
  cachedBuildSettings = result.settings;
  return cachedBuildSettings;
}

// What the maintenance scripts (`npm run db:migrate`, `npm run records:prune`) need: the database, no secrets.
const MaintenanceEnvSchema = EnvSchema.pick({ DATABASE_URL: true, PGLITE_DIR: true, RECORDS_RETENTION_DAYS: true });

export type MaintenanceSettings = { databaseUrl: string | undefined; pgliteDir: string; retentionDays: number };

export function parseMaintenanceSettings(
  env: Record<string, string | undefined>,
): { ok: true; settings: MaintenanceSettings } | { ok: false; problems: string[] } {
  const result = MaintenanceEnvSchema.safeParse(env);
  if (!result.success) {
    return { ok: false, problems: result.error.issues.map((issue) => `${String(issue.path[0])}: ${issue.message}`) };
  }
  const { DATABASE_URL, PGLITE_DIR, RECORDS_RETENTION_DAYS } = result.data;
  return {
    ok: true,
    settings: { databaseUrl: DATABASE_URL, pgliteDir: PGLITE_DIR, retentionDays: RECORDS_RETENTION_DAYS },
  };
}

/** The logger needs a level even when the rest of the configuration is broken (to report it). */
export function readLogLevel(env: Record<string, string | undefined> = process.env): Config['log']['level'] {
  const parsed = EnvSchema.shape.LOG_LEVEL.safeParse(env.LOG_LEVEL);
  return parsed.success ? parsed.data : 'info';
}

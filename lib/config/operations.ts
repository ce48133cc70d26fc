// Running an instance: the records database, the operators' lookup, proxies in front, shutdown and test switches.
import { z } from 'zod';
import { field, integer, oneOf, optionalSecret, optionalTrustSetting, optionalWebUrl, secret } from './fields';
import type { Env } from './schema';

export const CLIENT_ADDRESS_HEADERS = ['x-forwarded-for', 'x-real-ip'] as const;

export const operationsShape = {
  DATABASE_URL: field(
    z
      .string()
      // Not URL.canParse: a Unix-socket URL (postgres://user@/db?host=/var/run/postgresql) has no host part.
      .refine((value) => /^postgres(ql)?:\/\/[^\s]*$/.test(value), 'must be a postgres:// URL')
      .optional(),
  ),
  PGLITE_DIR: field(z.string().default('./data/pglite')),
  RECORDS_HMAC_KEY: secret(),
  // The keyed hash of a national id is still pseudonymous personal data: records go after ~13 months.
  RECORDS_RETENTION_DAYS: integer(396, 1, 3650),
  // Only for the end-to-end tests of the error page: /<locale>/error-probe throws when this is "on".
  ERROR_PROBE: field(z.enum(['on', 'off'], { error: 'must be on or off' }).default('off')),
  // Where browsers report CSP violations (report-uri and report-to); unset sends no reports.
  CSP_REPORT_URI: optionalWebUrl(),
  // Enables the operators' audit lookup (POST /api/ops/records); unset keeps it switched off.
  OPS_API_TOKEN: optionalSecret(),
  // Who may tell us the client's address: proxy-addr's trust list (addresses, CIDRs, loopback/linklocal/
  // uniquelocal) or a hop count. Unset: nobody, the socket's peer is the client.
  TRUSTED_PROXIES: optionalTrustSetting(),
  // Which header a trusted proxy puts the client's address in.
  CLIENT_ADDRESS_HEADER: oneOf(CLIENT_ADDRESS_HEADERS, 'x-forwarded-for'),
  // How long SIGTERM waits for requests in flight (a reset half-way) before the process gives up.
  SHUTDOWN_TIMEOUT_SECONDS: integer(25, 1, 600),
  // An attempt whose intent is older than this and still in progress belongs to an instance that died: recovery
  // reconciles it with Graph. Longer than any live attempt can take (Graph's retries are capped well below it).
  RECOVERY_AFTER_SECONDS: integer(300, 2, 86_400),
  // How often one instance (under an advisory lock) looks for such attempts; also once at start.
  RECOVERY_INTERVAL_SECONDS: integer(60, 1, 3_600),
};

export function operationsSettings(env: Env) {
  return {
    records: { databaseUrl: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR, hmacKey: env.RECORDS_HMAC_KEY },
    ops: { apiToken: env.OPS_API_TOKEN },
    security: { cspReportUri: env.CSP_REPORT_URI },
    testing: { errorProbe: env.ERROR_PROBE === 'on' },
    clientAddress: { trustedProxies: env.TRUSTED_PROXIES, header: env.CLIENT_ADDRESS_HEADER },
    retention: { recordsDays: env.RECORDS_RETENTION_DAYS },
    shutdown: { timeoutSeconds: env.SHUTDOWN_TIMEOUT_SECONDS },
    recovery: { afterSeconds: env.RECOVERY_AFTER_SECONDS, intervalSeconds: env.RECOVERY_INTERVAL_SECONDS },
  };
}

// The site's environment against the local stand-ins: used by `npm run demo` and the end-to-end tests.
// Every value is synthetic and only works against dev/idporten and dev/graph.
import {
  DEFAULT_APP_ORIGIN,
  ENTRA_CLIENT_ID,
  ENTRA_CLIENT_SECRET,
  ENTRA_TENANT_ID,
  GRAPH_DEFAULT_PORT,
  IDPORTEN_CLIENT_ID,
  IDPORTEN_CLIENT_SECRET,
  IDPORTEN_DEFAULT_PORT,
  NOTICE_SENDER_MAILBOX,
  CONSOLE_CLIENT_ID,
  CONSOLE_CLIENT_SECRET,
  ENTRA_STANDIN_DEFAULT_PORT,
  PROTECTED_GROUP_IDS,
} from './credentials';

export function localSiteEnv(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    APP_ORIGIN: DEFAULT_APP_ORIGIN,
    // Public origin of a local build (a build setting: npm run demo builds with this environment).
    PUBLIC_ORIGIN: DEFAULT_APP_ORIGIN,
    AUTH_SECRET: 'local-auth-secret-for-the-stand-ins-only-0123456789',
    IDPORTEN_ISSUER: `http://127.0.0.1:${IDPORTEN_DEFAULT_PORT}`,
    IDPORTEN_CLIENT_ID,
    IDPORTEN_CLIENT_SECRET,
    IDPORTEN_ACR: 'idporten-loa-substantial',
    ENTRA_TENANT_ID,
    ENTRA_CLIENT_ID,
    ENTRA_CLIENT_SECRET,
    ENTRA_AUTHORITY_HOST: `http://127.0.0.1:${GRAPH_DEFAULT_PORT}`,
    GRAPH_BASE_URL: `http://127.0.0.1:${GRAPH_DEFAULT_PORT}`,
    GRAPH_NATIONAL_ID_ATTRIBUTE: 'employeeId',
    RECORDS_HMAC_KEY: 'local-records-hmac-key-for-the-stand-ins-only-0123',
    PGLITE_DIR: './data/pglite',
    // The whole reset against the stand-in: a pass after a full reset, a notice after every removal
    // (captured by the Graph stand-in: http://127.0.0.1:4020/mail).
    TAP_ENABLED: 'true',
    TAP_LIFETIME_MINUTES: '60',
    TAP_USABLE_ONCE: 'true',
    NOTICE_SENDER: NOTICE_SENDER_MAILBOX,
    // The service desk console against the Entra ID stand-in (dev/entra).
    CONSOLE_ENTRA_ISSUER: `http://127.0.0.1:${ENTRA_STANDIN_DEFAULT_PORT}/${ENTRA_TENANT_ID}/v2.0`,
    CONSOLE_CLIENT_ID,
    CONSOLE_CLIENT_SECRET,
    CONSOLE_PROTECTED_GROUP_IDS: PROTECTED_GROUP_IDS.join(','),
    ...overrides,
  };
}

// The one place that decides the site's security headers: CSP, framing, transport, isolation.
// Every response gets them — pages through proxy.ts, everything else through next.config.ts.
// No `server-only` here: proxy.ts imports this module, and Next builds the proxy without the
// react-server condition that package relies on.
import { createHash } from 'node:crypto';

/** How the page's inline scripts are allowed: by a per-request nonce (dynamic pages) or by hashes (prerendered). */
export type ScriptPolicy = { nonce: string } | { hashes: readonly string[] };

export type SecurityHeaderOptions = {
  /** The site's public origin; https switches on HSTS and upgrade-insecure-requests. */
  appOrigin: string;
  /** Origins outside the site that forms post or redirect to (ID-porten's login and logout endpoints). */
  formActionOrigins: readonly string[];
  scripts: ScriptPolicy;
  /**
   * Who may put the response in a frame: nobody, except ID-porten for its front-channel logout, which
   * loads that one endpoint in a hidden iframe on its own logout page.
   */
  frameAncestors?: readonly string[];
  /** Where browsers send CSP violation reports; unset sends none. */
  reportUri?: string;
  /** `next dev` needs eval for React's debugging aids; never in a production build. */
  development?: boolean;
};

// Chromium's and Safari's DevTools warn about features they do not know; this list stays with the common ones.
const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'camera=()',
  'geolocation=()',
  'gyroscope=()',
  'magnetometer=()',
  'microphone=()',
  'payment=()',
  'usb=()',
  'browsing-topics=()',
].join(', ');

const REPORT_GROUP = 'csp';
// For browsers without CSP frame-ancestors; it cannot name an allowed origin, so it is left off where one may frame.
const FRAME_DENIAL = { 'X-Frame-Options': 'DENY' } as const;

/** The logout hand-over page's only script, which posts the hidden form to ID-porten (app/api/auth/idporten-logout). */
export const LOGOUT_AUTOSUBMIT_SCRIPT = 'document.forms[0].submit()';

function scriptSources(scripts: ScriptPolicy, development: boolean): string[] {
  const sources =
    'nonce' in scripts
      ? // strict-dynamic lets the nonced bootstrap load the framework's chunks; 'self' is for CSP2 browsers.
        [`'nonce-${scripts.nonce}'`, "'strict-dynamic'", "'self'"]
      : ["'self'", ...scripts.hashes.map((hash) => `'${hash}'`)];
  return development ? [...sources, "'unsafe-eval'"] : sources;
}

export function contentSecurityPolicy(options: SecurityHeaderOptions): string {
  const https = options.appOrigin.startsWith('https://');
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    ['script-src', ...scriptSources(options.scripts, options.development ?? false)],
    ['style-src', "'self'"],
    ['img-src', "'self'", 'data:'],
    ['font-src', "'self'"],
    ['connect-src', "'self'"],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['frame-ancestors', ...(options.frameAncestors?.length ? options.frameAncestors : ["'none'"])],
    // Chromium checks form-action on the redirect after a form post: the login and logout forms end at ID-porten.
    ['form-action', "'self'", ...options.formActionOrigins],
  ];
  if (https) directives.push(['upgrade-insecure-requests']);
  if (options.reportUri) directives.push(['report-uri', options.reportUri], ['report-to', REPORT_GROUP]);
  return directives.map((parts) => parts.join(' ')).join('; ');
}

/** The one path ID-porten may frame (its front-channel logout); see `frameAncestors`. */
export const FRAMEABLE_BY_IDPORTEN = '/api/auth/frontchannel-logout';

/** Headers that do not depend on the page; also applied by next.config.ts to files the proxy never sees. */
export function staticSecurityHeaders(): { 'X-Frame-Options': string } & Record<string, string> {
  return {
    ...FRAME_DENIAL,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': PERMISSIONS_POLICY,
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}

export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  const headers: Record<string, string> = {
    ...staticSecurityHeaders(),
    'Content-Security-Policy': contentSecurityPolicy(options),
  };
  if (options.frameAncestors?.length) delete headers['X-Frame-Options'];
  if (options.appOrigin.startsWith('https://')) {
    headers['Strict-Transport-Security'] = 'max-age=63072000; includeSubDomains';
  }
  if (options.reportUri) headers['Reporting-Endpoints'] = `${REPORT_GROUP}="${options.reportUri}"`;
  return headers;
}

/** The CSP source expression for a script's text: `sha256-<base64>`. */
export function scriptHash(text: string): string {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

// The console's own Auth.js instance: staff log in with Entra ID (OpenID Connect). Its own base path, cookie names,
// key and lifetime, so it shares nothing with the ID-porten login of lib/auth/idporten.ts: neither session can be read as the other.
import 'server-only';
import { createHmac } from 'node:crypto';
import NextAuth, { type NextAuthConfig } from 'next-auth';
import type { OIDCConfig } from 'next-auth/providers';
import { getConfig, type Config } from '@/lib/config';
import { getPathname } from '@/lib/i18n/navigation';
import { isLocale, routing, type Locale } from '@/lib/i18n/routing';
import { securityEvent } from '@/lib/log';
import { handlersOnAppOrigin, serverActionsOnAppOrigin } from '@/lib/auth/on-app-origin';
import { judgeStaffLogin, StaffClaimsSchema, type LoginRefusal } from '@/lib/console/console-token';
import { getConsoleSessionStore } from '@/lib/wiring/root';

export const STAFF_AUTH_BASE_PATH = '/api/staff-auth';
export const STAFF_PROVIDER_ID = 'entra';

/** The session cookie's name; `__Host-` on https pins it to this host and path /. */
export function consoleCookieName(secure: boolean): string {
  return `${secure ? '__Host-' : ''}tofaktor-console-session`;
}

/** A key of its own, derived from AUTH_SECRET for this purpose only (Auth.js also salts with the cookie name). */
export function consoleSecret(authSecret: string): string {
  return createHmac('sha256', authSecret).update('tofaktor service desk console session').digest('base64url');
}

function cookies(secure: boolean): NextAuthConfig['cookies'] {
  const options = (path: string) => ({ httpOnly: true, sameSite: 'lax' as const, path, secure });
  // The login's own cookies live under the staff login's path, so `__Host-` cannot apply; `__Secure-` does.
  const flow = (name: string) => ({
    name: `${secure ? '__Secure-' : ''}tofaktor-console-${name}`,
    options: options(STAFF_AUTH_BASE_PATH),
  });
  return {
    sessionToken: { name: consoleCookieName(secure), options: options('/') },
    callbackUrl: flow('callback-url'),
    csrfToken: flow('csrf'),
    pkceCodeVerifier: flow('pkce'),
    state: flow('state'),
    nonce: flow('nonce'),
  };
}

function entraProvider(config: Config): OIDCConfig<Record<string, unknown>> {
  return {
    id: STAFF_PROVIDER_ID,
    name: 'Microsoft Entra ID',
    type: 'oidc',
    issuer: config.console.issuer,
    clientId: config.console.clientId,
    clientSecret: config.console.clientSecret,
    checks: ['pkce', 'state', 'nonce'],
    authorization: { params: { scope: 'openid profile' } },
    client: { token_endpoint_auth_method: 'client_secret_basic' },
    profile: (claims) => ({ id: String(claims.oid ?? claims.sub) }),
  } as OIDCConfig<Record<string, unknown>>;
}

/** The language the member of staff started the login in: the locale of the callback URL the sign-in action set. */
function localeOfLogin(request: Request | undefined): Locale {
  const cookie = request?.headers.get('cookie') ?? '';
  const match = /(?:^|;\s*)(?:__Secure-)?tofaktor-console-callback-url=([^;]+)/.exec(cookie);
  if (!match?.[1]) return routing.defaultLocale;
  try {
    const first = new URL(decodeURIComponent(match[1]), 'http://x').pathname.split('/')[1];
    return isLocale(first) ? first : routing.defaultLocale;
  } catch {
    return routing.defaultLocale;
  }
}

export function forbiddenPath(locale: Locale, reason: LoginRefusal | 'role' | 'login-failed'): string {
  return `${getPathname({ locale, href: '/servicedesk/forbidden' })}?reason=${reason}`;
}

function staffAuthConfig(request: Request | undefined): NextAuthConfig {
  const config = getConfig();
  const secure = config.appOrigin.startsWith('https://');
  const locale = localeOfLogin(request);
  const refusalPage = getPathname({ locale, href: '/servicedesk/forbidden' });
  return {
    basePath: STAFF_AUTH_BASE_PATH,
    secret: consoleSecret(config.auth.secret),
    // Required by Auth.js's host check; the host is not taken from the request anyway (lib/auth/on-app-origin.ts).
    trustHost: true,
    useSecureCookies: secure,
    cookies: cookies(secure),
    providers: config.console.enabled ? [entraProvider(config)] : [],
    // An absolute lifetime: the cookie is only rewritten by the callback, never extended by use.
    session: { strategy: 'jwt', maxAge: config.console.sessionMaxAgeSeconds, updateAge: 0 },
    // Auth.js sends a failed login (cancelled or refused at Entra ID: its sign-in page; anything else: its error
    // page) on with `?error=…` appended, so both are the refusal page, without a query of its own; that page
    // reads an `error` parameter as a failed login and offers to sign in again.
    pages: { signIn: refusalPage, error: refusalPage },
    callbacks: {
      signIn({ account, profile }) {
        if (account?.provider !== STAFF_PROVIDER_ID || !profile) return false;
        const claims = StaffClaimsSchema.safeParse(profile);
        if (!claims.success) {
          securityEvent('console.login-refused', { reason: 'invalid-claims' });
          return forbiddenPath(locale, 'login-failed');
        }
        const verdict = judgeStaffLogin(claims.data, config.entra.tenantId);
        if (!verdict.ok) {
          // No session is made: the refusal page explains, and nothing else of the console opens.
          securityEvent('console.login-refused', { reason: verdict.reason, agentId: claims.data.oid });
          return forbiddenPath(locale, verdict.reason);
        }
        return true;
      },
      async jwt({ token, account, profile }) {
        if (!account || !profile) return token;
        const verdict = judgeStaffLogin(StaffClaimsSchema.parse(profile), config.entra.tenantId);
        if (!verdict.ok) throw new Error('refused login reached the jwt callback');
        // The session's record: it ends at sign-out, and in any case at the lifetime counted from the Entra login.
        const expiresAt = new Date((verdict.token.authTime + config.console.sessionMaxAgeSeconds) * 1000);
        const sid = await (await getConsoleSessionStore()).startSession(verdict.token.oid, expiresAt);
        securityEvent('console.login', { agentId: verdict.token.oid, roles: verdict.token.roles.join(',') });
        return { ...verdict.token, sid };
      },
      session({ session }) {
        return { expires: session.expires, user: {} } as typeof session;
      },
    },
  };
}

export const staffHandlers = handlersOnAppOrigin(NextAuth((request) => staffAuthConfig(request)).handlers);
export const { signIn: staffSignIn, signOut: staffSignOut } = serverActionsOnAppOrigin(
  () => staffAuthConfig(undefined),
  STAFF_AUTH_BASE_PATH,
);

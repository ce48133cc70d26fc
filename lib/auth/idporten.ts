// Auth.js configuration: ID-porten as a generic OpenID Connect provider, short encrypted sessions,
// and the checks that decide whether a login may become a session at all.
import NextAuth, { type NextAuthConfig } from 'next-auth';
import type { OIDCConfig } from 'next-auth/providers';
import { getConfig, type Config } from '@/lib/config';
import { getPathname } from '@/lib/i18n/navigation';
import { isLocale, routing } from '@/lib/i18n/routing';
import { meetsAssurance } from '@/lib/idporten/assurance';
import { IdportenClaimsSchema, lacksNationalId } from '@/lib/idporten/claims';
import { securityEvent } from '@/lib/log';
import { recordLoginRefusal } from '@/lib/session/login-records';
import { handlersOnAppOrigin, serverActionsOnAppOrigin } from '@/lib/auth/on-app-origin';
import { LOGIN_ERROR_PAGE } from '@/lib/session/login-error-page';
import { SessionTokenSchema } from '@/lib/session/session-token';

async function importPrivateJwk(jwk: Record<string, unknown>) {
  const key = await crypto.subtle.importKey(
    'jwk',
    jwk as JsonWebKey,
    { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  return { key, kid: typeof jwk.kid === 'string' ? jwk.kid : undefined };
}

async function idportenProvider(config: Config): Promise<OIDCConfig<Record<string, unknown>>> {
  const { idporten } = config;
  const privateKey = idporten.privateJwk ? await importPrivateJwk(idporten.privateJwk) : undefined;
  return {
    id: 'idporten',
    name: 'ID-porten',
    type: 'oidc',
    issuer: idporten.issuer,
    clientId: idporten.clientId,
    clientSecret: idporten.clientSecret,
    // Auth.js checks only PKCE by default; ID-porten clients must also check state and nonce.
    checks: ['pkce', 'state', 'nonce'],
    authorization: { params: { scope: idporten.scopes.join(' '), acr_values: idporten.acr } },
    client: { token_endpoint_auth_method: privateKey ? 'private_key_jwt' : 'client_secret_basic' },
    ...(privateKey ? { token: { clientPrivateKey: privateKey } } : {}),
    // The user object Auth.js keeps holds nothing personal: the claims go through the jwt callback only.
    profile: (claims) => ({ id: String(claims.sub) }),
  } as OIDCConfig<Record<string, unknown>>;
}

function localeOf(claims: Record<string, unknown>) {
  return isLocale(claims.locale) ? claims.locale : routing.defaultLocale;
}

async function authConfig(): Promise<NextAuthConfig> {
  const config = getConfig();
  return {
    secret: config.auth.secret,
    // Required by Auth.js's host check; the host is not taken from the request anyway (lib/auth/on-app-origin.ts).
    trustHost: true,
    useSecureCookies: config.appOrigin.startsWith('https://'),
    providers: [await idportenProvider(config)],
    // ID-porten asks clients to end idle sessions within 30 minutes. Nothing reissues the cookie (the
    // session endpoint is closed in the route handler) and getResetSession also measures from the login
    // time, so this is an absolute lifetime, which is stricter still.
    session: { strategy: 'jwt', maxAge: config.session.maxIdleSeconds, updateAge: 0 },
    // Auth.js' own sign-in and error pages are never shown (the route handler answers 404 for them);
    // a failed login goes to a handler that picks the page in the language the login started in.
    pages: { signIn: LOGIN_ERROR_PAGE, signOut: LOGIN_ERROR_PAGE, error: LOGIN_ERROR_PAGE },
    callbacks: {
      async signIn({ account, profile }) {
        if (account?.provider !== 'idporten' || !profile) return false;
        const claims = profile as Record<string, unknown>;
        const locale = localeOf(claims);
        // Without a usable national identity number the account cannot be found safely: service desk.
        const parsed = IdportenClaimsSchema.safeParse(claims);
        if (!parsed.success) {
          await recordLoginRefusal(lacksNationalId(claims) ? 'no-national-id' : 'invalid-claims', null);
          return getPathname({ locale, href: '/reset/no-national-id' });
        }
        if (!meetsAssurance(parsed.data.acr, config.idporten.acr)) {
          await recordLoginRefusal('low-assurance', parsed.data.pid);
          return `${getPathname({ locale, href: '/reset/confirm' })}?refused=low-assurance`;
        }
        return true;
      },
      async jwt({ token, account, profile }) {
        if (!account || !profile) return token;
        // Sign-in: keep exactly what the reset needs, nothing of Auth.js' default name/email/picture.
        const claims = IdportenClaimsSchema.parse(profile);
        securityEvent('login', { acr: claims.acr });
        return SessionTokenSchema.parse({
          sub: claims.sub,
          pid: claims.pid,
          acr: claims.acr,
          authTime: claims.auth_time,
          sid: claims.sid,
          idToken: account.id_token,
          locale: localeOf(claims),
        });
      },
      // What /api/auth/session would hand to a browser: deliberately nothing about the person.
      session({ session }) {
        return { expires: session.expires, user: {} } as typeof session;
      },
    },
  };
}

const idportenAuth = NextAuth(authConfig);
export const handlers = handlersOnAppOrigin(idportenAuth.handlers);
export const { signIn, signOut } = serverActionsOnAppOrigin(authConfig, '/api/auth');

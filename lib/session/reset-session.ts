// Reads the person behind the request from the encrypted session cookie, on the server only.
import 'server-only';
import { headers } from 'next/headers';
import { decode, getToken } from 'next-auth/jwt';
import { clientAddressFrom } from '@/lib/client-address';
import { securityEvent } from '@/lib/log';
import { getConfig } from '@/lib/config';
import { isDatabaseUnavailable } from '@/lib/records/database';
import { getRecords } from '@/lib/wiring/root';
import { SessionTokenSchema, type SessionToken } from './session-token';

const SESSION_COOKIE = 'authjs.session-token';

function sessionCookieName(secure: boolean): string {
  return secure ? `__Secure-${SESSION_COOKIE}` : SESSION_COOKIE;
}

/** What logout and ID-porten's front-channel call mark as ended: ID-porten's session id, else the token's own id. */
export function endableSessionId(session: SessionToken): string | undefined {
  return session.sid ?? (session.jti ? `jti:${session.jti}` : undefined);
}

/** The token inside the cookie, or why it cannot be used (logged once per request, never with its value). */
async function decodeSessionCookie(
  token: string,
  secret: string,
  salt: string,
): Promise<{ payload: unknown } | { reason: string }> {
  try {
    const payload = await decode({ token, secret, salt });
    return payload ? { payload } : { reason: 'undecryptable' };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return { reason: code === 'ERR_JWT_EXPIRED' ? 'expired' : 'undecryptable' };
  }
}

/**
 * The session's contents, or null when there is none, it expired, it does not parse, it is older than the
 * session lifetime counted from the login, or it was ended by logout here or at ID-porten. Auth.js' own
 * `session` callback deliberately exposes none of this.
 */
export async function getResetSession(now: Date = new Date()): Promise<SessionToken | null> {
  const config = getConfig();
  const secureCookie = config.appOrigin.startsWith('https://');
  // Only the cookie: getToken would also accept a bearer header, which this site never issues.
  const cookie = (await headers()).get('cookie') ?? '';
  const req = { headers: { cookie } };
  const raw = await getToken({ req, secret: config.auth.secret, secureCookie, raw: true });
  if (!raw) return null;

  // One decryption of the cookie getToken found (its chunks joined), with the same salt Auth.js uses.
  const decoded = await decodeSessionCookie(raw, config.auth.secret, sessionCookieName(secureCookie));
  if ('reason' in decoded) {
    securityEvent('session-cookie-rejected', { reason: decoded.reason });
    return null;
  }
  const parsed = SessionTokenSchema.safeParse(decoded.payload);
  if (!parsed.success) {
    securityEvent('session-cookie-rejected', { reason: 'invalid-contents' });
    return null;
  }
  const loginAgeSeconds = now.getTime() / 1000 - parsed.data.authTime;
  if (loginAgeSeconds > config.session.maxIdleSeconds) {
    securityEvent('session-cookie-rejected', { reason: 'lifetime-exceeded' });
    return null;
  }
  const endableId = endableSessionId(parsed.data);
  if (endableId && (await isEnded(endableId))) return null;
  return parsed.data;
}

/** Whether the session was ended cannot be known: the records are unreachable. Never read as "signed in". */
export class SessionCheckUnavailable extends Error {
  constructor(cause: unknown) {
    super('the records are unreachable: whether the session was ended is unknown', { cause });
    this.name = 'SessionCheckUnavailable';
  }
}

async function isEnded(endableId: string): Promise<boolean> {
  try {
    return await (await getRecords()).isSessionEnded(endableId);
  } catch (error) {
    securityEvent('session-check-unavailable', { reason: 'records-unavailable' });
    throw new SessionCheckUnavailable(error);
  }
}

/**
 * Runs what a page or action reads from the records; `unavailable` instead of an error page while they are away, so
 * the person is told to try again (any other error is a bug and still reaches the error page).
 */
export async function orUnavailable<T>(load: () => Promise<T>): Promise<T | 'unavailable'> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof SessionCheckUnavailable || isDatabaseUnavailable(error)) return 'unavailable';
    throw error;
  }
}

/** The session, null without one, or `unavailable` while the records are away (never taken as signed in). */
export const resetSessionOrUnavailable = () => orUnavailable(() => getResetSession());

/**
 * What the person's own Temporary Access Pass is bound to: this session (ID-porten's session id, else the token's id,
 * else the login time). A new login is another session, so a pass cookie left from an earlier one never opens.
 */
export function passBinding(session: SessionToken): string {
  return endableSessionId(session) ?? `auth:${session.authTime}`;
}

/** How long the person's own pass may stay on screen: while the session lives, and never past the pass itself. */
export function passKeepSeconds(session: SessionToken, passExpiresAt: Date, now: Date = new Date()): number {
  const sessionEnds = (session.authTime + getConfig().session.maxIdleSeconds) * 1000;
  return Math.max(1, Math.floor((Math.min(sessionEnds, passExpiresAt.getTime()) - now.getTime()) / 1000));
}

/** The client's address for the per-address limit, from trusted proxies only (lib/client-address.ts). */
export async function getClientAddress(): Promise<string> {
  return clientAddressFrom(await headers(), getConfig().clientAddress);
}

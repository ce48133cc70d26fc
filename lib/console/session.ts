// Reads the member of staff behind a console request from the console's own cookie and the session record the
// cookie names, on the server only. The cookie alone is never enough: sign-out ends the record, so a copy of the
// cookie taken before is refused on every instance.
import 'server-only';
import { cache } from 'react';
import { headers } from 'next/headers';
import { getToken } from 'next-auth/jwt';
import { getConfig } from '@/lib/config';
import type { ConsoleSessionState } from '@/lib/records/console-sessions';
import { errorCode } from '@/lib/records/database';
import { securityEvent } from '@/lib/log';
import { ConsoleTokenSchema, isPastLifetime, type ConsoleRole, type ConsoleToken } from './console-token';
import { getConsoleSessionStore } from '@/lib/wiring/root';
import { consoleCookieName, consoleSecret } from '@/lib/auth/staff';

export type ConsoleSession = ConsoleToken;

/** Why a console cookie was not accepted; logged once per request as `console.session-refused`, never its value. */
export type SessionRefusal =
  'unreadable' | 'invalid-contents' | 'lifetime-exceeded' | 'ended' | 'expired' | 'unknown' | 'store-unavailable';

function refuse(reason: SessionRefusal, agentId?: string): null {
  securityEvent('console.session-refused', { reason, ...(agentId ? { agentId } : {}) });
  return null;
}

async function readConsoleSession(): Promise<ConsoleSession | null> {
  const config = getConfig();
  if (!config.console.enabled) return null;
  const secure = config.appOrigin.startsWith('https://');
  const cookie = (await headers()).get('cookie') ?? '';
  const cookieName = consoleCookieName(secure);
  if (!cookie.split(';').some((part) => part.trim().startsWith(`${cookieName}=`))) return null;
  // getToken answers null for a tampered, forged or (by its own exp) expired cookie.
  const token = await getToken({
    req: { headers: { cookie } },
    secret: consoleSecret(config.auth.secret),
    secureCookie: secure,
    cookieName,
    salt: cookieName,
  });
  if (!token) return refuse('unreadable');
  const parsed = ConsoleTokenSchema.safeParse(token);
  if (!parsed.success || parsed.data.tid !== config.entra.tenantId) return refuse('invalid-contents');
  const session = parsed.data;
  const now = new Date();
  if (isPastLifetime(session.authTime, config.console.sessionMaxAgeSeconds, now))
    return refuse('lifetime-exceeded', session.oid);
  let state: ConsoleSessionState;
  try {
    state = await (await getConsoleSessionStore()).sessionState(session.sid, session.oid, now);
  } catch (error) {
    // Without the records the session cannot be checked: the console stays shut rather than trusting the cookie.
    securityEvent('console.session-store-error', { reason: errorCode(error) });
    return refuse('store-unavailable', session.oid);
  }
  return state === 'active' ? session : refuse(state, session.oid);
}

/**
 * The console session, or null: no cookie; one that does not decrypt with the console's key (an ID-porten cookie
 * never does), is not a console token or from another tenant; a login older than the session lifetime; or a
 * session record that sign-out ended, that expired or that does not exist. Once per request (React's cache), so a
 * refused cookie writes one log line however many parts of a page ask.
 */
export const getConsoleSession = cache(readConsoleSession);

export function hasRole(session: ConsoleSession, role: ConsoleRole): boolean {
  return session.roles.includes(role);
}

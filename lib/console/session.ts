// Reads the member of staff behind a console request from the console's own cookie, on the server only.
import 'server-only';
import { headers } from 'next/headers';
import { getToken } from 'next-auth/jwt';
import { getConfig } from '@/lib/config';
import { ConsoleTokenSchema, type ConsoleRole, type ConsoleToken } from './console-token';
import { consoleCookieName, consoleSecret } from './staff-auth';

export type ConsoleSession = ConsoleToken;

/**
 * The console session, or null: no cookie, expired, not decryptable with the console's key (an ID-porten cookie
 * never is), or not a console token. MFA and a role were required at login; they are checked again here.
 */
export async function getConsoleSession(): Promise<ConsoleSession | null> {
  const config = getConfig();
  if (!config.console.enabled) return null;
  const secure = config.appOrigin.startsWith('https://');
  const cookie = (await headers()).get('cookie') ?? '';
  const cookieName = consoleCookieName(secure);
  const token = await getToken({
    req: { headers: { cookie } },
    secret: consoleSecret(config.auth.secret),
    secureCookie: secure,
    cookieName,
    salt: cookieName,
  });
  const parsed = ConsoleTokenSchema.safeParse(token);
  if (!parsed.success || parsed.data.tid !== config.entra.tenantId) return null;
  return parsed.data;
}

export function hasRole(session: ConsoleSession, role: ConsoleRole): boolean {
  return session.roles.includes(role);
}

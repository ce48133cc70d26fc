// Reads the person behind the request from the encrypted session cookie, on the server only.
import 'server-only';
import { headers } from 'next/headers';
import { getToken } from 'next-auth/jwt';
import { clientAddressFrom } from '@/lib/client-address';
import { getConfig } from '@/lib/config';
import { getRecordStore } from '@/lib/reset/service';
import { SessionTokenSchema, type SessionToken } from './session-token';

/**
 * The session's contents, or null when there is none, it expired, it does not parse, or ID-porten
 * ended it by front-channel logout. Auth.js' own `session` callback deliberately exposes none of this.
 */
export async function getResetSession(): Promise<SessionToken | null> {
  const config = getConfig();
  // Only the cookie: getToken would also accept a bearer header, which this site never issues.
  const cookie = (await headers()).get('cookie') ?? '';
  const token = await getToken({
    req: { headers: { cookie } },
    secret: config.auth.secret,
    secureCookie: config.appOrigin.startsWith('https://'),
  });
  const parsed = SessionTokenSchema.safeParse(token);
  if (!parsed.success) return null;
  if (parsed.data.sid && (await (await getRecordStore()).isSessionEnded(parsed.data.sid))) return null;
  return parsed.data;
}

/** The client's address for the per-address limit, from trusted proxies only (lib/client-address.ts). */
export async function getClientAddress(): Promise<string> {
  return clientAddressFrom(await headers(), getConfig().clientAddress);
}

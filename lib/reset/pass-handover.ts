// How a Temporary Access Pass gets from the server action to the result page without being stored in clear
// anywhere. The action seals it (AES-256-GCM, a key derived from AUTH_SECRET for this purpose only, the attempt's
// reference and, for the person's own pass, their session as associated data) into an HttpOnly, SameSite=Strict
// cookie.
//
// The service desk's pass is shown once: the cookie lives two minutes and the agent's result page opens it only
// after the record store has atomically marked the pass as shown (records.claimPassDisplayForAgent).
//
// The person's own pass must not be lost: the cookie lives as long as their session (at most until the
// pass expires), so a language switch, a reload or a way back shows the pass again, until they press "I have written
// it down" (records.claimPassDisplay marks the record; the cookie is deleted) or sign out (every open pass of theirs
// is marked, the cookie deleted). A new login is another session: the old cookie no longer opens.
//
// Why not the alternatives: the pass in the URL or the session would outlive the page; a database row, even
// encrypted, would be one more copy at rest; rendering it straight from the action's return value needs client
// JavaScript, and this flow works without. The cookie cannot be deleted by a server component, so it simply
// expires (HANDOVER_SECONDS) and is useless after the first display: it is bound to one reference, and that
// reference's record says "shown".
import 'server-only';
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { z } from 'zod';

export const HANDOVER_SECONDS = 120;
const KEY_INFO = 'tofaktor temporary-access-pass handover v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

const PayloadSchema = z.object({ pass: z.string().min(1), until: z.number() });

function key(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'tofaktor', KEY_INFO, 32));
}

/** The cookie's name: the __Host- prefix pins it to this origin, https only and path / (browsers enforce it). */
export function handoverCookieName(secure: boolean): string {
  return secure ? '__Host-tofaktor-tap' : 'tofaktor-tap';
}

/** What the sealed pass is bound to: the attempt, and (for the person's own pass) the session that made it. */
const associatedData = (requestId: string, binding: string) =>
  Buffer.from(binding ? `${requestId}\n${binding}` : requestId, 'utf8');

export function sealPass(
  pass: string,
  requestId: string,
  secret: string,
  now: Date,
  options: { seconds?: number; binding?: string } = {},
): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key(secret), iv);
  cipher.setAAD(associatedData(requestId, options.binding ?? ''));
  const payload = JSON.stringify({ pass, until: now.getTime() + (options.seconds ?? HANDOVER_SECONDS) * 1000 });
  const sealed = Buffer.concat([cipher.update(payload, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url');
}

/** The pass, or null when the cookie is missing, forged, for another attempt or session, or past its time. */
export function openPass(
  sealed: string | undefined,
  requestId: string,
  secret: string,
  now: Date,
  binding = '',
): string | null {
  if (!sealed) return null;
  try {
    const raw = Buffer.from(sealed, 'base64url');
    if (raw.length <= IV_BYTES + TAG_BYTES) return null;
    const decipher = createDecipheriv('aes-256-gcm', key(secret), raw.subarray(0, IV_BYTES));
    decipher.setAAD(associatedData(requestId, binding));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    const text = Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString(
      'utf8',
    );
    const payload = PayloadSchema.safeParse(JSON.parse(text));
    if (!payload.success || payload.data.until < now.getTime()) return null;
    return payload.data.pass;
  } catch {
    return null;
  }
}

/**
 * Sets the sealed pass for the result page (server actions and route handlers only: pages cannot set cookies).
 * Without options: the service desk's two-minute handover. `seconds` and `binding`: the person's own pass, kept for
 * their session.
 */
export async function handOverPass(
  pass: string,
  requestId: string,
  options: { seconds?: number; binding?: string } = {},
): Promise<void> {
  const [{ cookies }, { getConfig }] = await Promise.all([import('next/headers'), import('@/lib/config')]);
  const config = getConfig();
  const secure = config.appOrigin.startsWith('https://');
  const seconds = Math.max(1, Math.floor(options.seconds ?? HANDOVER_SECONDS));
  (await cookies()).set(
    handoverCookieName(secure),
    sealPass(pass, requestId, config.auth.secret, new Date(), { seconds, binding: options.binding }),
    { httpOnly: true, secure, sameSite: 'strict', path: '/', maxAge: seconds },
  );
}

/**
 * Deletes the pass cookie ("I have written it down", sign-out). Through Next's cookie store, like Auth.js' own
 * cookies: a Set-Cookie header of a route's own would be replaced. With the attributes it was set with: a browser
 * ignores a __Host- cookie set without Secure, even one that expires it.
 */
export async function forgetPass(): Promise<void> {
  const [{ cookies }, { getConfig }] = await Promise.all([import('next/headers'), import('@/lib/config')]);
  const secure = getConfig().appOrigin.startsWith('https://');
  (await cookies()).set(handoverCookieName(secure), '', {
    maxAge: 0,
    path: '/',
    secure,
    httpOnly: true,
    sameSite: 'strict',
  });
}

/**
 * The person's own pass for their result page, as often as they come back, while the record says it is still open
 * (not written down, not signed out, not expired) and the cookie opens for this attempt and this session.
 */
export async function keptPassForDisplay(
  record: { requestId: string; tapIssued: boolean | null; tapShownAt: Date | null; tapExpiresAt: Date | null },
  binding: string,
): Promise<string | null> {
  const now = new Date();
  if (!record.tapIssued || record.tapShownAt || !record.tapExpiresAt || record.tapExpiresAt <= now) return null;
  const [{ cookies }, { getConfig }] = await Promise.all([import('next/headers'), import('@/lib/config')]);
  const config = getConfig();
  const sealed = (await cookies()).get(handoverCookieName(config.appOrigin.startsWith('https://')))?.value;
  return openPass(sealed, record.requestId, config.auth.secret, now, binding);
}

/**
 * The pass for this attempt's result page, at most once: only when the record store grants the one display
 * (and the session's person owns the record), and the cookie opens for this reference.
 */
export async function takePassForDisplay(
  requestId: string,
  nationalIdHash: string,
  claim: (requestId: string, nationalIdHash: string, now: Date) => Promise<boolean>,
): Promise<string | null> {
  const [{ cookies }, { getConfig }] = await Promise.all([import('next/headers'), import('@/lib/config')]);
  const config = getConfig();
  const now = new Date();
  if (!(await claim(requestId, nationalIdHash, now))) return null;
  const sealed = (await cookies()).get(handoverCookieName(config.appOrigin.startsWith('https://')))?.value;
  return openPass(sealed, requestId, config.auth.secret, now);
}

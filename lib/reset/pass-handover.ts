// How a Temporary Access Pass gets from the server action to the result page exactly once, without being stored
// in clear anywhere. The action seals it (AES-256-GCM, a key derived from AUTH_SECRET for this purpose only, the
// attempt's reference as associated data) into a short-lived HttpOnly, SameSite=Strict cookie; the result page
// opens it only after the record store has atomically marked the pass as shown (records.claimPassDisplay), so a
// reload, a back navigation or a second tab finds the mark and shows that a pass was issued, never the pass.
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

export function sealPass(pass: string, requestId: string, secret: string, now: Date): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key(secret), iv);
  cipher.setAAD(Buffer.from(requestId, 'utf8'));
  const payload = JSON.stringify({ pass, until: now.getTime() + HANDOVER_SECONDS * 1000 });
  const sealed = Buffer.concat([cipher.update(payload, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url');
}

/** The pass, or null when the cookie is missing, forged, for another attempt, or older than HANDOVER_SECONDS. */
export function openPass(sealed: string | undefined, requestId: string, secret: string, now: Date): string | null {
  if (!sealed) return null;
  try {
    const raw = Buffer.from(sealed, 'base64url');
    if (raw.length <= IV_BYTES + TAG_BYTES) return null;
    const decipher = createDecipheriv('aes-256-gcm', key(secret), raw.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(requestId, 'utf8'));
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

/** Sets the sealed pass for the result page (server actions only: pages cannot set cookies). */
export async function handOverPass(pass: string, requestId: string): Promise<void> {
  const [{ cookies }, { getConfig }] = await Promise.all([import('next/headers'), import('@/lib/config')]);
  const config = getConfig();
  const secure = config.appOrigin.startsWith('https://');
  (await cookies()).set(handoverCookieName(secure), sealPass(pass, requestId, config.auth.secret, new Date()), {
    httpOnly: true,
    secure,
    sameSite: 'strict',
    path: '/',
    maxAge: HANDOVER_SECONDS,
  });
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

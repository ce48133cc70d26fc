// Refuses hostile POSTs to pages (Next's server actions) and to the route handlers that read a form, before Next
// sees them, with a 4xx and a log line: Next itself answers an oversized, malformed or non-form body, or a foreign
// Origin, with a bare 500. Proxy-safe: it reads headers and the body only, never a session or the records.
import type { NextRequest } from 'next/server';
import { getConfig } from '@/lib/config';
import { logger } from '@/lib/log';
import { checkCallerOrigin } from '@/lib/origin-policy';

// The site's forms post a language, an action id and a handful of registration ids.
export const MAX_ACTION_BODY_BYTES = 64 * 1024;

export type GuardRefusal = { status: 400 | 403 | 405 | 411 | 413; reason: string };
/** A refusal the records must show as an attempt (lib/proxy/recorded-refusal.ts hands it to a route that writes it). */
export type RecordedRefusal = { status: 403; reason: 'foreign-origin'; recorded: true };

const FORM_TYPES = ['multipart/form-data', 'application/x-www-form-urlencoded'];
// Every action of this site takes its form (with JavaScript too: React then posts the arguments as multipart, as they
// hold the FormData). Next's other encoding, text/plain JSON, only ever carries arguments no action here accepts, and
// an object or array there makes Next answer 500: refused as not a form.
const ACTION_TYPES = FORM_TYPES;

async function hasReadableBody(request: NextRequest, type: string): Promise<boolean> {
  try {
    if (FORM_TYPES.includes(type)) await request.clone().formData();
    return true;
  } catch {
    return false;
  }
}

/** The body's length, type and shape: null when one of `types` that parses, within the limit. */
async function refuseBody(request: NextRequest, types: string[]): Promise<GuardRefusal | null> {
  const length = request.headers.get('content-length');
  if (length === null) return { status: 411, reason: 'length-required' };
  if (!/^\d+$/.test(length) || Number(length) > MAX_ACTION_BODY_BYTES) return { status: 413, reason: 'body-too-large' };
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (!types.includes(type)) return { status: 400, reason: 'not-a-form' };
  if (!(await hasReadableBody(request, type))) return { status: 400, reason: 'malformed-body' };
  return null;
}

/** The host Next compares a server action's Origin with: the first X-Forwarded-Host, else Host. */
function requestHost(request: NextRequest): string | null {
  const forwarded = request.headers.get('x-forwarded-host')?.split(',')[0]?.trim();
  return forwarded || request.headers.get('host');
}

/** Null when the POST may go on to Next; otherwise why it is refused. */
export async function refusePagePost(request: NextRequest): Promise<GuardRefusal | RecordedRefusal | null> {
  const origin = request.headers.get('origin');
  // A POST without Origin goes on: the action refuses it itself, with its record, in the page's language.
  const caller = checkCallerOrigin(request.headers, getConfig().appOrigin);
  if (!caller.ok && caller.reason === 'foreign-origin')
    return { status: 403, reason: 'foreign-origin', recorded: true };
  // Next refuses a server action whose Origin names another host than X-Forwarded-Host (or Host) with a bare 500;
  // the same check here answers 400. Only a client that sets those headers itself, or a proxy set up wrongly, gets it.
  if (origin !== null && new URL(origin).host !== requestHost(request)) return { status: 400, reason: 'host-mismatch' };
  return refuseBody(request, ACTION_TYPES);
}

// The route handlers that read a form (logout, "I have written it down", the console's sign-in, sign-out and reset).
// Each checks the Origin itself (lib/origin-policy.ts) and writes its own record; here only the body, which
// `request.formData()` would turn into a 500.
export const FORM_ROUTES: ReadonlySet<string> = new Set([
  '/api/auth/idporten-logout',
  '/api/reset/pass-written-down',
  '/api/servicedesk/sign-in',
  '/api/servicedesk/sign-out',
  '/api/servicedesk/reset',
]);

/** Null when the POST to a form route may go on; otherwise why it is refused. */
export function refuseFormRoutePost(request: NextRequest): Promise<GuardRefusal | null> {
  return refuseBody(request, FORM_TYPES);
}

export function logGuardRefusal(request: NextRequest, refusal: GuardRefusal): void {
  logger.warn(
    {
      event: 'bad-request',
      reason: refusal.reason,
      status: refusal.status,
      method: request.method,
      path: request.nextUrl.pathname,
    },
    'request refused before it reached the page',
  );
}

// The one rule for "was this form sent from the site's own pages?", for every form the site takes: the reset and
// "this wasn't me" actions, the pass and logout routes, and the console's routes. Server actions and route handlers
// are public HTTP endpoints; Next checks a server action's Origin against Host itself, but lets a POST without Origin
// through. No `server-only`: proxy.ts asks the same question before Next would answer a foreign Origin with a 500.

export type CallerOriginCheck = { ok: true } | { ok: false; reason: 'missing-origin' | 'foreign-origin' };

/**
 * Accepts Origin equal to the site's origin, or (no Origin at all) a browser's `Sec-Fetch-Site: same-origin`: a
 * header no page can set, which browsers send where some still leave out Origin.
 */
export function checkCallerOrigin(headers: Headers, appOrigin: string): CallerOriginCheck {
  const origin = headers.get('origin');
  if (origin !== null) return origin === appOrigin ? { ok: true } : { ok: false, reason: 'foreign-origin' };
  return headers.get('sec-fetch-site') === 'same-origin' ? { ok: true } : { ok: false, reason: 'missing-origin' };
}

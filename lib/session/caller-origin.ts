// Server actions are public HTTP endpoints. Next checks Origin against Host itself but lets a POST without
// Origin through; the reset demands proof that the form was posted from this site's own pages.

export type CallerOriginCheck = { ok: true } | { ok: false; reason: 'missing-origin' | 'foreign-origin' };

/** Accepts Origin equal to the site's origin, or (no Origin at all) a browser's `Sec-Fetch-Site: same-origin`. */
export function checkCallerOrigin(headers: Headers, appOrigin: string): CallerOriginCheck {
  const origin = headers.get('origin');
  if (origin !== null) return origin === appOrigin ? { ok: true } : { ok: false, reason: 'foreign-origin' };
  return headers.get('sec-fetch-site') === 'same-origin' ? { ok: true } : { ok: false, reason: 'missing-origin' };
}

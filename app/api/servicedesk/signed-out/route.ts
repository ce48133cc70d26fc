// Where Entra ID sends the browser back after signing a member of staff out: on to the console's front page, in the
// language the sign-out started in, saying so. It changes nothing, so it needs no Origin or session check.
import type { NextRequest } from 'next/server';
import { getConfig } from '@/lib/config';
import { SIGNED_OUT_LOCALE_COOKIE, SIGNED_OUT_PATH, signedOutLandingPath } from '@/lib/console/entra-logout';
import { seeOther } from '@/lib/console/request-guard';
import { isLocale, routing } from '@/lib/i18n/routing';

export function GET(request: NextRequest): Response {
  if (!getConfig().console.enabled)
    return new Response('Not found', { status: 404, headers: { 'Cache-Control': 'no-store' } });
  const asked = request.cookies.get(SIGNED_OUT_LOCALE_COOKIE)?.value;
  const response = seeOther(signedOutLandingPath(isLocale(asked) ? asked : routing.defaultLocale));
  response.cookies.set(SIGNED_OUT_LOCALE_COOKIE, '', { path: SIGNED_OUT_PATH, maxAge: 0 });
  return response;
}

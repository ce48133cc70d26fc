// Ends the console session (its record on the server, then the console's cookie; an ID-porten session of the same
// browser is untouched), then signs the member of staff out of Entra ID, which sends the browser back to
// /api/servicedesk/signed-out. When Entra cannot be reached, the console session is ended all the same.
import type { NextRequest } from 'next/server';
import { getConfig } from '@/lib/config';
import {
  entraSignOutUrl,
  SIGNED_OUT_LOCALE_COOKIE,
  SIGNED_OUT_PATH,
  signedOutLandingPath,
} from '@/lib/console/entra-logout';
import { refusedOrigin, seeOther } from '@/lib/console/request-guard';
import { checkCallerOrigin } from '@/lib/origin-policy';
import { getConsoleSession } from '@/lib/console/session';
import { getConsoleSessionStore } from '@/lib/wiring/root';
import { staffSignOut } from '@/lib/auth/staff';
import { localeFromForm } from '@/lib/i18n/locale-form';
import { logger, securityEvent } from '@/lib/log';

export async function POST(request: NextRequest): Promise<Response> {
  if (!checkCallerOrigin(request.headers, getConfig().appOrigin).ok) return refusedOrigin('sign-out');
  const locale = localeFromForm(await request.formData());
  const session = await getConsoleSession();
  if (session) {
    // The record first: from here on a copy of the cookie is refused on every instance, even if the browser keeps it.
    await (await getConsoleSessionStore()).endSession(session.sid, new Date());
    await staffSignOut({ redirect: false });
    securityEvent('console.logout', { agentId: session.oid });
  }
  let signOutUrl: URL;
  try {
    signOutUrl = await entraSignOutUrl();
  } catch (error) {
    logger.warn(
      { event: 'console.entra-logout-unavailable', err: error },
      'Entra ID could not be reached: signed out of the console only',
    );
    return seeOther(signedOutLandingPath(locale));
  }
  const response = seeOther(signOutUrl.toString());
  response.cookies.set(SIGNED_OUT_LOCALE_COOKIE, locale, {
    httpOnly: true,
    secure: getConfig().appOrigin.startsWith('https://'),
    sameSite: 'lax', // it comes back on Entra's top-level redirect
    path: SIGNED_OUT_PATH,
    maxAge: 600,
  });
  return response;
}

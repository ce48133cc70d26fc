// Records a reset form posted from another site and answers 403 in the visitor's language. Only reached through the
// proxy's rewrite (lib/proxy/recorded-refusal.ts), which sets the headers read here; a request to this path from
// outside gets the 404 page before it comes here.
import { httpErrorResponse } from '@/lib/i18n/http-error-text';
import { isLocale } from '@/lib/i18n/routing';
import { REFUSAL_LOCALE_HEADER, REFUSAL_REASON_HEADER } from '@/lib/proxy/recorded-refusal';
import { recordRequestRefusal } from '@/lib/session/login-records';
import { getResetSession } from '@/lib/session/reset-session';

export async function POST(request: Request): Promise<Response> {
  const reason = request.headers.get(REFUSAL_REASON_HEADER);
  const locale = request.headers.get(REFUSAL_LOCALE_HEADER);
  if (reason !== 'foreign-origin' || !isLocale(locale)) return new Response(null, { status: 404 });
  // The refused attempt is the session's owner's, if the request carries a valid session.
  const session = await getResetSession();
  await recordRequestRefusal(reason, session?.pid ?? null);
  return httpErrorResponse(403, 'forbidden', locale, {});
}

// Auth.js' error page: a login that failed at the callback lands here, and the person is sent on to the
// login-failed page in the language they started in (never a fixed language's page).
import { cookies } from 'next/headers';
import { getConfig } from '@/lib/config';
import { negotiateLocale } from '@/lib/i18n/negotiate';
import { securityEvent } from '@/lib/log';
import { countLoginFailure } from '@/lib/metrics/metrics';
import { localeOfCallbackUrl, loginFailedPath, reasonForAuthError } from '@/lib/session/login-failure';

const CALLBACK_URL_COOKIES = ['__Secure-authjs.callback-url', 'authjs.callback-url'];

export async function GET(request: Request) {
  const { appOrigin } = getConfig();
  const code = new URL(request.url).searchParams.get('error');
  const jar = await cookies();
  const callbackUrl = CALLBACK_URL_COOKIES.map((name) => jar.get(name)?.value).find(Boolean);
  const locale = localeOfCallbackUrl(callbackUrl, appOrigin) ?? negotiateLocale(request.headers.get('accept-language'));
  const reason = reasonForAuthError(code);
  securityEvent('login-failed', { reason, authError: code?.slice(0, 40) ?? null });
  countLoginFailure(reason);
  return new Response(null, {
    status: 303,
    headers: { Location: new URL(loginFailedPath(locale, reason), appOrigin).toString(), 'Cache-Control': 'no-store' },
  });
}

// Why a login with ID-porten did not become a session, in the words the login-failed page uses.
import { z } from 'zod';
import { getPathname } from '@/lib/i18n/navigation';
import { isLocale, type Locale } from '@/lib/i18n/routing';

export const LOGIN_FAILURE_REASONS = ['unavailable', 'cancelled', 'failed'] as const;
export type LoginFailureReason = (typeof LOGIN_FAILURE_REASONS)[number];

export const LoginFailureReasonSchema = z.enum(LOGIN_FAILURE_REASONS).catch('failed');

/**
 * Auth.js' error codes (its `?error=` parameter). It reports anything it does not consider safe to show
 * as `Configuration`; at the callback that is mostly a state or nonce check that failed (an old tab, a
 * login that took too long) or ID-porten not answering the token request.
 */
export function reasonForAuthError(code: string | null): LoginFailureReason {
  if (code === 'AccessDenied') return 'cancelled';
  return 'failed';
}

export function loginFailedPath(locale: Locale, reason: LoginFailureReason): string {
  return `${getPathname({ locale, href: '/reset/login-failed' })}?reason=${reason}`;
}

/** The language the login was started in: Auth.js keeps the page to return to in its callback-url cookie. */
export function localeOfCallbackUrl(callbackUrl: string | undefined, appOrigin: string): Locale | undefined {
  if (!callbackUrl || !URL.canParse(callbackUrl, appOrigin)) return undefined;
  const url = new URL(callbackUrl, appOrigin);
  if (url.origin !== appOrigin) return undefined;
  const first = url.pathname.split('/')[1];
  return isLocale(first) ? first : undefined;
}

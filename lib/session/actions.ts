'use server';
// Sign-in as a server action, so it is a plain form that works without JavaScript.
import { redirect } from 'next/navigation';
import { signIn } from '@/lib/auth/idporten';
import { getConfig } from '@/lib/config';
import { localeFromForm } from '@/lib/i18n/locale-form';
import { getPathname } from '@/lib/i18n/navigation';
import { logger } from '@/lib/log';
import { countLoginFailure } from '@/lib/metrics/metrics';
import { LOGIN_ERROR_PAGE } from './login-error-page';
import { loginFailedPath, reasonForAuthError } from './login-failure';

// Where a login may lead: the reset (default), "this wasn't me" and the person's history. A closed list, never a URL.
const AFTER_LOGIN = { 'not-me': '/reset/not-me', history: '/reset/history' } as const;

function afterLogin(
  value: FormDataEntryValue | null,
): '/reset/confirm' | (typeof AFTER_LOGIN)[keyof typeof AFTER_LOGIN] {
  return typeof value === 'string' && Object.hasOwn(AFTER_LOGIN, value)
    ? AFTER_LOGIN[value as keyof typeof AFTER_LOGIN]
    : '/reset/confirm';
}

export async function startIdportenLogin(formData: FormData): Promise<void> {
  const locale = localeFromForm(formData);
  const next = afterLogin(formData.get('next'));
  let destination: string;
  try {
    // ui_locales makes ID-porten speak the page's language. prompt=login asks for a fresh login even when
    // ID-porten still has a session: the reset only accepts a recent auth_time, and an old one would loop.
    destination = await signIn(
      'idporten',
      { redirectTo: getPathname({ locale, href: next }), redirect: false },
      { ui_locales: locale, prompt: 'login' },
    );
  } catch (error) {
    // Auth.js throws when it cannot start at all, typically because ID-porten's discovery did not answer.
    logger.error({ err: error, event: 'login-start-failed' }, 'could not start the ID-porten login');
    countLoginFailure('unavailable');
    redirect(loginFailedPath(locale, 'unavailable'));
  }
  const url = new URL(destination, getConfig().appOrigin);
  if (url.origin === getConfig().appOrigin && url.pathname === LOGIN_ERROR_PAGE) {
    const code = url.searchParams.get('error');
    logger.error({ event: 'login-start-failed', authError: code }, 'could not start the ID-porten login');
    const reason = code === 'Configuration' ? 'unavailable' : reasonForAuthError(code);
    countLoginFailure(reason);
    redirect(loginFailedPath(locale, reason));
  }
  redirect(destination);
}

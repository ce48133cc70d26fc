// Starts the staff login at Entra ID (a plain form post, so it works without JavaScript).
import type { NextRequest } from 'next/server';
import { getConfig } from '@/lib/config';
import { refusedOrigin, seeOther } from '@/lib/console/request-guard';
import { checkCallerOrigin } from '@/lib/origin-policy';
import { STAFF_PROVIDER_ID, staffSignIn } from '@/lib/auth/staff';
import { getPathname } from '@/lib/i18n/navigation';
import { localeFromForm } from '@/lib/i18n/locale-form';

// Where a login may return to: the console's pages only (a re-login before a reset comes back to the reset page).
const RETURN_TO = ['/servicedesk', '/servicedesk/search', '/servicedesk/reset'] as const;

export async function POST(request: NextRequest): Promise<Response> {
  if (!checkCallerOrigin(request.headers, getConfig().appOrigin).ok) return refusedOrigin('sign-in');
  if (!getConfig().console.enabled) return new Response('Not found', { status: 404 });
  const form = await request.formData();
  const locale = localeFromForm(form);
  const back = RETURN_TO.find((path) => path === form.get('returnTo')) ?? '/servicedesk';
  const account = /^[0-9a-f-]{36}$/i.exec(String(form.get('account') ?? ''))?.[0];
  const redirectTo = `${getPathname({ locale, href: back })}${back === '/servicedesk/reset' && account ? `?account=${account}` : ''}`;
  // prompt=login: Entra asks again even with a session there, so the console's login time is a real login.
  const url = await staffSignIn(STAFF_PROVIDER_ID, { redirectTo, redirect: false }, { prompt: 'login' });
  return seeOther(url);
}

'use server';
// Sign-in and sign-out as server actions, so both are plain forms that work without JavaScript.
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { signIn, signOut } from '@/auth';
import { getConfig } from '@/lib/config';
import { getPathname } from '@/lib/i18n/navigation';
import { routing } from '@/lib/i18n/routing';
import { getIdportenDiscovery } from '@/lib/idporten/discovery';
import { securityEvent } from '@/lib/log';
import { getResetSession } from './reset-session';

const LocaleFormSchema = z.object({ locale: z.enum(routing.locales).catch(routing.defaultLocale) });

function formLocale(formData: FormData) {
  return LocaleFormSchema.parse({ locale: formData.get('locale') }).locale;
}

export async function startIdportenLogin(formData: FormData): Promise<void> {
  const locale = formLocale(formData);
  // ui_locales makes ID-porten speak the page's language. prompt=login asks for a fresh login even when
  // ID-porten still has a session: the reset only accepts a recent auth_time, and an old one would loop.
  await signIn(
    'idporten',
    { redirectTo: getPathname({ locale, href: '/reset/confirm' }) },
    { ui_locales: locale, prompt: 'login' },
  );
}

export async function signOutOfReset(formData: FormData): Promise<void> {
  const locale = formLocale(formData);
  const session = await getResetSession();
  await signOut({ redirect: false });
  securityEvent('logout', { initiatedBy: 'person' });
  if (!session?.idToken) redirect(getPathname({ locale, href: '/reset/signed-out' }));
  // RP-initiated logout: ID-porten ends its own session too, then sends the person back to us.
  const { end_session_endpoint: endSession } = await getIdportenDiscovery();
  const url = new URL(endSession);
  url.searchParams.set('id_token_hint', session.idToken);
  url.searchParams.set('post_logout_redirect_uri', `${getConfig().appOrigin}/${locale}`);
  redirect(url.toString());
}

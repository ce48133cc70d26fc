'use server';
// Sign-in as a server action, so it is a plain form that works without JavaScript.
import { signIn } from '@/auth';
import { localeFromForm } from '@/lib/i18n/locale-form';
import { getPathname } from '@/lib/i18n/navigation';

export async function startIdportenLogin(formData: FormData): Promise<void> {
  const locale = localeFromForm(formData);
  // ui_locales makes ID-porten speak the page's language. prompt=login asks for a fresh login even when
  // ID-porten still has a session: the reset only accepts a recent auth_time, and an old one would loop.
  await signIn(
    'idporten',
    { redirectTo: getPathname({ locale, href: '/reset/confirm' }) },
    { ui_locales: locale, prompt: 'login' },
  );
}

import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { signOutOfReset, startIdportenLogin } from '@/lib/session/actions';
import { SubmitButton } from '../submit-button';

/** Ends the local session and ID-porten's (RP-initiated logout). */
export async function SignOutForm(props: { locale: Locale; label?: string }) {
  const t = await getTranslations({ locale: props.locale, namespace: 'ResetFlow' });
  return (
    <form action={signOutOfReset} className="inline">
      <input type="hidden" name="locale" value={props.locale} />
      <SubmitButton label={props.label ?? t('signOut')} pendingLabel={t('signOutPending')} variant="secondary" />
    </form>
  );
}

/** Starts a fresh ID-porten login, for refusals that a new login can fix. */
export async function LoginAgainForm(props: { locale: Locale }) {
  const t = await getTranslations({ locale: props.locale });
  return (
    <form action={startIdportenLogin} className="mt-4">
      <input type="hidden" name="locale" value={props.locale} />
      <SubmitButton label={t('ResetFlow.loginAgain')} pendingLabel={t('ResetStart.pending')} />
    </form>
  );
}

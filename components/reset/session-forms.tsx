import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { startIdportenLogin } from '@/lib/session/actions';
import { SubmitButton } from '../submit-button';

/** Ends the local session and ID-porten's (RP-initiated logout). */
export async function SignOutForm(props: { locale: Locale; label?: string }) {
  const t = await getTranslations({ locale: props.locale, namespace: 'ResetFlow' });
  return (
    // A plain POST to a route handler: it answers with the form that carries the logout on to ID-porten.
    <form method="post" action="/api/auth/idporten-logout" className="inline">
      <input type="hidden" name="locale" value={props.locale} />
      <button
        type="submit"
        className="inline-flex min-h-11 items-center rounded border border-slate-500 bg-white px-5 py-2 font-semibold text-slate-900 hover:bg-slate-100"
      >
        {props.label ?? t('signOut')}
      </button>
    </form>
  );
}

/**
 * Starts a fresh ID-porten login, for refusals that a new login can fix; `next` leads back to "this wasn't me" or the
 * history instead of the reset, and `label` names the button when it is a first login there.
 */
export async function LoginAgainForm(props: { locale: Locale; next?: 'not-me' | 'history'; label?: string }) {
  const t = await getTranslations({ locale: props.locale });
  return (
    <form action={startIdportenLogin} className="mt-4">
      <input type="hidden" name="locale" value={props.locale} />
      {props.next ? <input type="hidden" name="next" value={props.next} /> : null}
      <SubmitButton label={props.label ?? t('ResetFlow.loginAgain')} pendingLabel={t('ResetStart.pending')} />
    </form>
  );
}

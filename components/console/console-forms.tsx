import { getTranslations } from 'next-intl/server';
import { SubmitButton } from '@/components/submit-button';
import type { Locale } from '@/lib/i18n/routing';

/** Starts the staff login at Entra ID; `returnTo` and `account` bring the agent back to a reset after a re-login. */
export async function ConsoleSignInForm(props: {
  locale: Locale;
  label?: string;
  returnTo?: '/servicedesk' | '/servicedesk/search' | '/servicedesk/reset';
  account?: string;
}) {
  const t = await getTranslations({ locale: props.locale, namespace: 'Console' });
  return (
    <form method="post" action="/api/servicedesk/sign-in" className="mt-4">
      <input type="hidden" name="locale" value={props.locale} />
      <input type="hidden" name="returnTo" value={props.returnTo ?? '/servicedesk'} />
      {props.account ? <input type="hidden" name="account" value={props.account} /> : null}
      <SubmitButton label={props.label ?? t('signIn')} pendingLabel={t('signInPending')} />
    </form>
  );
}

/** Ends the console session only. */
export async function ConsoleSignOutForm(props: { locale: Locale }) {
  const t = await getTranslations({ locale: props.locale, namespace: 'Console' });
  return (
    <form method="post" action="/api/servicedesk/sign-out" className="inline">
      <input type="hidden" name="locale" value={props.locale} />
      <button
        type="submit"
        className="inline-flex min-h-11 items-center rounded border border-slate-500 bg-white px-4 py-2 font-semibold text-slate-900 hover:bg-slate-100"
      >
        {t('signOut')}
      </button>
    </form>
  );
}

import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import type { MaskedAccount } from '@/lib/reset/reset';

/**
 * Whose account a reset acts on, as the self-service confirm page and the console's reset page both show it; the
 * console gives its own heading and a line for the agent (`children`).
 */
export async function AccountSummary(props: {
  locale: Locale;
  account: MaskedAccount;
  heading?: string;
  children?: ReactNode;
}) {
  const t = await getTranslations({ locale: props.locale, namespace: 'ResetFlow' });
  return (
    <section aria-labelledby="account-heading" className="mt-6">
      <h2 id="account-heading" className="text-2xl font-semibold">
        {props.heading ?? t('accountHeading')}
      </h2>
      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt className="font-semibold">{t('accountName')}</dt>
        <dd data-testid="account-name">{props.account.displayName}</dd>
        <dt className="font-semibold">{t('accountUsername')}</dt>
        <dd data-testid="account-upn">{props.account.maskedUpn}</dd>
      </dl>
      {props.children}
    </section>
  );
}

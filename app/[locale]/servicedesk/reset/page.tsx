import { randomUUID } from 'node:crypto';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ConsoleGate, consoleMetadata } from '@/components/console/console-gate';
import { ConsoleSignInForm } from '@/components/console/console-forms';
import { LocalizedLink } from '@/components/localized-link';
import { DeskProcedureForm, type DeskField } from '@/components/console/desk-procedure-form';
import { getConfig } from '@/lib/config';
import { isFreshLogin } from '@/lib/console/console-token';
import { ACCOUNT_ID, agentOf, previewForAgent } from '@/lib/wiring/service-desk';
import { consolePageAccess } from '@/lib/console/page-access';
import type { ConsoleSession } from '@/lib/console/session';
import { localeFromParams, type Locale } from '@/lib/i18n/routing';
import { AccountSummary } from '@/components/reset/account-summary';

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ account?: string; invalid?: string; error?: string }>;
};

export async function generateMetadata({ params }: Props) {
  return consoleMetadata(
    localeFromParams((await params).locale),
    '/servicedesk/reset',
    'resetTitle',
    'resetDescription',
  );
}

/** Why the desk may never reset this account, worded for the agent; the refusal is already recorded. */
async function DeskRefusal(props: {
  locale: Locale;
  reason: 'own-account' | 'staff-account' | 'protected-account';
  newSearch: React.ReactNode;
}) {
  const { locale, newSearch } = props;
  const t = await getTranslations({ locale, namespace: 'Console' });
  const refusal = {
    'own-account': { title: t('ownTitle'), text: t('ownText') },
    'staff-account': { title: t('staffTitle'), text: t('staffText') },
    'protected-account': { title: t('protectedTitle'), text: t('protectedText') },
  }[props.reason];
  return (
    <section aria-labelledby="refusal-title" className="mt-6 max-w-3xl" data-testid={`refusal-${props.reason}`}>
      <h2 id="refusal-title" className="text-2xl font-semibold">
        {refusal.title}
      </h2>
      <p className="mt-3">{refusal.text}</p>
      {newSearch}
    </section>
  );
}

async function ResetBody(props: { locale: Locale; session: ConsoleSession; account: string; invalid: string[] }) {
  const { locale, session, account, invalid } = props;
  const t = await getTranslations({ locale, namespace: 'Console' });
  const tr = await getTranslations({ locale, namespace: 'ResetFlow' });
  const newSearch = (
    <p className="mt-4">
      <LocalizedLink href="/servicedesk/search" locale={locale} className="underline underline-offset-4">
        {t('newSearch')}
      </LocalizedLink>
    </p>
  );
  if (!ACCOUNT_ID.test(account))
    return (
      <>
        <p className="mt-4">{t('noAccount')}</p>
        {newSearch}
      </>
    );

  const preview = await previewForAgent(agentOf(session), account, randomUUID());
  if (preview.kind === 'directory-error')
    return (
      <>
        <p className="mt-4">{t('searchError')}</p>
        {newSearch}
      </>
    );
  if (preview.kind === 'refused') {
    if (preview.reason === 'no-account')
      return (
        <>
          <p className="mt-4">{t('noAccount')}</p>
          {newSearch}
        </>
      );
    return <DeskRefusal locale={locale} reason={preview.reason} newSearch={newSearch} />;
  }

  const config = getConfig();
  const fresh = isFreshLogin(session.authTime, config.console.resetMaxLoginAgeSeconds, new Date());
  const errorIds = invalid.filter((field): field is DeskField => field === 'verification' || field === 'ticket');
  const step = 'mt-8 border-t border-slate-300 pt-6';
  return (
    <div className="max-w-3xl">
      <AccountSummary locale={locale} account={preview.account} heading={t('stepWho')}>
        <p className="mt-2 text-slate-700">{t('stepWhoHint')}</p>
      </AccountSummary>
      {preview.kind === 'nothing-to-remove' ? (
        <section aria-labelledby="nothing-heading" className={step} data-testid="nothing-to-remove">
          <h2 id="nothing-heading" className="text-2xl font-semibold">
            {tr('nothingTitle')}
          </h2>
          {newSearch}
        </section>
      ) : !fresh ? (
        <section aria-labelledby="stale-heading" className={step} data-testid="console-stale-login">
          <h2 id="stale-heading" className="text-2xl font-semibold">
            {t('staleTitle')}
          </h2>
          <p className="mt-2">{t('staleText', { minutes: Math.round(config.console.resetMaxLoginAgeSeconds / 60) })}</p>
          <ConsoleSignInForm locale={locale} label={t('signInAgain')} returnTo="/servicedesk/reset" account={account} />
        </section>
      ) : (
        <DeskProcedureForm
          locale={locale}
          account={account}
          methods={preview.methods}
          invalid={errorIds}
          noticeConfigured={Boolean(config.notice.senderMailbox)}
          passesEnabled={config.tap.enabled}
        />
      )}
    </div>
  );
}

export default async function ConsoleResetPage({ params, searchParams }: Props) {
  const locale = localeFromParams((await params).locale);
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: 'Console' });
  const { account = '', invalid = '', error } = await searchParams;
  return (
    <ConsoleGate
      locale={locale}
      pathname="/servicedesk/reset"
      query={ACCOUNT_ID.test(account) ? { account } : undefined}
      access={await consolePageAccess(['agent'])}
      title={t('resetTitle')}
    >
      {(session) => (
        <>
          <h1 className="text-3xl font-bold">{t('resetTitle')}</h1>
          {error === 'unavailable' ? (
            // The reset could not start (the records were unreachable): nothing was changed, the form is as it was.
            <p role="alert" className="mt-6 rounded border-2 border-red-800 bg-red-50 p-4" data-testid="unavailable">
              {t('unavailable')}
            </p>
          ) : null}
          <ResetBody locale={locale} session={session} account={account} invalid={invalid.split(',')} />
        </>
      )}
    </ConsoleGate>
  );
}

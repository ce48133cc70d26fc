import { randomUUID } from 'node:crypto';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ConsoleGate, consoleMetadata } from '@/components/console/console-gate';
import { ConsoleSignInForm } from '@/components/console/console-forms';
import { LocalizedLink } from '@/components/localized-link';
import { MethodChoice } from '@/components/reset/method-choice';
import { SubmitButton } from '@/components/submit-button';
import { getConfig } from '@/lib/config';
import { isFreshLogin } from '@/lib/console/console-token';
import { ACCOUNT_ID, agentOf, previewForAgent } from '@/lib/wiring/service-desk';
import { consolePageAccess } from '@/lib/console/page-access';
import type { ConsoleSession } from '@/lib/console/session';
import { localeFromParams, type Locale } from '@/lib/i18n/routing';
import { VERIFICATION_KINDS } from '@/lib/records/vocabulary';
import { AccountSummary } from '@/components/reset/account-summary';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ account?: string; invalid?: string }> };

export async function generateMetadata({ params }: Props) {
  return consoleMetadata(
    localeFromParams((await params).locale),
    '/servicedesk/reset',
    'resetTitle',
    'resetDescription',
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
    // Why the desk may never reset this account, worded for the agent; the refusal is already recorded.
    const refusal = {
      'own-account': { title: t('ownTitle'), text: t('ownText') },
      'staff-account': { title: t('staffTitle'), text: t('staffText') },
      'protected-account': { title: t('protectedTitle'), text: t('protectedText') },
    }[preview.reason];
    return (
      <section aria-labelledby="refusal-title" className="mt-6 max-w-3xl" data-testid={`refusal-${preview.reason}`}>
        <h2 id="refusal-title" className="text-2xl font-semibold">
          {refusal.title}
        </h2>
        <p className="mt-3">{refusal.text}</p>
        {newSearch}
      </section>
    );
  }

  const config = getConfig();
  const fresh = isFreshLogin(session.authTime, config.console.resetMaxLoginAgeSeconds, new Date());
  const errorIds = invalid.filter((field) => field === 'verification' || field === 'ticket');
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
        <form method="post" action="/api/servicedesk/reset" data-testid="desk-procedure">
          <input type="hidden" name="locale" value={locale} />
          <input type="hidden" name="account" value={account} />
          {errorIds.length > 0 ? (
            <div role="alert" className="mt-6 rounded border-2 border-red-700 p-4" data-testid="console-form-errors">
              <h2 className="text-lg font-semibold">{t('invalidSummary')}</h2>
              <ul className="mt-2 list-disc pl-6">
                {errorIds.map((field) => (
                  <li key={field}>
                    <a
                      href={field === 'verification' ? '#verification-passport' : '#ticket'}
                      className="underline underline-offset-4"
                    >
                      {field === 'verification' ? t('invalidVerification') : t('invalidTicket')}
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <section aria-labelledby="check-heading" className={step}>
            <h2 id="check-heading" className="text-2xl font-semibold">
              {t('stepCheck')}
            </h2>
            <fieldset aria-describedby="verification-hint" className="mt-3">
              <legend className="text-lg font-semibold">{t('verificationLegend')}</legend>
              <p id="verification-hint" className="mt-1">
                {t('verificationHint')}
              </p>
              <ul className="mt-2 space-y-1">
                {VERIFICATION_KINDS.map((kind) => (
                  <li key={kind}>
                    <label className="flex min-h-11 cursor-pointer items-center gap-3">
                      <input
                        type="radio"
                        name="verification"
                        value={kind}
                        id={`verification-${kind}`}
                        required
                        className="h-5 w-5 accent-sky-800"
                      />
                      {t(`verification_${kind}`)}
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>
            <div className="mt-4">
              <label htmlFor="ticket" className="block font-semibold">
                {t('ticketLabel')}
              </label>
              <p id="ticket-hint" className="text-slate-700">
                {t('ticketHint')}
              </p>
              <input
                id="ticket"
                name="ticket"
                type="text"
                maxLength={24}
                autoComplete="off"
                aria-describedby="ticket-hint"
                aria-invalid={errorIds.includes('ticket') ? true : undefined}
                className="mt-1 min-h-11 w-full max-w-xs rounded border border-slate-500 px-3"
              />
            </div>
          </section>
          <section aria-labelledby="methods-heading" className={step}>
            <h2 id="methods-heading" className="text-2xl font-semibold">
              {t('stepRemove')}
            </h2>
            <MethodChoice
              locale={locale}
              methods={preview.methods}
              texts={{ legend: t('deskChooseLegend'), hint: t('deskChooseHint') }}
            />
          </section>
          <section aria-labelledby="next-heading" className={step} data-testid="desk-what-happens-next">
            <h2 id="next-heading" className="text-2xl font-semibold">
              {t('stepNext')}
            </h2>
            <ul className="mt-3 list-disc space-y-1 pl-6">
              <li>{t('nextSignedOut')}</li>
              {config.notice.senderMailbox ? <li>{t('nextNotice')}</li> : null}
              <li>{config.tap.enabled ? t('nextPass') : t('nextNoPass')}</li>
              <li>{t('nextPassword')}</li>
            </ul>
          </section>
          <div className="mt-8">
            <SubmitButton label={t('resetButton')} pendingLabel={t('resetPending')} />
          </div>
        </form>
      )}
    </div>
  );
}

export default async function ConsoleResetPage({ params, searchParams }: Props) {
  const locale = localeFromParams((await params).locale);
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: 'Console' });
  const { account = '', invalid = '' } = await searchParams;
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
          <ResetBody locale={locale} session={session} account={account} invalid={invalid.split(',')} />
        </>
      )}
    </ConsoleGate>
  );
}

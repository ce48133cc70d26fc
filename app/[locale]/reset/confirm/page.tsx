import { getTranslations, setRequestLocale } from 'next-intl/server';
import { PageShell } from '@/components/page-shell';
import { LocalizedLink } from '@/components/localized-link';
import { MethodChoice } from '@/components/reset/method-choice';
import { NotSignedIn } from '@/components/reset/not-signed-in';
import { ResetRefusal } from '../reset-refusal';
import { SignOutForm } from '@/components/reset/session-forms';
import { SubmitButton } from '@/components/submit-button';
import { getBuildSettings } from '@/lib/config';
import { pageMetadata } from '@/lib/i18n/metadata';
import { localeFromParams, type Locale } from '@/lib/i18n/routing';
import { previewResetForSession } from '@/lib/wiring/self-service';
import { getClientAddress, resetSessionOrUnavailable } from '@/lib/session/reset-session';
import { requestNewPass, resetTwoFactor } from './actions';
import { AccountSummary } from '@/components/reset/account-summary';
import { KeptMethods } from '@/components/reset/kept-methods';
import { Unavailable } from '@/components/reset/unavailable';

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<{ refused?: string; error?: string }>;
};

/** Nothing left to remove: a new pass when nothing signs the person in any more, else the way to set up two-factor. */
async function NothingToRemove(props: { locale: Locale; passOffer: boolean }) {
  const { locale } = props;
  const t = await getTranslations({ locale, namespace: 'ResetFlow' });
  if (props.passOffer) {
    return (
      <section aria-labelledby="nothing-heading" className="mt-8" data-testid="new-pass-offer">
        <h2 id="nothing-heading" className="text-2xl font-semibold">
          {t('newPassTitle')}
        </h2>
        <p className="mt-3">{t('newPassText')}</p>
        <form action={requestNewPass} className="mt-4">
          <input type="hidden" name="locale" value={locale} />
          <SubmitButton label={t('newPassButton')} pendingLabel={t('newPassPending')} />
        </form>
      </section>
    );
  }
  return (
    <section aria-labelledby="nothing-heading" className="mt-8" data-testid="nothing-to-remove">
      <h2 id="nothing-heading" className="text-2xl font-semibold">
        {t('nothingTitle')}
      </h2>
      <p className="mt-3">{t('nothingText')}</p>
      <p className="mt-4">
        <LocalizedLink href="/activate" locale={locale} className="underline underline-offset-4">
          {t('goToActivate')}
        </LocalizedLink>
      </p>
    </section>
  );
}

export async function generateMetadata({ params }: Props) {
  const locale = localeFromParams((await params).locale);
  const t = await getTranslations({ locale });
  return pageMetadata({
    locale,
    pathname: '/reset/confirm',
    title: t('ResetFlow.confirmTitle'),
    description: t('ResetFlow.confirmDescription'),
    siteName: t('Site.name'),
    indexable: false,
  });
}

async function ConfirmBody(props: {
  locale: Locale;
  refused?: string;
  nothingChosen: boolean;
  /** The page already says the records are away (after a reset that could not start): not said twice. */
  unavailableShown: boolean;
}) {
  const { locale } = props;
  const t = await getTranslations({ locale, namespace: 'ResetFlow' });
  const session = await resetSessionOrUnavailable();
  if (session === 'unavailable') return props.unavailableShown ? null : <Unavailable locale={locale} />;
  if (!session) {
    // A login refused for its assurance level never became a session; say why.
    return props.refused === 'low-assurance' ? (
      <ResetRefusal locale={locale} reason="low-assurance" />
    ) : (
      <NotSignedIn locale={locale} />
    );
  }
  const preview = await previewResetForSession({
    nationalId: session.pid,
    acr: session.acr,
    authTime: session.authTime,
    clientAddress: await getClientAddress(),
  });
  if (preview.kind === 'refused')
    return <ResetRefusal locale={locale} reason={preview.reason} retryAfter={preview.retryAfter} />;
  if (preview.kind === 'unavailable') return props.unavailableShown ? null : <Unavailable locale={locale} />;
  if (preview.kind === 'directory-error') {
    return (
      <section aria-labelledby="directory-error">
        <h2 id="directory-error" className="text-2xl font-semibold">
          {t('directoryErrorTitle')}
        </h2>
        <p className="mt-3">{t('directoryErrorText')}</p>
      </section>
    );
  }
  return (
    <>
      <AccountSummary locale={locale} account={preview.account} />
      {preview.kind === 'nothing-to-remove' ? (
        <NothingToRemove locale={locale} passOffer={preview.passOffer} />
      ) : (
        <section aria-labelledby="methods-heading" className="mt-8">
          <h2 id="methods-heading" className="text-2xl font-semibold">
            {t('methodsHeading')}
          </h2>
          <p className="mt-2">{t('methodsIntro')}</p>
          <form action={resetTwoFactor} className="mt-4">
            <input type="hidden" name="locale" value={locale} />
            <MethodChoice locale={locale} methods={preview.methods} nothingChosen={props.nothingChosen} />
            <p className="mt-4">{t('afterReset')}</p>
            <div className="mt-6">
              <SubmitButton label={t('confirmButton')} pendingLabel={t('confirmPending')} />
            </div>
          </form>
        </section>
      )}
      <KeptMethods locale={locale} methods={preview.kept} variant="confirm" />
      <div className="mt-8">
        <SignOutForm locale={locale} label={t('cancel')} />
      </div>
    </>
  );
}

export default async function ConfirmResetPage({ params, searchParams }: Props) {
  const locale = localeFromParams((await params).locale);
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: 'ResetFlow' });
  const { refused, error } = await searchParams;
  const nothingChosen = error === 'nothing-chosen';
  // The reset stopped before changing anything because the records were away: said first, then the page as it is.
  const unavailable = error === 'unavailable';
  return (
    <PageShell locale={locale} pathname="/reset/confirm" serviceDeskUrl={getBuildSettings().serviceDeskUrl}>
      <h1 className="text-3xl font-bold">{t('confirmTitle')}</h1>
      {nothingChosen ? (
        // An error summary under the heading (GOV.UK and designsystemet do the same); its link leads to the choice.
        <div role="alert" className="mt-6 rounded border-2 border-red-800 bg-red-50 p-4" data-testid="error-summary">
          <h2 className="text-xl font-semibold">{t('errorSummaryTitle')}</h2>
          <p className="mt-2">
            <a href="#methods-heading" className="underline underline-offset-4">
              {t('nothingChosenError')}
            </a>
          </p>
        </div>
      ) : null}
      {unavailable ? (
        <div role="alert" className="mt-6 rounded border-2 border-red-800 bg-red-50 p-4" data-testid="unavailable">
          <Unavailable locale={locale} />
        </div>
      ) : null}
      <ConfirmBody locale={locale} refused={refused} nothingChosen={nothingChosen} unavailableShown={unavailable} />
    </PageShell>
  );
}

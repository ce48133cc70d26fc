import { getTranslations, setRequestLocale } from 'next-intl/server';
import { LocalizedLink } from '@/components/localized-link';
import { PageShell } from '@/components/page-shell';
import { AccountSummary } from '@/components/reset/account-summary';
import { MethodList } from '@/components/reset/method-list';
import { ResetRefusal } from '../reset-refusal';
import { LoginAgainForm, SignOutForm } from '@/components/reset/session-forms';
import { ServiceDesk } from '@/components/service-desk';
import { SubmitButton } from '@/components/submit-button';
import { getBuildSettings, getConfig } from '@/lib/config';
import { formatDateTime } from '@/lib/i18n/date-format';
import { pageMetadata } from '@/lib/i18n/metadata';
import { localeFromParams, type Locale } from '@/lib/i18n/routing';
import type { ResetRecord } from '@/lib/records/schema';
import { previewNotMeForSession } from '@/lib/wiring/self-service';
import { findOwnRecord } from '@/lib/session/own-record';
import { getClientAddress, getResetSession, orUnavailable } from '@/lib/session/reset-session';
import type { SessionToken } from '@/lib/session/session-token';
import { Unavailable } from '@/components/reset/unavailable';
import { undoReset } from './actions';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ done?: string; error?: string }> };

// The page depends on the session cookie: never prerendered, never cached.
export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: Props) {
  const locale = localeFromParams((await params).locale);
  const t = await getTranslations({ locale });
  return pageMetadata({
    locale,
    pathname: '/reset/not-me',
    title: t('NotMe.title'),
    description: t('NotMe.description'),
    siteName: t('Site.name'),
    indexable: false,
  });
}

/** For people without ID-porten: the desk's phone and where to find it, from settings. */
async function WithoutIdporten(props: { locale: Locale }) {
  const t = await getTranslations({ locale: props.locale, namespace: 'NotMe' });
  const phone = getConfig().notice.serviceDesk.phone;
  const address = getBuildSettings().guides.serviceDeskVisitingAddress;
  return (
    <section aria-labelledby="no-idporten-heading" className="mt-10">
      <h2 id="no-idporten-heading" className="text-2xl font-semibold">
        {t('noIdportenTitle')}
      </h2>
      <p className="mt-2">{t('noIdportenText')}</p>
      {phone ? <p className="mt-2">{t('deskPhone', { phone })}</p> : null}
      {address ? <p className="mt-2">{t('deskAddress', { address })}</p> : null}
      <div className="mt-4">
        <ServiceDesk url={getBuildSettings().serviceDeskUrl} locale={props.locale} />
      </div>
    </section>
  );
}

/** A lock-down not completed by its own instance: still being finished, or completed by recovery from Graph. */
async function CutShort(props: { locale: Locale; record: ResetRecord }) {
  const flow = await getTranslations({ locale: props.locale, namespace: 'ResetFlow' });
  const { record } = props;
  const inProgress = record.outcome === 'in-progress';
  return (
    <section aria-labelledby="done-heading" className="mt-6" data-testid={`not-me-${record.outcome}`}>
      <h2 id="done-heading" className="text-2xl font-semibold">
        {inProgress ? flow('inProgressTitle') : flow('interruptedTitle')}
      </h2>
      <p className="mt-2">{inProgress ? flow('inProgressText') : flow('interruptedText')}</p>
      {!inProgress && record.removed.length > 0 ? (
        <MethodList locale={props.locale} methods={record.removed} testId="not-me-removed" />
      ) : null}
    </section>
  );
}

async function Done(props: { locale: Locale; record: ResetRecord }) {
  const t = await getTranslations({ locale: props.locale, namespace: 'NotMe' });
  const { record } = props;
  if (record.outcome === 'in-progress' || record.outcome === 'interrupted')
    return <CutShort locale={props.locale} record={record} />;
  if (record.outcome === 'refused') {
    return <ResetRefusal locale={props.locale} reason={record.reason as 'stale-login'} next="not-me" />;
  }
  if (record.outcome === 'nothing-to-remove' || record.outcome === 'failed') {
    return (
      <section aria-labelledby="done-heading" className="mt-6" data-testid={`not-me-${record.outcome}`}>
        <h2 id="done-heading" className="text-2xl font-semibold">
          {record.outcome === 'failed' ? t('failedTitle') : t('noResetTitle')}
        </h2>
        <p className="mt-2">{record.outcome === 'failed' ? t('failedText') : t('noResetText')}</p>
      </section>
    );
  }
  return (
    <section aria-labelledby="done-heading" className="mt-6" data-testid="not-me-done">
      <h2 id="done-heading" className="text-2xl font-semibold">
        {t('doneTitle')}
      </h2>
      {record.removed.length > 0 ? (
        <>
          <p className="mt-2">{t('doneRemoved', { count: record.removed.length })}</p>
          <MethodList locale={props.locale} methods={record.removed} testId="not-me-removed" />
        </>
      ) : (
        <p className="mt-2">{t('doneNothingRemoved')}</p>
      )}
      {record.sessionsRevoked ? <p className="mt-4">{t('doneSignedOut')}</p> : null}
      {record.deskAlerted ? <p className="mt-4">{t('doneDeskAlerted')}</p> : null}
      <h3 className="mt-6 text-xl font-semibold">{t('nextTitle')}</h3>
      <p className="mt-2">{t('nextText')}</p>
      <p className="mt-3">
        <LocalizedLink href="/reset/confirm" locale={props.locale} className="underline underline-offset-4">
          {t('nextLink')}
        </LocalizedLink>
      </p>
    </section>
  );
}

async function Preview(props: { locale: Locale; session: SessionToken }) {
  const { locale, session } = props;
  const t = await getTranslations({ locale, namespace: 'NotMe' });
  const preview = await previewNotMeForSession({
    nationalId: session.pid,
    acr: session.acr,
    authTime: session.authTime,
    clientAddress: await getClientAddress(),
  });
  if (preview.kind === 'refused') return <ResetRefusal locale={locale} reason={preview.reason} next="not-me" />;
  if (preview.kind === 'unavailable') return <Unavailable locale={locale} />;
  if (preview.kind === 'directory-error') {
    const flow = await getTranslations({ locale, namespace: 'ResetFlow' });
    return (
      <section aria-labelledby="directory-error" className="mt-6">
        <h2 id="directory-error" className="text-2xl font-semibold">
          {flow('directoryErrorTitle')}
        </h2>
        <p className="mt-3">{flow('directoryErrorText')}</p>
      </section>
    );
  }
  if (preview.kind === 'no-reset') {
    return (
      <>
        <AccountSummary locale={locale} account={preview.account} />
        <section aria-labelledby="no-reset-heading" className="mt-8" data-testid="not-me-no-reset">
          <h2 id="no-reset-heading" className="text-2xl font-semibold">
            {t('noResetTitle')}
          </h2>
          <p className="mt-2">{t('noResetText')}</p>
        </section>
      </>
    );
  }
  const toRemove = [
    ...preview.toRemove,
    ...preview.passes.map((pass) => ({ id: pass.id, type: pass.type, label: pass.label, createdAt: pass.createdAt })),
  ];
  return (
    <>
      <AccountSummary locale={locale} account={preview.account} />
      <section aria-labelledby="undo-heading" className="mt-8" data-testid="not-me-preview">
        <h2 id="undo-heading" className="text-2xl font-semibold">
          {t('undoTitle')}
        </h2>
        <p className="mt-2">
          {preview.reset.channel === 'service-desk'
            ? t('lastResetDesk', { time: formatDateTime(locale, preview.reset.at) })
            : t('lastResetSelf', { time: formatDateTime(locale, preview.reset.at) })}
        </p>
        {toRemove.length > 0 ? (
          <>
            <p className="mt-4">{t('willRemove')}</p>
            <MethodList locale={locale} methods={toRemove} testId="not-me-to-remove" />
          </>
        ) : (
          <p className="mt-4">{t('nothingNew')}</p>
        )}
        <p className="mt-4">{t('willAlso')}</p>
        <form action={undoReset} className="mt-6">
          <input type="hidden" name="locale" value={locale} />
          <SubmitButton label={t('undoButton')} pendingLabel={t('undoPending')} />
        </form>
      </section>
    </>
  );
}

export default async function NotMePage({ params, searchParams }: Props) {
  const locale = localeFromParams((await params).locale);
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: 'NotMe' });
  const query = await searchParams;
  const loaded = await orUnavailable(async () => {
    const session = await getResetSession();
    return { session, done: session ? await findOwnRecord(session, query.done) : null };
  });
  const { session, done } = loaded === 'unavailable' ? { session: null, done: null } : loaded;
  // The records are away, or the lock-down could not start because they were: nothing was changed.
  const unavailable = loaded === 'unavailable' || (!done && query.error === 'unavailable');
  return (
    <PageShell
      locale={locale}
      pathname="/reset/not-me"
      query={done ? { done: done.requestId } : undefined}
      serviceDeskUrl={getBuildSettings().serviceDeskUrl}
    >
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      <div aria-live="polite">
        {done ? (
          <Done locale={locale} record={done} />
        ) : unavailable ? (
          <div role="alert" className="mt-6 rounded border-2 border-red-800 bg-red-50 p-4" data-testid="unavailable">
            <Unavailable locale={locale} />
          </div>
        ) : session ? (
          <Preview locale={locale} session={session} />
        ) : (
          <section aria-labelledby="login-heading" className="mt-6">
            <p>{t('intro')}</p>
            <h2 id="login-heading" className="mt-6 text-2xl font-semibold">
              {t('loginTitle')}
            </h2>
            <p className="mt-2">{t('loginText')}</p>
            <LoginAgainForm locale={locale} next="not-me" label={t('loginButton')} />
          </section>
        )}
      </div>
      {session ? (
        <div className="mt-8">
          <SignOutForm locale={locale} />
        </div>
      ) : null}
      <WithoutIdporten locale={locale} />
    </PageShell>
  );
}

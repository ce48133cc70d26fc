import type { ReactNode } from 'react';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { KeptMethods } from '@/components/reset/kept-methods';
import { LocalizedLink } from '@/components/localized-link';
import { TemporaryAccessPassNotice } from '@/components/reset/temporary-access-pass';
import { NextStep } from '@/components/mdx/guide-link';
import { PageShell } from '@/components/page-shell';
import { MethodList } from '@/components/reset/method-list';
import { NotSignedIn } from '@/components/reset/not-signed-in';
import { ResetRefusal } from '../reset-refusal';
import { SignOutForm } from '@/components/reset/session-forms';
import { ServiceDesk } from '@/components/service-desk';
import { SubmitButton } from '@/components/submit-button';
import { getBuildSettings, getConfig } from '@/lib/config';
import { pageMetadata } from '@/lib/i18n/metadata';
import { localeFromParams, type Locale } from '@/lib/i18n/routing';
import type { ResetRecord } from '@/lib/records/schema';
import { keptPassForDisplay } from '@/lib/reset/pass-handover';
import { personLimitRetryAfter, type RefusalReason } from '@/lib/wiring/self-service';
import { findOwnRecord } from '@/lib/session/own-record';
import { getResetSession, orUnavailable, passBinding } from '@/lib/session/reset-session';
import { Unavailable } from '@/components/reset/unavailable';
import { resetTwoFactor } from '../confirm/actions';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ ref?: string }> };

export async function generateMetadata({ params }: Props) {
  const locale = localeFromParams((await params).locale);
  const t = await getTranslations({ locale });
  return pageMetadata({
    locale,
    pathname: '/reset/result',
    title: t('ResetFlow.resultTitle'),
    description: t('ResetFlow.resultDescription'),
    siteName: t('Site.name'),
    indexable: false,
  });
}

/** Tries again for what is still there: the same registrations, posted as the confirm page would. */
async function RetryForm(props: { locale: Locale; methodIds: string[] }) {
  const t = await getTranslations({ locale: props.locale, namespace: 'ResetFlow' });
  return (
    <>
      <p className="mt-4">{t('retrySafe')}</p>
      <form action={resetTwoFactor} className="mt-4">
        <input type="hidden" name="locale" value={props.locale} />
        {props.methodIds.map((id) => (
          <input key={id} type="hidden" name="method" value={id} />
        ))}
        <SubmitButton label={t('retry')} pendingLabel={t('confirmPending')} />
      </form>
    </>
  );
}

async function NoticeLine(props: { locale: Locale; record: ResetRecord }) {
  const t = await getTranslations({ locale: props.locale, namespace: 'ResetFlow' });
  if (props.record.noticeSent === null) return null;
  return (
    <p className="mt-4" data-testid={props.record.noticeSent ? 'notice-sent' : 'notice-failed'}>
      {props.record.noticeSent ? t('noticeSent') : t('noticeFailed')}
    </p>
  );
}

/** Graph keeps the default method while others remain; say so in plain words when that is what stopped us. */
async function DefaultMethodNote(props: { locale: Locale; record: ResetRecord }) {
  const t = await getTranslations({ locale: props.locale, namespace: 'ResetFlow' });
  if (!props.record.notRemoved.some((method) => method.reason === 'default-method')) return null;
  return (
    <section aria-labelledby="default-heading" className="mt-6" data-testid="default-method-kept">
      <h3 id="default-heading" className="text-xl font-semibold">
        {t('defaultMethodTitle')}
      </h3>
      <p className="mt-2">{t('defaultMethodText')}</p>
    </section>
  );
}

/** What comes after: set up Authenticator, and whether that is urgent (only when nothing signs the person in). */
async function NextStepSection(props: { locale: Locale; record: ResetRecord; passOpen: boolean }) {
  const { locale, record } = props;
  const t = await getTranslations({ locale, namespace: 'ResetFlow' });
  // While the pass is on screen its own steps are the next step; the guide link comes after "I have written it down".
  if (props.passOpen) return null;
  const nothingLeft = record.kept.length === 0;
  return (
    <section aria-labelledby="next-heading" className="mt-8" data-testid="next-step">
      <h2 id="next-heading" className="text-2xl font-semibold" tabIndex={-1}>
        {t('nextTitle')}
      </h2>
      <p className="mt-2">{t('nextText')}</p>
      {nothingLeft && record.tapIssued !== true ? (
        <p className="mt-2" data-testid="anyone-could-register">
          {t('nextNow')}
        </p>
      ) : null}
      {nothingLeft ? null : <p className="mt-2">{t('nextKept')}</p>}
      <NextStep guide="activate">{t('goToActivate')}</NextStep>
    </section>
  );
}

type OutcomeProps = { locale: Locale; record: ResetRecord; passSection: ReactNode };

/** Nothing was removed: a new pass on its own, nothing ticked, or nothing left to remove. */
async function NothingRemoved(props: OutcomeProps & { passOpen: boolean }) {
  const { locale, record, passOpen } = props;
  const t = await getTranslations({ locale, namespace: 'ResetFlow' });
  if (record.reason === 'new-pass') {
    return (
      <div data-testid="outcome-new-pass">
        <h2 className="text-2xl font-semibold" data-testid="outcome-headline">
          {record.tapIssued ? t('newPassIssuedTitle') : t('newPassNotIssuedTitle')}
        </h2>
        {props.passSection}
        <NextStepSection locale={locale} record={record} passOpen={passOpen} />
      </div>
    );
  }
  if (record.reason === 'nothing-chosen') {
    return (
      <div data-testid="outcome-nothing-chosen">
        <h2 className="text-2xl font-semibold">{t('nothingChosenTitle')}</h2>
        <p className="mt-3">{t('nothingChosenText')}</p>
        <p className="mt-4">
          <LocalizedLink href="/reset/confirm" locale={locale} className="underline underline-offset-4">
            {t('backToChoice')}
          </LocalizedLink>
        </p>
      </div>
    );
  }
  return (
    <div data-testid="outcome-nothing-to-remove">
      <h2 className="text-2xl font-semibold">{t('nothingTitle')}</h2>
      <p className="mt-3">{t('nothingText')}</p>
      <KeptMethods locale={locale} methods={record.kept} variant="result" />
      <NextStepSection locale={locale} record={record} passOpen={false} />
    </div>
  );
}

async function AfterRemoval({ locale, record }: { locale: Locale; record: ResetRecord }) {
  const t = await getTranslations({ locale, namespace: 'ResetFlow' });
  return (
    <>
      {record.sessionsRevoked ? <p className="mt-4">{t('sessionsRevoked')}</p> : null}
      <NoticeLine locale={locale} record={record} />
    </>
  );
}

/** Some or all of the chosen registrations are still there: what was and was not removed, and a retry. */
async function Unfinished(props: OutcomeProps) {
  const { locale, record } = props;
  const t = await getTranslations({ locale, namespace: 'ResetFlow' });
  if (record.outcome === 'partial') {
    return (
      <div data-testid="outcome-partial">
        <h2 className="text-2xl font-semibold" data-testid="outcome-headline">
          {t('partialTitle')}
        </h2>
        {props.passSection}
        <h3 className="mt-4 text-xl font-semibold">{t('partialRemoved')}</h3>
        <MethodList locale={locale} methods={record.removed} testId="removed-methods" />
        <h3 className="mt-4 text-xl font-semibold">{t('partialNotRemoved')}</h3>
        <MethodList locale={locale} methods={record.notRemoved} testId="not-removed-methods" />
        <DefaultMethodNote locale={locale} record={record} />
        <KeptMethods locale={locale} methods={record.kept} variant="result" />
        <AfterRemoval locale={locale} record={record} />
        <RetryForm locale={locale} methodIds={record.notRemoved.map((method) => method.id)} />
        <div className="mt-6">
          <ServiceDesk url={getBuildSettings().serviceDeskUrl} locale={locale} />
        </div>
      </div>
    );
  }
  return (
    <div data-testid="outcome-failed">
      <h2 className="text-2xl font-semibold">{t('failedTitle')}</h2>
      <p className="mt-3">{t('failedText')}</p>
      {record.notRemoved.length > 0 ? (
        <MethodList locale={locale} methods={record.notRemoved} testId="not-removed-methods" />
      ) : null}
      <DefaultMethodNote locale={locale} record={record} />
      <RetryForm locale={locale} methodIds={record.notRemoved.map((method) => method.id)} />
      <div className="mt-6">
        <ServiceDesk url={getBuildSettings().serviceDeskUrl} locale={locale} />
      </div>
    </div>
  );
}

/**
 * An attempt not completed by its own instance: still in progress (another tab, or an instance that died and is not
 * yet recovered), or completed by recovery with what Graph no longer had.
 */
async function CutShort({ locale, record }: { locale: Locale; record: ResetRecord }) {
  const t = await getTranslations({ locale, namespace: 'ResetFlow' });
  if (record.outcome === 'in-progress')
    return (
      <div data-testid="outcome-in-progress">
        <h2 className="text-2xl font-semibold" data-testid="outcome-headline">
          {t('inProgressTitle')}
        </h2>
        <p className="mt-3">{t('inProgressText')}</p>
      </div>
    );
  return (
    <div data-testid="outcome-interrupted">
      <h2 className="text-2xl font-semibold" data-testid="outcome-headline">
        {t('interruptedTitle')}
      </h2>
      <p className="mt-3">{t('interruptedText')}</p>
      {record.removed.length > 0 ? (
        <>
          <h3 className="mt-4 text-xl font-semibold">{t('interruptedRemoved')}</h3>
          <MethodList locale={locale} methods={record.removed} testId="removed-methods" />
        </>
      ) : (
        <p className="mt-3">{t('interruptedNothing')}</p>
      )}
      {record.notRemoved.length > 0 ? (
        <>
          <h3 className="mt-4 text-xl font-semibold">{t('interruptedNotRemoved')}</h3>
          <MethodList locale={locale} methods={record.notRemoved} testId="not-removed-methods" />
          <RetryForm locale={locale} methodIds={record.notRemoved.map((method) => method.id)} />
        </>
      ) : null}
      <AfterRemoval locale={locale} record={record} />
      <div className="mt-6">
        <ServiceDesk url={getBuildSettings().serviceDeskUrl} locale={locale} />
      </div>
    </div>
  );
}

async function Outcome(props: {
  locale: Locale;
  record: ResetRecord;
  retryAfter?: string;
  pass: string | null;
  passSection: ReactNode;
}) {
  const { locale, record } = props;
  const t = await getTranslations({ locale, namespace: 'ResetFlow' });
  const passOpen = props.pass !== null;
  const kept = <KeptMethods locale={locale} methods={record.kept} variant="result" />;
  switch (record.outcome) {
    case 'success': {
      const allGone = record.kept.length === 0;
      return (
        <div data-testid="outcome-success">
          <h2 className="text-2xl font-semibold" data-testid="outcome-headline">
            {allGone ? t('successTitle') : t('successSomeKeptTitle')}
          </h2>
          {/* The pass first: on a small screen it is what the person must see before anything else. */}
          {props.passSection}
          <p className="mt-6">{t('successText', { count: record.removed.length })}</p>
          <MethodList locale={locale} methods={record.removed} testId="removed-methods" />
          {kept}
          <AfterRemoval locale={locale} record={record} />
          <NextStepSection locale={locale} record={record} passOpen={passOpen} />
        </div>
      );
    }
    case 'nothing-to-remove':
      return <NothingRemoved locale={locale} record={record} passSection={props.passSection} passOpen={passOpen} />;
    case 'partial':
    case 'failed':
      return <Unfinished locale={locale} record={record} passSection={props.passSection} />;
    case 'refused':
      return <ResetRefusal locale={locale} reason={record.reason as RefusalReason} retryAfter={props.retryAfter} />;
    case 'in-progress':
    case 'interrupted':
      return <CutShort locale={locale} record={record} />;
  }
}

export default async function ResetResultPage({ params, searchParams }: Props) {
  const locale = localeFromParams((await params).locale);
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: 'ResetFlow' });
  const { ref } = await searchParams;
  const loaded = await orUnavailable(async () => {
    const session = await getResetSession();
    return { session, record: session ? await findOwnRecord(session, ref) : null };
  });
  if (loaded === 'unavailable') {
    return (
      <PageShell locale={locale} pathname="/reset/result" serviceDeskUrl={getBuildSettings().serviceDeskUrl}>
        <h1 className="text-3xl font-bold">{t('resultTitle')}</h1>
        <div className="mt-6">
          <Unavailable locale={locale} />
        </div>
      </PageShell>
    );
  }
  const { session, record } = loaded;
  // The pass stays on this session's result page until the person has written it down or signed out.
  const pass = session && record ? await keptPassForDisplay(record, passBinding(session)) : null;
  const passSection =
    record && record.tapIssued !== null ? (
      <TemporaryAccessPassNotice
        usableOnce={getConfig().tap.usableOnce}
        serviceDeskUrl={getBuildSettings().serviceDeskUrl}
        locale={locale}
        reference={record.requestId}
        issued={record.tapIssued}
        pass={pass}
        expiresAt={record.tapExpiresAt}
        writtenDown={record.tapShownAt !== null}
      />
    ) : null;
  // The record keeps the reason, not the time; a person over the daily limit is told when it lifts.
  const retryAfter =
    session && record?.reason === 'rate-limited-person' ? await personLimitRetryAfter(session.pid) : undefined;
  return (
    <PageShell
      locale={locale}
      pathname="/reset/result"
      query={record ? { ref: record.requestId } : undefined}
      serviceDeskUrl={getBuildSettings().serviceDeskUrl}
    >
      <h1 className="text-3xl font-bold">{t('resultTitle')}</h1>
      <div className="mt-6" aria-live="polite">
        {record ? (
          <Outcome locale={locale} record={record} retryAfter={retryAfter} pass={pass} passSection={passSection} />
        ) : (
          <NotSignedIn locale={locale} />
        )}
      </div>
      {record ? <p className="mt-6 text-sm text-slate-700">{t('reference', { ref: record.requestId })}</p> : null}
      {/* While the pass is on screen every link that leaves the page waits for "I have written it down". */}
      {record && !pass ? (
        <p className="mt-4">
          <LocalizedLink href="/reset/history" locale={locale} className="underline underline-offset-4">
            {t('historyLink')}
          </LocalizedLink>
        </p>
      ) : null}
      {session ? (
        <div className="mt-8">
          <SignOutForm locale={locale} />
        </div>
      ) : null}
    </PageShell>
  );
}

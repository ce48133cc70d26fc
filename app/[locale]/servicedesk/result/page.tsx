import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ConsoleGate, consoleMetadata } from '@/components/console/console-gate';
import { ConsoleSignInForm } from '@/components/console/console-forms';
import { LocalizedLink } from '@/components/localized-link';
import { MethodList } from '@/components/reset/method-list';
import { PassCard } from '@/components/reset/pass-card';
import { consolePageAccess } from '@/lib/console/page-access';
import type { ConsoleSession } from '@/lib/console/session';
import { formatDateTime } from '@/lib/i18n/date-format';
import { localeFromParams, type Locale } from '@/lib/i18n/routing';
import type { ResetRecord } from '@/lib/records/schema';
import { takePassForDisplay } from '@/lib/reset/pass-handover';
import { getRecords } from '@/lib/wiring/root';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ ref?: string }> };

const DESK_REFUSALS = [
  'stale-staff-login',
  'rate-limited-agent',
  'own-account',
  'staff-account',
  'protected-account',
  'no-account',
] as const;

export async function generateMetadata({ params }: Props) {
  return consoleMetadata(
    localeFromParams((await params).locale),
    '/servicedesk/result',
    'resultTitle',
    'resultDescription',
  );
}

/** The pass, once, for the agent to hand over; afterwards only that one was issued and until when. */
async function PassForAgent(props: { locale: Locale; record: ResetRecord; pass: string | null }) {
  const { locale, record, pass } = props;
  const t = await getTranslations({ locale, namespace: 'Console' });
  if (record.tapIssued === null) return null;
  if (!record.tapIssued)
    return (
      <p className="mt-4" data-testid="tap-not-issued">
        {t('tapNotIssued')}
      </p>
    );
  const time = record.tapExpiresAt ? formatDateTime(locale, record.tapExpiresAt) : '';
  if (!pass)
    return (
      <p className="mt-4" data-testid="tap-issued-before">
        {t('tapShownBefore', { time })}
      </p>
    );
  return (
    <PassCard title={t('tapTitle')} intro={t('tapIntro')} label={t('tapLabel')} pass={pass}>
      <p className="mt-3 font-semibold">{t('tapExpires', { time })}</p>
      <p className="mt-2">{t('tapHandover')}</p>
    </PassCard>
  );
}

async function Outcome(props: { locale: Locale; record: ResetRecord; pass: string | null }) {
  const { locale, record } = props;
  const t = await getTranslations({ locale, namespace: 'Console' });
  const after = (
    <>
      {record.sessionsRevoked ? <p className="mt-4">{t('sessionsRevoked')}</p> : null}
      {record.noticeSent === null ? null : (
        <p className="mt-4">{record.noticeSent ? t('noticeSent') : t('noticeFailed')}</p>
      )}
      <PassForAgent locale={locale} record={record} pass={props.pass} />
    </>
  );
  switch (record.outcome) {
    case 'success':
      return (
        <div data-testid="outcome-success">
          <p className="text-xl font-semibold">{t('resultSuccess')}</p>
          <MethodList locale={locale} methods={record.removed} testId="removed-methods" />
          {after}
        </div>
      );
    case 'partial':
    // Interrupted: completed by recovery from what Graph no longer had; the lists say what really happened.
    case 'interrupted':
      return (
        <div data-testid={`outcome-${record.outcome}`}>
          <p className="text-xl font-semibold">
            {record.outcome === 'partial' ? t('resultPartial') : t('outcome_interrupted')}
          </p>
          <h2 className="mt-4 text-xl font-semibold">{t('resultRemoved')}</h2>
          <MethodList locale={locale} methods={record.removed} testId="removed-methods" />
          <h2 className="mt-4 text-xl font-semibold">{t('resultNotRemoved')}</h2>
          <MethodList locale={locale} methods={record.notRemoved} testId="not-removed-methods" />
          {after}
        </div>
      );
    case 'failed':
      return (
        <p className="text-xl font-semibold" data-testid="outcome-failed">
          {t('resultFailed')}
        </p>
      );
    case 'nothing-to-remove':
      return (
        <p className="text-xl font-semibold" data-testid="outcome-nothing-to-remove">
          {t('resultNothing')}
        </p>
      );
    case 'in-progress':
      return (
        <p className="text-xl font-semibold" data-testid="outcome-in-progress">
          {t('outcome_in-progress')}
        </p>
      );
    case 'refused': {
      const reason = DESK_REFUSALS.find((known) => known === record.reason) ?? 'no-account';
      return (
        <div data-testid={`outcome-refused-${reason}`}>
          <p className="text-xl font-semibold">{t('resultRefused', { reason: t(`refusal_${reason}`) })}</p>
          {reason === 'stale-staff-login' ? (
            <ConsoleSignInForm
              locale={locale}
              label={t('signInAgain')}
              returnTo="/servicedesk/reset"
              account={record.accountId ?? undefined}
            />
          ) : null}
        </div>
      );
    }
  }
}

async function ResultBody(props: { locale: Locale; session: ConsoleSession; reference: string }) {
  const { locale, session } = props;
  const t = await getTranslations({ locale, namespace: 'Console' });
  const records = await getRecords();
  // Only the agent's own service desk attempts: another agent's reference shows nothing.
  const record = props.reference ? await records.deskAttempt(session.oid, props.reference) : null;
  if (!record) return <p className="mt-4">{t('resultNotFound')}</p>;
  const pass = record.tapIssued
    ? await takePassForDisplay(record.requestId, session.oid, (requestId, agentId, now) =>
        records.claimPassDisplay(requestId, { agentId }, now),
      )
    : null;
  return (
    <>
      <div className="mt-6" aria-live="polite">
        <Outcome locale={locale} record={record} pass={pass} />
      </div>
      <p className="mt-6 text-sm text-slate-700" data-testid="reference">
        {t('reference', { ref: record.requestId })}
      </p>
      <p className="mt-4">
        <LocalizedLink href="/servicedesk/search" locale={locale} className="underline underline-offset-4">
          {t('newSearch')}
        </LocalizedLink>
      </p>
    </>
  );
}

export default async function ConsoleResultPage({ params, searchParams }: Props) {
  const locale = localeFromParams((await params).locale);
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: 'Console' });
  const ref = ((await searchParams).ref ?? '').slice(0, 64);
  return (
    <ConsoleGate
      locale={locale}
      pathname="/servicedesk/result"
      query={ref ? { ref } : undefined}
      access={await consolePageAccess(['agent'])}
      title={t('resultTitle')}
    >
      {(session) => (
        <>
          <h1 className="text-3xl font-bold">{t('resultTitle')}</h1>
          <ResultBody locale={locale} session={session} reference={ref} />
        </>
      )}
    </ConsoleGate>
  );
}

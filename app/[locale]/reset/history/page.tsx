import { getTranslations, setRequestLocale } from 'next-intl/server';
import { PageShell } from '@/components/page-shell';
import { methodName } from '@/components/reset/method-list';
import { LoginAgainForm, SignOutForm } from '@/components/reset/session-forms';
import { getBuildSettings } from '@/lib/config';
import { formatDateTime } from '@/lib/i18n/date-format';
import { pageMetadata } from '@/lib/i18n/metadata';
import { localeFromParams, type Locale } from '@/lib/i18n/routing';
import type { ResetRecord } from '@/lib/records/schema';
import { historyForSession } from '@/lib/wiring/self-service';
import { getResetSession, orUnavailable } from '@/lib/session/reset-session';
import { Unavailable } from '@/components/reset/unavailable';

type Props = { params: Promise<{ locale: string }> };

// Whose history it is comes from the session cookie: never prerendered, never cached.
export const dynamic = 'force-dynamic';

export async function generateMetadata({ params }: Props) {
  const locale = localeFromParams((await params).locale);
  const t = await getTranslations({ locale });
  return pageMetadata({
    locale,
    pathname: '/reset/history',
    title: t('History.title'),
    description: t('History.description'),
    siteName: t('Site.name'),
    indexable: false,
  });
}

type HistoryT = Awaited<ReturnType<typeof getTranslations<'History'>>>;

/** What an attempt was, in the person's words: the outcome, with the special cases named. */
function outcomeText(t: HistoryT, record: ResetRecord): string {
  const cutShort = record.outcome === 'in-progress' || record.outcome === 'interrupted';
  if (record.reason === 'not-me' && !cutShort)
    return record.outcome === 'refused' ? t('outcomeRefused') : t('outcomeNotMe');
  if (record.reason === 'new-pass' && !cutShort) return t('outcomeNewPass');
  switch (record.outcome) {
    case 'success':
      return t('outcomeSuccess');
    case 'partial':
      return t('outcomePartial');
    case 'failed':
      return t('outcomeFailed');
    case 'refused':
      return t('outcomeRefused');
    case 'nothing-to-remove':
      return t('outcomeNothing');
    case 'in-progress':
      return t('outcomeInProgress');
    case 'interrupted':
      return t('outcomeInterrupted');
  }
}

async function Attempt(props: { locale: Locale; record: ResetRecord }) {
  const { locale, record } = props;
  const t = await getTranslations({ locale, namespace: 'History' });
  const flow = await getTranslations({ locale, namespace: 'ResetFlow' });
  return (
    <li
      className="rounded border border-slate-300 bg-white px-4 py-3"
      data-testid="history-attempt"
      data-ref={record.requestId}
    >
      <h2 className="text-lg font-semibold">{formatDateTime(locale, record.createdAt)}</h2>
      <dl className="mt-2 grid grid-cols-1 gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
        <dt className="font-semibold">{t('channel')}</dt>
        {/* The desk as a service, never an agent's name. */}
        <dd>{record.channel === 'service-desk' ? t('channelDesk') : t('channelSelf')}</dd>
        <dt className="font-semibold">{t('outcome')}</dt>
        <dd>{outcomeText(t, record)}</dd>
        <dt className="font-semibold">{t('removed')}</dt>
        <dd>
          {record.removed.length > 0 ? (
            <ul className="list-disc pl-5">
              {record.removed.map((method) => (
                <li key={method.id}>{methodName(flow, method)}</li>
              ))}
            </ul>
          ) : (
            t('removedNothing')
          )}
        </dd>
        <dt className="font-semibold">{t('notice')}</dt>
        <dd>
          {record.noticeSent === null ? t('noticeNone') : record.noticeSent ? t('noticeSent') : t('noticeFailed')}
        </dd>
        <dt className="font-semibold">{t('reference')}</dt>
        <dd className="break-all">{record.requestId}</dd>
      </dl>
    </li>
  );
}

export default async function HistoryPage({ params }: Props) {
  const locale = localeFromParams((await params).locale);
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: 'History' });
  const loaded = await orUnavailable(async () => {
    const session = await getResetSession();
    return { session, history: session ? await historyForSession(session.pid) : null };
  });
  if (loaded === 'unavailable') {
    return (
      <PageShell locale={locale} pathname="/reset/history" serviceDeskUrl={getBuildSettings().serviceDeskUrl}>
        <h1 className="text-3xl font-bold">{t('title')}</h1>
        <div className="mt-6">
          <Unavailable locale={locale} />
        </div>
      </PageShell>
    );
  }
  const { session, history } = loaded;
  if (!session || !history) {
    return (
      <PageShell locale={locale} pathname="/reset/history" serviceDeskUrl={getBuildSettings().serviceDeskUrl}>
        <h1 className="text-3xl font-bold">{t('title')}</h1>
        <p className="mt-4">{t('intro')}</p>
        <LoginAgainForm locale={locale} next="history" label={t('loginButton')} />
      </PageShell>
    );
  }
  const { records, complete } = history;
  return (
    <PageShell locale={locale} pathname="/reset/history" serviceDeskUrl={getBuildSettings().serviceDeskUrl}>
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      <p className="mt-4">{t('signedInIntro')}</p>
      {complete ? null : <p className="mt-4 font-semibold">{t('incomplete')}</p>}
      {records.length === 0 ? (
        <p className="mt-6" data-testid="history-empty">
          {t('empty')}
        </p>
      ) : (
        <ol className="mt-6 space-y-3" aria-label={t('listLabel')}>
          {records.map((record) => (
            <Attempt key={record.id} locale={locale} record={record} />
          ))}
        </ol>
      )}
      <div className="mt-8">
        <SignOutForm locale={locale} />
      </div>
    </PageShell>
  );
}

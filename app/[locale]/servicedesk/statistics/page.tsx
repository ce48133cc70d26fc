import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ConsoleGate, consoleMetadata } from '@/components/console/console-gate';
import {
  StatisticsChart,
  StatisticsNarrowChart,
  StatisticsTable,
  type StatisticsLabels,
} from '@/components/console/statistics-chart';
import { consolePageAccess } from '@/lib/console/page-access';
import { localeFromParams, type Locale } from '@/lib/i18n/routing';
import { CHANNELS, OUTCOMES } from '@/lib/records/vocabulary';
import { getRecords } from '@/lib/wiring/root';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props) {
  return consoleMetadata(
    localeFromParams((await params).locale),
    '/servicedesk/statistics',
    'statsTitle',
    'statsDescription',
  );
}

async function StatisticsBody(props: { locale: Locale }) {
  const { locale } = props;
  const t = await getTranslations({ locale, namespace: 'Console' });
  const now = new Date();
  const stats = await (await getRecords()).statistics(now);
  const labels: StatisticsLabels = {
    chartTitle: t('statsChartTitle'),
    chartDescription: t('statsChartDescription'),
    tableCaption: t('statsByOutcomeCaption'),
    day: t('statsDay'),
    total: t('statsTotal'),
    outcomes: Object.fromEntries(
      OUTCOMES.map((outcome) => [outcome, t(`outcome_${outcome}`)]),
    ) as StatisticsLabels['outcomes'],
    channels: Object.fromEntries(
      CHANNELS.map((channel) => [channel, t(`channel_${channel}`)]),
    ) as StatisticsLabels['channels'],
    narrowHint: t('statsNarrowHint'),
    dayCount: (count) => t('statsDayCount', { count }),
  };
  const cell = 'border border-slate-300 px-2 py-1';
  return (
    <>
      <p className="mt-4" data-testid="statistics-period">
        {t('statsPeriod', { from: stats.from, to: stats.to, total: stats.total })}
      </p>
      <p className="mt-2" data-testid="statistics-share">
        {t('statsShare', { resets: stats.resets, partial: stats.partialShare, failed: stats.failedShare })}
      </p>
      <h2 className="mt-8 text-2xl font-semibold">{t('statsChartTitle')}</h2>
      <StatisticsChart stats={stats} labels={labels} />
      <StatisticsNarrowChart stats={stats} labels={labels} />
      <StatisticsTable stats={stats} labels={labels} />
      <h2 className="mt-8 text-2xl font-semibold">{t('statsReasonsCaption')}</h2>
      {stats.refusalReasons.length === 0 ? (
        <p className="mt-2">{t('statsNoRefusals')}</p>
      ) : (
        <table className="mt-2 border-collapse text-sm" data-testid="statistics-reasons">
          <caption className="sr-only">{t('statsReasonsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col" className={`${cell} text-left`}>
                {t('statsReason')}
              </th>
              <th scope="col" className={`${cell} text-right`}>
                {t('statsCount')}
              </th>
            </tr>
          </thead>
          <tbody>
            {stats.refusalReasons.map((row) => (
              <tr key={row.reason} data-reason={row.reason}>
                <th scope="row" className={`${cell} text-left font-normal`}>
                  <code>{row.reason}</code>
                </th>
                <td className={`${cell} text-right`}>{row.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

export default async function ConsoleStatisticsPage({ params }: Props) {
  const locale = localeFromParams((await params).locale);
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: 'Console' });
  return (
    <ConsoleGate
      locale={locale}
      pathname="/servicedesk/statistics"
      access={await consolePageAccess(['auditor'])}
      title={t('statsTitle')}
    >
      {() => (
        <>
          <h1 className="text-3xl font-bold">{t('statsTitle')}</h1>
          <StatisticsBody locale={locale} />
        </>
      )}
    </ConsoleGate>
  );
}

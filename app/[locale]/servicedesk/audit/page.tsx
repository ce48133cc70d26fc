import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ConsoleGate, consoleMetadata } from '@/components/console/console-gate';
import { methodName } from '@/components/reset/method-list';
import { parseAuditFilter, type AuditFilter, type AuditFilterInput } from '@/lib/console/audit-filter';
import { accountIdForUsername } from '@/lib/wiring/service-desk';
import { consolePageAccess } from '@/lib/console/page-access';
import type { ConsoleSession } from '@/lib/console/session';
import { intlLocale } from '@/lib/i18n/date-format';
import { localeFromParams, type Locale } from '@/lib/i18n/routing';
import { CHANNELS, OUTCOMES } from '@/lib/records/vocabulary';
import { getRecords } from '@/lib/wiring/root';
import { AUDIT_LIMIT } from '@/lib/records/queries';
import type { ResetRecord } from '@/lib/records/schema';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<AuditFilterInput> };

export async function generateMetadata({ params }: Props) {
  return consoleMetadata(
    localeFromParams((await params).locale),
    '/servicedesk/audit',
    'auditTitle',
    'auditDescription',
  );
}

async function Filters(props: { locale: Locale; filter: AuditFilter; agent: boolean }) {
  const { filter } = props;
  const t = await getTranslations({ locale: props.locale, namespace: 'Console' });
  const field = 'mt-1 min-h-11 max-w-full rounded border border-slate-500 bg-white px-2';
  return (
    <form method="get" className="mt-6 rounded border border-slate-300 p-3">
      {/* min-w-0: a fieldset is otherwise as wide as its widest content, which breaks the 320 px reflow. */}
      <fieldset className="min-w-0">
        <legend className="font-semibold">{t('filtersLegend')}</legend>
        <div className="mt-2 flex min-w-0 flex-wrap gap-4">
          <div>
            <label htmlFor="outcome" className="block">
              {t('filterOutcome')}
            </label>
            <select id="outcome" name="outcome" defaultValue={filter.outcome ?? ''} className={field}>
              <option value="">{t('filterAny')}</option>
              {OUTCOMES.map((outcome) => (
                <option key={outcome} value={outcome}>
                  {t(`outcome_${outcome}`)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="channel" className="block">
              {t('filterChannel')}
            </label>
            <select id="channel" name="channel" defaultValue={filter.channel ?? ''} className={field}>
              <option value="">{t('filterAny')}</option>
              {CHANNELS.map((channel) => (
                <option key={channel} value={channel}>
                  {t(`channel_${channel}`)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="from" className="block">
              {t('filterFrom')}
            </label>
            <input id="from" name="from" type="date" defaultValue={filter.from ?? ''} className={field} />
          </div>
          <div>
            <label htmlFor="to" className="block">
              {t('filterTo')}
            </label>
            <input id="to" name="to" type="date" defaultValue={filter.to ?? ''} className={field} />
          </div>
          {props.agent ? (
            <div className="w-full max-w-sm">
              <label htmlFor="username" className="block">
                {t('filterUsername')}
              </label>
              <p id="username-hint" className="text-sm text-slate-700">
                {t('filterUsernameHint')}
              </p>
              <input
                id="username"
                name="username"
                type="text"
                autoComplete="off"
                defaultValue={filter.username ?? ''}
                aria-describedby="username-hint"
                className={`${field} w-full`}
              />
            </div>
          ) : null}
        </div>
      </fieldset>
      <button
        type="submit"
        className="mt-4 inline-flex min-h-11 items-center rounded bg-sky-800 px-5 py-2 font-semibold text-white hover:bg-sky-900"
      >
        {t('filterButton')}
      </button>
    </form>
  );
}

// Long codes (references, object ids, refusal reasons) break anywhere: the table fits the width, no sideways scroll.
const cell = 'border border-slate-300 px-2 py-1 align-top break-words';
const COLUMNS = [
  'colTime',
  'colChannel',
  'colOutcome',
  'colRemoved',
  'colAgent',
  'colVerification',
  'colReference',
] as const;

async function AuditTable(props: { locale: Locale; records: ResetRecord[] }) {
  const { locale, records } = props;
  const t = await getTranslations({ locale, namespace: 'Console' });
  const tr = await getTranslations({ locale, namespace: 'ResetFlow' });
  return (
    <div className="mt-4 overflow-x-auto" tabIndex={0} role="region" aria-labelledby="audit-caption">
      <table className="w-full border-collapse text-sm" data-testid="audit-table">
        <caption id="audit-caption" className="text-left font-semibold">
          {t('auditCaption')}
        </caption>
        <thead>
          <tr>
            {COLUMNS.map((key) => (
              <th key={key} scope="col" className={`${cell} text-left`}>
                {t(key)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {records.map((record) => (
            <tr
              key={record.id}
              data-reference={record.requestId}
              data-outcome={record.outcome}
              data-channel={record.channel}
            >
              <td className={cell}>
                {new Intl.DateTimeFormat(intlLocale(locale), {
                  dateStyle: 'short',
                  timeStyle: 'medium',
                  timeZone: 'Europe/Oslo',
                }).format(record.createdAt)}
              </td>
              <td className={cell}>{t(`channel_${record.channel}`)}</td>
              <td className={cell}>
                {t(`outcome_${record.outcome}`)}
                {record.reason ? (
                  <>
                    {' '}
                    <code className="break-all">({record.reason})</code>
                  </>
                ) : null}
              </td>
              <td className={cell}>{record.removed.map((method) => methodName(tr, method)).join(', ')}</td>
              <td className={cell} data-testid="audit-agent">
                {record.agentName ? <span className="block font-semibold">{record.agentName}</span> : null}
                {record.agentId ? (
                  <span className="block text-xs break-all text-slate-700">
                    {t('agentObjectId', { id: record.agentId })}
                  </span>
                ) : null}
              </td>
              <td className={cell}>
                {record.verificationKind ? t(`verification_${record.verificationKind}`) : ''}
                {record.ticketReference ? ` (${record.ticketReference})` : ''}
              </td>
              <td className={cell}>
                <code className="text-xs break-all">{record.requestId}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

async function AuditBody(props: { locale: Locale; session: ConsoleSession; input: AuditFilterInput }) {
  const { locale, session } = props;
  const t = await getTranslations({ locale, namespace: 'Console' });
  const agent = session.roles.includes('agent');
  const filter = parseAuditFilter(props.input);
  // One person's history is the agent's: it looks the username up in the directory.
  const username = agent ? filter.username : undefined;
  const accountId = username ? await accountIdForUsername(username) : undefined;
  const records =
    username && !accountId ? [] : await (await getRecords()).auditAttempts(filter, accountId ?? undefined);
  return (
    <>
      <Filters locale={locale} filter={filter} agent={agent} />
      {filter.invalid ? (
        <p role="alert" className="mt-4 font-semibold" data-testid="audit-filter-invalid">
          {t('filterInvalid')}
        </p>
      ) : null}
      {username && !accountId ? <p className="mt-4">{t('usernameNotFound', { username })}</p> : null}
      <p className="mt-4" data-testid="audit-count" data-count={records.length}>
        {t('auditCount', { count: records.length, limit: AUDIT_LIMIT })}
      </p>
      {records.length === 0 ? (
        <p className="mt-2">{t('auditEmpty')}</p>
      ) : (
        <AuditTable locale={locale} records={records} />
      )}
    </>
  );
}

export default async function ConsoleAuditPage({ params, searchParams }: Props) {
  const locale = localeFromParams((await params).locale);
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: 'Console' });
  const input = await searchParams;
  const query = Object.fromEntries(
    Object.entries(input)
      .filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== '')
      .slice(0, 5),
  );
  return (
    <ConsoleGate
      locale={locale}
      pathname="/servicedesk/audit"
      query={query}
      access={await consolePageAccess(['agent', 'auditor'])}
      title={t('auditTitle')}
    >
      {(session) => (
        <>
          <h1 className="text-3xl font-bold">{t('auditTitle')}</h1>
          <AuditBody locale={locale} session={session} input={input} />
        </>
      )}
    </ConsoleGate>
  );
}

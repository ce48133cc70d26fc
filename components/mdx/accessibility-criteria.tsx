import { getLocale, getTranslations } from 'next-intl/server';
import {
  CRITERIA,
  NOT_TESTED_BY,
  criteriaSummary,
  evidenceListInWords,
  type Criterion,
  type CriterionStatus,
} from '@/lib/accessibility/criteria';
import { formatDate } from '@/lib/i18n/date-format';
import type { Locale } from '@/lib/i18n/routing';

/** A number from the criteria table, so the statement's summary can never disagree with the table. */
export function CriteriaCount(props: { status?: CriterionStatus }) {
  const summary = criteriaSummary();
  const counts: Record<CriterionStatus, number> = {
    meets: summary.meets,
    breach: summary.breach,
    'not-tested': summary.notTested,
    'not-applicable': summary.notApplicable,
  };
  return <>{props.status ? counts[props.status] : summary.total}</>;
}

/** A YYYY-MM-DD day as the reader's language writes it ("1 March 2027", "1. mars 2027"). */
const day = (locale: Locale, iso: string) => formatDate(locale, new Date(`${iso}T12:00:00Z`));

/**
 * The statement's table, in the order of Uutilsynet's form: each required success criterion, its status, how we
 * know (in words: checked automatically on which pages, or by hand on which day; the test files stay in the code),
 * why it is not met or does not apply, and for what is not met or not tested, what we do and by when.
 */
export async function AccessibilityCriteria() {
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations({ locale, namespace: 'AccessibilityTable' });
  const cell = 'border border-slate-300 px-2 py-1 align-top';
  const fix = (criterion: Criterion) => {
    if (criterion.fix) return t('fixBy', { plan: criterion.fix.plan[locale], date: day(locale, criterion.fix.by) });
    if (criterion.status === 'not-tested') return t('testBy', { date: day(locale, NOT_TESTED_BY) });
    return t('none');
  };
  return (
    <div className="not-prose my-6 overflow-x-auto" tabIndex={0} role="region" aria-label={t('caption')}>
      <table className="w-full border-collapse text-sm">
        <caption className="mb-2 text-left font-semibold">{t('caption')}</caption>
        <thead>
          <tr>
            {(['criterion', 'status', 'evidence', 'note', 'fix'] as const).map((column) => (
              <th key={column} scope="col" className={cell}>
                {t(column)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {CRITERIA.map((criterion) => (
            <tr key={criterion.id} id={`wcag-${criterion.id.replaceAll('.', '-')}`}>
              <th scope="row" className={`${cell} text-left font-normal`}>
                {criterion.id} {criterion.name[locale]} ({t('level', { level: criterion.level })})
              </th>
              <td className={cell}>{t(`status_${criterion.status}`)}</td>
              <td className={cell}>
                {criterion.evidence.length === 0 ? (
                  t('none')
                ) : (
                  <ul className="m-0 list-none p-0">
                    {evidenceListInWords(criterion.evidence).map((item) =>
                      item.kind === 'automatic' ? (
                        <li key={`a-${item.pages}`}>{t(`automatic_${item.pages}`)}</li>
                      ) : (
                        <li key={`m-${item.topic}`}>
                          {t('manual', { date: day(locale, item.date), topic: t(`topic_${item.topic}`) })}
                        </li>
                      ),
                    )}
                  </ul>
                )}
              </td>
              <td className={cell}>{criterion.note?.[locale] ?? t('none')}</td>
              <td className={cell}>{fix(criterion)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

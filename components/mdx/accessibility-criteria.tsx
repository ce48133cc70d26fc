import { getLocale, getTranslations } from 'next-intl/server';
import { CRITERIA, criteriaSummary, type CriterionStatus } from '@/lib/accessibility/criteria';
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

/** The statement's table: each required success criterion, its status, and the test or manual check behind it. */
export async function AccessibilityCriteria() {
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations({ locale, namespace: 'AccessibilityTable' });
  const cell = 'border border-slate-300 px-2 py-1 align-top';
  return (
    <div className="not-prose my-6 overflow-x-auto" tabIndex={0} role="region" aria-label={t('caption')}>
      <table className="w-full border-collapse text-sm">
        <caption className="mb-2 text-left font-semibold">{t('caption')}</caption>
        <thead>
          <tr>
            {(['criterion', 'status', 'evidence', 'note'] as const).map((column) => (
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
                    {criterion.evidence.map((evidence) => (
                      <li key={'test' in evidence ? `${evidence.test}${evidence.name}` : evidence.review}>
                        {'test' in evidence
                          ? t('test', { file: evidence.test.replace('tests/e2e/', '') })
                          : t('review', { section: evidence.review.split('#')[1] ?? '' })}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td className={cell}>{criterion.note?.[locale] ?? t('none')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

import { getTranslations } from 'next-intl/server';
import { formatDate } from '@/lib/i18n/date-format';
import type { Locale } from '@/lib/i18n/routing';
import { methodName, type MethodView } from './method-list';

/**
 * The removable registrations as checkboxes named `method`, ticked except phone numbers (a number often moves to
 * the new phone, so removing it is a choice to make, not a default): a plain form field, so the choice works
 * without JavaScript. The server action trusts none of it beyond what the account really has. The console words
 * the legend and hint for the agent (`texts`); the default speaks to the person.
 */
export async function MethodChoice(props: {
  locale: Locale;
  methods: MethodView[];
  texts?: { legend: string; hint: string };
  /** The person posted the form with nothing ticked: the group is marked invalid and says so. */
  nothingChosen?: boolean;
}) {
  const t = await getTranslations({ locale: props.locale, namespace: 'ResetFlow' });
  return (
    <fieldset className="mt-3" aria-describedby={props.nothingChosen ? 'choose-error' : undefined}>
      <legend className="text-lg font-semibold">{props.texts?.legend ?? t('chooseLegend')}</legend>
      {props.nothingChosen ? (
        <p id="choose-error" className="mt-1 font-semibold text-red-800" data-testid="nothing-chosen-error">
          {t('nothingChosenError')}
        </p>
      ) : null}
      <p className="mt-1" id="choose-hint">
        {props.texts?.hint ?? t('chooseHint')}
      </p>
      <ul className="mt-3 space-y-2" data-testid="methods-to-remove">
        {props.methods.map((method) => (
          <li key={method.id} className="rounded border border-slate-300 bg-white">
            <label className="flex min-h-11 cursor-pointer items-start gap-3 px-4 py-3">
              <input
                type="checkbox"
                name="method"
                value={method.id}
                defaultChecked={method.type !== 'phone'}
                aria-describedby={method.type === 'phone' ? `choose-hint phone-hint-${method.id}` : 'choose-hint'}
                className="mt-1 h-5 w-5 shrink-0 accent-sky-800"
              />
              <span>
                <span className="font-semibold">{methodName(t, method)}</span>
                {method.type === 'phone' ? (
                  <span id={`phone-hint-${method.id}`} className="block text-slate-700">
                    {t('phoneHint')}
                  </span>
                ) : null}
                {method.createdAt ? (
                  <span className="block text-slate-700">
                    {t('methodAdded', { date: formatDate(props.locale, new Date(method.createdAt)) })}
                  </span>
                ) : null}
              </span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

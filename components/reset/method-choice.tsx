import { getTranslations } from 'next-intl/server';
import { formatDate } from '@/lib/i18n/date-format';
import type { Locale } from '@/lib/i18n/routing';
import { methodName, type MethodView } from './method-list';

/**
 * The removable registrations as checkboxes named `method`, all ticked: a plain form field, so the choice works
 * without JavaScript. The server action trusts none of it beyond what the account really has. The console words
 * the legend and hint for the agent (`texts`); the default speaks to the person.
 */
export async function MethodChoice(props: {
  locale: Locale;
  methods: MethodView[];
  texts?: { legend: string; hint: string };
}) {
  const t = await getTranslations({ locale: props.locale, namespace: 'ResetFlow' });
  return (
    <fieldset className="mt-3">
      <legend className="text-lg font-semibold">{props.texts?.legend ?? t('chooseLegend')}</legend>
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
                defaultChecked
                aria-describedby="choose-hint"
                className="mt-1 h-5 w-5 shrink-0 accent-sky-800"
              />
              <span>
                <span className="font-semibold">{methodName(t, method)}</span>
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

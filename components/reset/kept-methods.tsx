import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { methodName, type MethodView } from './method-list';

/**
 * What a reset leaves on the account, named: on the confirm page every kind the site never removes, on the result
 * page what still signs the person in ("iPhone 15 is still registered: it still works for sign-in").
 */
export async function KeptMethods(props: {
  locale: Locale;
  methods: MethodView[];
  variant: 'confirm' | 'result';
  headingLevel?: 2 | 3;
}) {
  if (props.methods.length === 0) return null;
  const t = await getTranslations({ locale: props.locale, namespace: 'ResetFlow' });
  const Heading = props.headingLevel === 3 ? 'h3' : 'h2';
  const headingClass = props.headingLevel === 3 ? 'text-xl font-semibold' : 'text-2xl font-semibold';
  return (
    <section aria-labelledby={`kept-heading-${props.variant}`} className="mt-8" data-testid="kept-methods">
      <Heading id={`kept-heading-${props.variant}`} className={headingClass}>
        {props.variant === 'confirm' ? t('keptHeading') : t('stillRegisteredHeading')}
      </Heading>
      {props.variant === 'confirm' ? <p className="mt-2">{t('keptIntro')}</p> : null}
      <ul className="mt-3 space-y-2">
        {props.methods.map((method) => (
          <li key={method.id} className="rounded border border-slate-300 bg-white px-4 py-3">
            {props.variant === 'confirm' ? (
              <span className="font-semibold">{methodName(t, method)}</span>
            ) : (
              t('stillRegistered', { name: methodName(t, method) })
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

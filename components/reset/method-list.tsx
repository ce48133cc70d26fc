import { getFormatter, getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';

/** What the reset removes (or removed), named so a person recognises their own phones. */
export type MethodView = { id: string; type: string; label: string; createdAt?: string | null; reason?: string };

export async function MethodList(props: { locale: Locale; methods: MethodView[]; testId?: string }) {
  const t = await getTranslations({ locale: props.locale, namespace: 'ResetFlow' });
  const format = await getFormatter({ locale: props.locale });
  return (
    <ul className="mt-3 space-y-2" data-testid={props.testId}>
      {props.methods.map((method) => (
        <li key={method.id} className="rounded border border-slate-300 bg-white px-4 py-3">
          <span className="font-semibold">
            {method.type === 'softwareOath'
              ? t('methodSoftwareOath')
              : method.label
                ? t('methodAuthenticator', { label: method.label })
                : t('methodAuthenticatorUnnamed')}
          </span>
          {method.createdAt ? (
            <span className="block text-slate-700">
              {t('methodAdded', { date: format.dateTime(new Date(method.createdAt), { dateStyle: 'long' }) })}
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

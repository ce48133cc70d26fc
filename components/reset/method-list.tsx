import { getTranslations } from 'next-intl/server';
import { formatDate } from '@/lib/i18n/date-format';
import type { Locale } from '@/lib/i18n/routing';

/** What the reset removes (or removed), named so a person recognises their own phones. */
export type MethodView = { id: string; type: string; label: string; createdAt?: string | null; reason?: string };

type ResetFlowT = Awaited<ReturnType<typeof getTranslations<'ResetFlow'>>>;

/** How a registration is named on every page, by kind, with the device name Graph gave (if any). */
export function methodName(t: ResetFlowT, method: Pick<MethodView, 'type' | 'label'>): string {
  switch (method.type) {
    case 'softwareOath':
      return t('methodSoftwareOath');
    case 'microsoftAuthenticatorPasskey':
      return method.label
        ? t('methodAuthenticatorPasskey', { label: method.label })
        : t('methodAuthenticatorPasskeyUnnamed');
    default:
      return method.label ? t('methodAuthenticator', { label: method.label }) : t('methodAuthenticatorUnnamed');
  }
}

export async function MethodList(props: { locale: Locale; methods: MethodView[]; testId?: string }) {
  const t = await getTranslations({ locale: props.locale, namespace: 'ResetFlow' });
  return (
    <ul className="mt-3 space-y-2" data-testid={props.testId}>
      {props.methods.map((method) => (
        <li key={method.id} className="rounded border border-slate-300 bg-white px-4 py-3">
          <span className="font-semibold">{methodName(t, method)}</span>
          {method.createdAt ? (
            <span className="block text-slate-700">
              {t('methodAdded', { date: formatDate(props.locale, new Date(method.createdAt)) })}
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

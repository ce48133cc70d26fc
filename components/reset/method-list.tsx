import { getTranslations } from 'next-intl/server';
import { formatDate } from '@/lib/i18n/date-format';
import type { Locale } from '@/lib/i18n/routing';

/** What the reset removes (or removed), named so a person recognises their own phones. */
export type MethodView = { id: string; type: string; label: string; createdAt?: string | null; reason?: string };

type ResetFlowT = Awaited<ReturnType<typeof getTranslations<'ResetFlow'>>>;

/** How a registration is named on every page, by kind, with the device name Graph gave (if any). */
export function methodName(t: ResetFlowT, method: Pick<MethodView, 'type' | 'label'>): string {
  const { label } = method;
  switch (method.type) {
    case 'microsoftAuthenticator':
      return label ? t('methodAuthenticator', { label }) : t('methodAuthenticatorUnnamed');
    case 'softwareOath':
      return t('methodSoftwareOath');
    case 'microsoftAuthenticatorPasskey':
      return label ? t('methodAuthenticatorPasskey', { label }) : t('methodAuthenticatorPasskeyUnnamed');
    case 'phone':
      return label ? t('methodPhone', { label }) : t('methodPhoneUnnamed');
    case 'securityKey':
      return label ? t('methodSecurityKey', { label }) : t('methodSecurityKeyUnnamed');
    case 'hardwareOath':
      return t('methodHardwareOath');
    case 'platformCredential':
      return label ? t('methodPlatformCredential', { label }) : t('methodPlatformCredentialUnnamed');
    case 'windowsHello':
      return label ? t('methodWindowsHello', { label }) : t('methodWindowsHelloUnnamed');
    case 'qrCodePin':
      return t('methodQrCodePin');
    case 'external':
      return label ? t('methodExternal', { label }) : t('methodExternalUnnamed');
    case 'email':
      return t('methodEmail');
    case 'password':
      return t('methodPassword');
    case 'temporaryAccessPass':
      return t('methodTemporaryAccessPass');
    default:
      return t('methodOther');
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

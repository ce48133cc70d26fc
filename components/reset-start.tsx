import { getLocale, getTranslations } from 'next-intl/server';
import type { AcrLevel } from '@/lib/idporten/assurance';
import { startIdportenLogin } from '@/lib/session/actions';
import { SubmitButton } from './submit-button';

/**
 * The reset guide's start button: a form that sends the person to ID-porten (works without JavaScript).
 * Which electronic IDs it names follows IDPORTEN_ACR, and the warning about logins without a national
 * identity number comes before the button, where it can still change the person's choice.
 */
export async function ResetStart(props: { /** IDPORTEN_ACR, the level the site requires. */ loginLevel: AcrLevel }) {
  const locale = await getLocale();
  const t = await getTranslations('ResetStart');
  const high = props.loginLevel === 'idporten-loa-high';
  return (
    <form action={startIdportenLogin} className="not-prose my-6 rounded-lg border-2 border-sky-800 bg-white p-5">
      <h2 className="text-xl font-semibold">{t('title')}</h2>
      <p className="mt-2">{high ? t('textHigh') : t('textSubstantial')}</p>
      <div role="note" className="mt-3 rounded border-l-4 border-amber-700 bg-amber-50 p-3">
        <p className="font-semibold">{t('warningTitle')}</p>
        <p className="mt-1">{t('warningText')}</p>
      </div>
      <input type="hidden" name="locale" value={locale} />
      <div className="mt-4">
        <SubmitButton label={t('button')} pendingLabel={t('pending')} />
      </div>
    </form>
  );
}

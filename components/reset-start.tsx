import { getLocale, getTranslations } from 'next-intl/server';
import { startIdportenLogin } from '@/lib/session/actions';
import { SubmitButton } from './submit-button';

/** The reset guide's start button: a form that sends the person to ID-porten (works without JavaScript). */
export async function ResetStart() {
  const locale = await getLocale();
  const t = await getTranslations('ResetStart');
  return (
    <form action={startIdportenLogin} className="not-prose my-6 rounded-lg border-2 border-sky-800 bg-white p-5">
      <h2 className="text-xl font-semibold">{t('title')}</h2>
      <p className="mt-2">{t('text')}</p>
      <input type="hidden" name="locale" value={locale} />
      <div className="mt-4">
        <SubmitButton label={t('button')} pendingLabel={t('pending')} />
      </div>
    </form>
  );
}

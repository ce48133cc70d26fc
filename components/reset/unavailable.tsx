import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';

/**
 * The records could not be reached, so the attempt stopped before changing anything: said the same way wherever a
 * reset or a "this wasn't me" could not start.
 */
export async function Unavailable({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: 'ResetFlow' });
  return (
    <section aria-labelledby="unavailable-heading" data-testid="unavailable-notice">
      <h2 id="unavailable-heading" className="text-2xl font-semibold">
        {t('unavailableTitle')}
      </h2>
      <p className="mt-2">{t('unavailableText')}</p>
    </section>
  );
}

import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';
import { LocalizedLink } from '../localized-link';

/** A reset page reached without a (still valid) session: say so, and point back to the start. */
export async function NotSignedIn(props: { locale: Locale }) {
  const t = await getTranslations({ locale: props.locale, namespace: 'ResetFlow' });
  return (
    <section aria-labelledby="not-signed-in">
      <h2 id="not-signed-in" className="text-2xl font-semibold">
        {t('notSignedInTitle')}
      </h2>
      <p className="mt-3">{t('notSignedInText')}</p>
      <p className="mt-4">
        <LocalizedLink href="/reset" locale={props.locale}>
          {t('startAgain')}
        </LocalizedLink>
      </p>
    </section>
  );
}

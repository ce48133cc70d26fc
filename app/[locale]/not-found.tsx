import { getLocale, getTranslations } from 'next-intl/server';
import { NotFoundContent } from '@/components/not-found-content';
import { getBuildSettings } from '@/lib/config';
import type { Locale } from '@/lib/i18n/routing';

// What a page's own notFound() shows (rendered by the browser: Next sends such 404s as an empty shell).
// Addresses that match no page at all get the prerendered page-not-found page from proxy.ts instead.
export default async function LocalizedNotFound() {
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations({ locale, namespace: 'NotFound' });
  return (
    <>
      <title>{t('title')}</title>
      <NotFoundContent locale={locale} serviceDeskUrl={getBuildSettings().serviceDeskUrl} />
    </>
  );
}

import { getTranslations, setRequestLocale } from 'next-intl/server';
import { NotFoundContent } from '@/components/not-found-content';
import { getBuildSettings } from '@/lib/config';
import { localeFromParams } from '@/lib/i18n/routing';

type Props = { params: Promise<{ locale: string }> };

// The 404 page as complete, prerendered HTML (readable without JavaScript). proxy.ts serves it, with
// status 404, for every address that matches no page; it has no address of its own.
export async function generateMetadata({ params }: Props) {
  const locale = localeFromParams((await params).locale);
  const t = await getTranslations({ locale, namespace: 'NotFound' });
  const site = await getTranslations({ locale, namespace: 'Site' });
  return { title: `${t('title')} – ${site('name')}`, robots: { index: false, follow: false } };
}

export default async function PageNotFound({ params }: Props) {
  const locale = localeFromParams((await params).locale);
  setRequestLocale(locale);
  return <NotFoundContent locale={locale} serviceDeskUrl={getBuildSettings().serviceDeskUrl} />;
}

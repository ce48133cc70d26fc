import { getTranslations } from 'next-intl/server';
import { NoticePage, noticeMetadata } from '@/components/reset/notice-page';
import { ServiceDesk } from '@/components/service-desk';
import { getBuildSettings } from '@/lib/config';
import { localeFromParams } from '@/lib/i18n/routing';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props) {
  const locale = localeFromParams((await params).locale);
  return noticeMetadata(locale, '/reset/no-national-id', {
    title: 'noNationalIdTitle',
    description: 'noNationalIdDescription',
  });
}

// Where a login without a Norwegian national identity number ends: no session, a way forward.
export default async function NoNationalIdPage({ params }: Props) {
  const locale = localeFromParams((await params).locale);
  const t = await getTranslations({ locale, namespace: 'ResetFlow' });
  return (
    <NoticePage
      locale={locale}
      pathname="/reset/no-national-id"
      title="noNationalIdTitle"
      serviceDeskUrl={getBuildSettings().serviceDeskUrl}
    >
      <p className="mt-4" data-testid="no-national-id">
        {t('noNationalIdText')}
      </p>
      <div className="mt-6">
        <ServiceDesk url={getBuildSettings().serviceDeskUrl} locale={locale} headingLevel={2} />
      </div>
    </NoticePage>
  );
}

import { GuidePage, guideMetadata } from '@/components/guide-page';
import { getBuildSettings } from '@/lib/config';
import { localeFromParams } from '@/lib/i18n/routing';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props) {
  return guideMetadata(localeFromParams((await params).locale), 'external-users');
}

export default async function ExternalUsersGuidePage({ params }: Props) {
  return (
    <GuidePage
      locale={localeFromParams((await params).locale)}
      guide="external-users"
      serviceDeskUrl={getBuildSettings().serviceDeskUrl}
    />
  );
}

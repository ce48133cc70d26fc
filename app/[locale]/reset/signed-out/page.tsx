import { getTranslations } from 'next-intl/server';
import { LocalizedLink } from '@/components/localized-link';
import { NoticePage, noticeMetadata } from '@/components/reset/notice-page';
import { getBuildSettings } from '@/lib/config';
import { localeFromParams } from '@/lib/i18n/routing';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props) {
  const locale = localeFromParams((await params).locale);
  return noticeMetadata(locale, '/reset/signed-out', { title: 'signedOutTitle', description: 'signedOutDescription' });
}

export default async function SignedOutPage({ params }: Props) {
  const locale = localeFromParams((await params).locale);
  const t = await getTranslations({ locale, namespace: 'ResetFlow' });
  return (
    <NoticePage
      locale={locale}
      pathname="/reset/signed-out"
      title="signedOutTitle"
      serviceDeskUrl={getBuildSettings().serviceDeskUrl}
    >
      <p className="mt-4">{t('signedOutText')}</p>
      <p className="mt-4">
        <LocalizedLink href="/reset" locale={locale} className="underline underline-offset-4">
          {t('startAgain')}
        </LocalizedLink>
      </p>
    </NoticePage>
  );
}

import { getTranslations, setRequestLocale } from 'next-intl/server';
import { PageShell } from '@/components/page-shell';
import { LocalizedLink } from '@/components/localized-link';
import { ServiceDesk } from '@/components/service-desk';
import { getBuildSettings } from '@/lib/config';
import { pageMetadata } from '@/lib/i18n/metadata';
import { localeFromParams } from '@/lib/i18n/routing';
import { LoginFailureReasonSchema } from '@/lib/session/login-failure';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ reason?: string }> };

export async function generateMetadata({ params }: Props) {
  const locale = localeFromParams((await params).locale);
  const t = await getTranslations({ locale });
  return pageMetadata({
    locale,
    pathname: '/reset/login-failed',
    title: t('LoginFailed.title'),
    description: t('LoginFailed.description'),
    siteName: t('Site.name'),
    indexable: false,
  });
}

export default async function LoginFailedPage({ params, searchParams }: Props) {
  const locale = localeFromParams((await params).locale);
  setRequestLocale(locale);
  const reason = LoginFailureReasonSchema.parse((await searchParams).reason);
  const t = await getTranslations({ locale, namespace: 'LoginFailed' });
  return (
    <PageShell locale={locale} pathname="/reset/login-failed" serviceDeskUrl={getBuildSettings().serviceDeskUrl}>
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      <p className="mt-4" data-testid="login-failed-reason" data-reason={reason}>
        {t(`${reason}Text`)}
      </p>
      <p className="mt-4">{t('nothingChanged')}</p>
      <p className="mt-4">
        <LocalizedLink href="/reset" locale={locale} className="underline underline-offset-4">
          {t('tryAgain')}
        </LocalizedLink>
      </p>
      <div className="mt-8">
        <ServiceDesk url={getBuildSettings().serviceDeskUrl} locale={locale} headingLevel={2} />
      </div>
    </PageShell>
  );
}

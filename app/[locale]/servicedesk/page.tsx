import { getTranslations, setRequestLocale } from 'next-intl/server';
import { LocalizedLink } from '@/components/localized-link';
import { consoleMetadata } from '@/components/console/console-gate';
import { ConsoleSignInForm } from '@/components/console/console-forms';
import { ConsoleShell } from '@/components/console/console-shell';
import { notFound } from 'next/navigation';
import { getConfig } from '@/lib/config';
import { getConsoleSession } from '@/lib/console/session';
import { localeFromParams } from '@/lib/i18n/routing';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ 'signed-out'?: string }> };

export async function generateMetadata({ params }: Props) {
  return consoleMetadata(localeFromParams((await params).locale), '/servicedesk', 'title', 'description');
}

export default async function ConsoleHomePage({ params, searchParams }: Props) {
  const locale = localeFromParams((await params).locale);
  setRequestLocale(locale);
  if (!getConfig().console.enabled) notFound();
  const t = await getTranslations({ locale, namespace: 'Console' });
  const session = await getConsoleSession();
  const signedOut = (await searchParams)['signed-out'] === '1';
  const link = 'underline underline-offset-4';
  return (
    <ConsoleShell locale={locale} pathname="/servicedesk" session={session}>
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      <p className="mt-4">{t('intro')}</p>
      {session ? (
        <ul className="mt-6 list-disc space-y-2 pl-6">
          {session.roles.includes('agent') ? (
            <li>
              <LocalizedLink href="/servicedesk/search" locale={locale} className={link}>
                {t('navSearch')}
              </LocalizedLink>
            </li>
          ) : null}
          <li>
            <LocalizedLink href="/servicedesk/audit" locale={locale} className={link}>
              {t('navAudit')}
            </LocalizedLink>
          </li>
          {session.roles.includes('auditor') ? (
            <li>
              <LocalizedLink href="/servicedesk/statistics" locale={locale} className={link}>
                {t('navStatistics')}
              </LocalizedLink>
            </li>
          ) : null}
        </ul>
      ) : (
        <>
          {signedOut ? (
            <p className="mt-4 font-semibold" role="status" data-testid="console-signed-out">
              {t('signedOut')}
            </p>
          ) : null}
          <p className="mt-4">{t('signInText')}</p>
          <ConsoleSignInForm locale={locale} />
        </>
      )}
    </ConsoleShell>
  );
}

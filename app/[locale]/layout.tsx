import type { ReactNode } from 'react';
import type { Viewport } from 'next';
import { notFound } from 'next/navigation';
import { hasLocale } from 'next-intl';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ErrorTextsProvider } from '@/components/error-texts';
import { getBuildSettings } from '@/lib/config';
import { getPathname } from '@/lib/i18n/navigation';
import { routing } from '@/lib/i18n/routing';
import '../globals.css';

export const dynamicParams = false;

export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function LocaleLayout(props: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await props.params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: 'ErrorPage' });
  const errorTexts = {
    title: t('title'),
    text: t('text'),
    tryAgain: t('tryAgain'),
    reference: t('reference'),
    serviceDesk: t('serviceDesk'),
    serviceDeskUrl: getBuildSettings().serviceDeskUrl,
    home: t('home'),
    homeHref: getPathname({ locale, href: '/' }),
  };
  return (
    <html lang={locale}>
      <body className="min-h-screen">
        <ErrorTextsProvider texts={errorTexts}>{props.children}</ErrorTextsProvider>
      </body>
    </html>
  );
}

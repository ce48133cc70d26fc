import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import type { AppPathname, Locale } from '@/lib/i18n/routing';
import { SiteFooter } from './site-footer';
import { SiteHeader } from './site-header';

/** Every page's frame: skip link, header with language switcher, one main landmark, footer. */
export async function PageShell(props: {
  locale: Locale;
  pathname: AppPathname;
  query?: Record<string, string>;
  /** For the footer's service desk contact (SERVICE_DESK_URL). */
  serviceDeskUrl: string;
  children: ReactNode;
}) {
  const t = await getTranslations({ locale: props.locale, namespace: 'Site' });
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-3 focus:font-semibold"
      >
        {t('skipToContent')}
      </a>
      <SiteHeader locale={props.locale} pathname={props.pathname} query={props.query} />
      <main id="main" tabIndex={-1} className="mx-auto max-w-3xl px-4 py-8 focus:outline-none">
        {props.children}
      </main>
      <SiteFooter locale={props.locale} serviceDeskUrl={props.serviceDeskUrl} />
    </>
  );
}

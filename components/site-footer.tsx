import { getTranslations } from 'next-intl/server';
import { LocalizedLink } from '@/components/localized-link';
import type { Locale } from '@/lib/i18n/routing';
import { ServiceDesk } from './service-desk';

/** Site footer: what the site is, the service desk and the accessibility statement. */
export async function SiteFooter(props: { locale: Locale; serviceDeskUrl: string }) {
  const t = await getTranslations({ locale: props.locale, namespace: 'Site' });
  return (
    <footer aria-label={t('footerLabel')} className="mt-16 border-t border-slate-300 bg-slate-50">
      <div className="mx-auto grid max-w-5xl gap-6 px-4 py-8 sm:grid-cols-2">
        <div>
          <p className="font-semibold">
            {t('name')} · {t('owner')}
          </p>
          <p className="mt-1 text-slate-700">{t('footerAbout')}</p>
          <p className="mt-3">
            <LocalizedLink
              href="/accessibility"
              locale={props.locale}
              className="inline-flex min-h-6 underline underline-offset-4"
            >
              {t('accessibilityStatement')}
            </LocalizedLink>
          </p>
        </div>
        <ServiceDesk url={props.serviceDeskUrl} locale={props.locale} headingLevel={2} />
      </div>
    </footer>
  );
}

import { getTranslations } from 'next-intl/server';
import { LocalizedLink } from '@/components/localized-link';
import { PageShell } from '@/components/page-shell';
import type { Locale } from '@/lib/i18n/routing';

/** The 404 page's frame and text, in one language. */
export async function NotFoundContent(props: { locale: Locale; serviceDeskUrl: string }) {
  const { locale } = props;
  const t = await getTranslations({ locale, namespace: 'NotFound' });
  const nav = await getTranslations({ locale, namespace: 'Nav' });
  return (
    <PageShell locale={locale} pathname="/" serviceDeskUrl={props.serviceDeskUrl}>
      <h1 className="text-3xl font-bold">{t('title')}</h1>
      <p className="mt-4">{t('description')}</p>
      <p className="mt-4">{t('text')}</p>
      <ul className="mt-2 list-disc pl-6">
        <li>
          <LocalizedLink href="/" locale={locale} className="underline">
            {t('home')}
          </LocalizedLink>
        </li>
        <li>
          <LocalizedLink href="/activate" locale={locale} className="underline">
            {nav('activate')}
          </LocalizedLink>
        </li>
        <li>
          <LocalizedLink href="/reset" locale={locale} className="underline">
            {nav('reset')}
          </LocalizedLink>
        </li>
        <li>
          <LocalizedLink href="/faq" locale={locale} className="underline">
            {nav('faq')}
          </LocalizedLink>
        </li>
      </ul>
    </PageShell>
  );
}

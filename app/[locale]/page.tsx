import { getTranslations, setRequestLocale } from 'next-intl/server';
import { PageShell } from '@/components/page-shell';
import { LocalizedLink } from '@/components/localized-link';
import { getBuildSettings } from '@/lib/config';
import { pageMetadata } from '@/lib/i18n/metadata';
import { withSoftHyphens } from '@/lib/i18n/soft-hyphens';
import { localeFromParams, type AppPathname } from '@/lib/i18n/routing';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props) {
  const locale = localeFromParams((await params).locale);
  const t = await getTranslations({ locale });
  return pageMetadata({
    locale,
    pathname: '/',
    title: t('Home.title'),
    description: t('Home.description'),
    siteName: t('Site.name'),
  });
}

const choices = [
  { pathname: '/activate', title: 'activateTitle', text: 'activateText' },
  { pathname: '/reset', title: 'resetTitle', text: 'resetText' },
  { pathname: '/external-users', title: 'externalTitle', text: 'externalText' },
  { pathname: '/faq', title: 'faqTitle', text: 'faqText' },
] as const satisfies readonly { pathname: AppPathname; title: string; text: string }[];

export default async function HomePage({ params }: Props) {
  const locale = localeFromParams((await params).locale);
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: 'Home' });
  return (
    <PageShell locale={locale} pathname="/" serviceDeskUrl={getBuildSettings().serviceDeskUrl}>
      <h1 className="text-3xl font-bold hyphens-auto sm:text-4xl">{withSoftHyphens(t('title'))}</h1>
      <p className="mt-4 text-lg">{t('intro')}</p>
      <h2 className="sr-only">{t('choicesLabel')}</h2>
      <ul className="mt-8 grid gap-4 sm:grid-cols-2">
        {choices.map((choice) => (
          <li key={choice.pathname}>
            {/* The whole card is one link: one click (or one Enter) to the right guide. */}
            <LocalizedLink
              href={choice.pathname}
              locale={locale}
              className="block h-full rounded-lg border border-slate-300 bg-white p-5 no-underline shadow-sm hover:border-sky-800 hover:bg-sky-50"
            >
              <span className="block text-lg font-semibold text-sky-900 underline underline-offset-4">
                {withSoftHyphens(t(choice.title))}
              </span>
              <span className="mt-2 block text-slate-800">{t(choice.text)}</span>
            </LocalizedLink>
          </li>
        ))}
      </ul>
    </PageShell>
  );
}

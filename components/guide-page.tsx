import { getTranslations, setRequestLocale } from 'next-intl/server';
import type { Metadata } from 'next';
import { guidePathnames, loadGuide, type GuideKey } from '@/lib/content';
import { formatDate } from '@/lib/i18n/date-format';
import { withSoftHyphens } from '@/lib/i18n/soft-hyphens';
import { pageMetadata } from '@/lib/i18n/metadata';
import type { Locale } from '@/lib/i18n/routing';
import { PageShell } from './page-shell';

/** Title, description and hreflang alternates of one guide in one language. */
export async function guideMetadata(locale: Locale, guide: GuideKey): Promise<Metadata> {
  const { metadata } = await loadGuide(locale, guide);
  const t = await getTranslations({ locale, namespace: 'Site' });
  return pageMetadata({
    locale,
    pathname: guidePathnames[guide],
    siteName: t('name'),
    title: metadata.title,
    description: metadata.description,
  });
}

/** A whole guide page: the frame, the guide's title as the page's only h1, and its MDX body. */
export async function GuidePage(props: { locale: Locale; guide: GuideKey; serviceDeskUrl: string }) {
  setRequestLocale(props.locale);
  const { Content, metadata } = await loadGuide(props.locale, props.guide);
  const t = await getTranslations({ locale: props.locale, namespace: 'Guide' });
  const lastChecked = formatDate(props.locale, new Date(`${metadata.lastChecked}T12:00:00Z`));
  return (
    <PageShell locale={props.locale} pathname={guidePathnames[props.guide]} serviceDeskUrl={props.serviceDeskUrl}>
      <article className="prose prose-slate max-w-none prose-a:text-sky-900 prose-headings:scroll-mt-4">
        <h1 className="text-3xl hyphens-auto sm:text-4xl">{withSoftHyphens(metadata.title)}</h1>
        <p className="text-sm text-slate-700">
          <time dateTime={metadata.lastChecked}>{t('lastChecked', { date: lastChecked })}</time>
        </p>
        <Content />
      </article>
      {/* The guide's only script: a prerendered page ships without the framework's (scripts/static-pages.cjs). */}
      <script src="/keep-anchor.js" async />
    </PageShell>
  );
}

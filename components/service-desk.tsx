import { getLocale, getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/routing';

/** The IT service desk's contact (not a landmark: it appears in a page's text and in the footer), from one place: the messages and the SERVICE_DESK_URL setting. */
export async function ServiceDesk(props: {
  /** The service desk's page (SERVICE_DESK_URL). */
  url: string;
  locale?: Locale;
  headingLevel?: 2 | 3;
}) {
  const locale = props.locale ?? ((await getLocale()) as Locale);
  const t = await getTranslations({ locale, namespace: 'ServiceDesk' });
  const Heading = props.headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className="not-prose rounded border border-slate-300 bg-white p-4">
      <Heading className="text-lg font-semibold">{t('title')}</Heading>
      <p className="mt-1">{t('text')}</p>
      <p className="mt-2">
        <a href={props.url} className="inline-flex min-h-6 underline underline-offset-4">
          {t('linkText')}
        </a>
      </p>
    </div>
  );
}

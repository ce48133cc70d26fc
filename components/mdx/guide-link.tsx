import type { ReactNode } from 'react';
import { getLocale, getTranslations } from 'next-intl/server';
import { guidePathnames, type GuideKey } from '@/lib/content';
import { LocalizedLink } from '@/components/localized-link';
import type { Locale } from '@/lib/i18n/routing';

/** A link from guide text to another guide, in the reader's language. */
export async function GuideLink(props: { guide: GuideKey; anchor?: string; children: ReactNode }) {
  const locale = (await getLocale()) as Locale;
  return (
    <LocalizedLink href={guidePathnames[props.guide]} hash={props.anchor} locale={locale}>
      {props.children}
    </LocalizedLink>
  );
}

/** A prominent "next step" link at the end of a guide. */
export async function NextStep(props: { guide: GuideKey; children: ReactNode }) {
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations('Guide');
  return (
    <p className="not-prose my-8">
      <LocalizedLink
        href={guidePathnames[props.guide]}
        locale={locale}
        className="inline-flex min-h-11 items-center gap-2 rounded bg-sky-800 px-4 py-2 font-semibold text-white no-underline hover:bg-sky-900"
      >
        <span className="sr-only">{t('nextStep')}: </span>
        {props.children}
        <span aria-hidden="true">→</span>
      </LocalizedLink>
    </p>
  );
}

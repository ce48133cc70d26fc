import type { ReactNode } from 'react';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { PageShell } from '../page-shell';
import { pageMetadata } from '@/lib/i18n/metadata';
import type { AppPathname, Locale } from '@/lib/i18n/routing';

type NoticeKeys = {
  title: 'noNationalIdTitle' | 'signedOutTitle';
  description: 'noNationalIdDescription' | 'signedOutDescription';
};

export async function noticeMetadata(locale: Locale, pathname: AppPathname, keys: NoticeKeys) {
  const t = await getTranslations({ locale });
  return pageMetadata({
    locale,
    pathname,
    title: t(`ResetFlow.${keys.title}`),
    description: t(`ResetFlow.${keys.description}`),
    siteName: t('Site.name'),
    indexable: false,
  });
}

/** A short static page of the reset flow: a heading and what to do next. */
export async function NoticePage(props: {
  locale: Locale;
  pathname: AppPathname;
  title: NoticeKeys['title'];
  serviceDeskUrl: string;
  children: ReactNode;
}) {
  setRequestLocale(props.locale);
  const t = await getTranslations({ locale: props.locale, namespace: 'ResetFlow' });
  return (
    <PageShell locale={props.locale} pathname={props.pathname} serviceDeskUrl={props.serviceDeskUrl}>
      <h1 className="text-3xl font-bold">{t(props.title)}</h1>
      {props.children}
    </PageShell>
  );
}

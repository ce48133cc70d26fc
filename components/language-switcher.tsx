import { getTranslations } from 'next-intl/server';
import { getPathname } from '@/lib/i18n/navigation';
import { routing, type AppPathname, type Locale } from '@/lib/i18n/routing';
import { LanguageLink } from './language-link';

/** Links to the same page in the other language; `query` keeps page state such as a result reference. */
export async function LanguageSwitcher(props: { locale: Locale; pathname: AppPathname; query?: Record<string, string> }) {
  const other = routing.locales.find((locale) => locale !== props.locale) ?? routing.defaultLocale;
  // The current locale's file holds the link text already written in the other language.
  const t = await getTranslations({ locale: props.locale, namespace: 'LanguageSwitcher' });
  const path = getPathname({ locale: other, href: props.pathname });
  const href = props.query ? `${path}?${new URLSearchParams(props.query).toString()}` : path;
  return (
    <LanguageLink href={href} hrefLang={other} lang={other} label={t('linkLabel')}>
      {t('linkText')}
    </LanguageLink>
  );
}

import { getTranslations } from 'next-intl/server';
import { getPathname } from '@/lib/i18n/navigation';
import { routing, type AppPathname, type Locale } from '@/lib/i18n/routing';
import { LanguageLink } from './language-link';

/** Links to the same page in each other language; `query` keeps page state such as a result reference. */
export async function LanguageSwitcher(props: {
  locale: Locale;
  pathname: AppPathname;
  query?: Record<string, string>;
}) {
  const others = routing.locales.filter((locale) => locale !== props.locale);
  const t = await getTranslations({ locale: props.locale, namespace: 'LanguageSwitcher' });
  const links = await Promise.all(
    others.map(async (other) => {
      // Each language names itself in its own file, so a link reads in the language it leads to.
      const own = await getTranslations({ locale: other, namespace: 'LanguageSwitcher' });
      const path = getPathname({ locale: other, href: props.pathname });
      const href = props.query ? `${path}?${new URLSearchParams(props.query).toString()}` : path;
      return { locale: other, href, text: own('ownName'), label: own('readInThisLanguage') };
    }),
  );
  return (
    <nav aria-label={t('navLabel')}>
      <ul className="flex flex-wrap gap-1">
        {links.map((link) => (
          <li key={link.locale}>
            <LanguageLink href={link.href} hrefLang={link.locale} lang={link.locale} label={link.label}>
              {link.text}
            </LanguageLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

import { getTranslations } from 'next-intl/server';
import { LocalizedLink } from '@/components/localized-link';
import type { AppPathname, Locale } from '@/lib/i18n/routing';
import { LanguageSwitcher } from './language-switcher';

const navItems = [
  { pathname: '/activate', key: 'activate' },
  { pathname: '/reset', key: 'reset' },
  { pathname: '/external-users', key: 'externalUsers' },
  { pathname: '/faq', key: 'faq' },
] as const;

/** Site header: name, guide navigation and the language switcher. */
export async function SiteHeader(props: { locale: Locale; pathname: AppPathname; query?: Record<string, string> }) {
  const t = await getTranslations({ locale: props.locale });
  return (
    <header className="border-b border-slate-300 bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-2 px-4 py-3">
        <LocalizedLink href="/" locale={props.locale} className="text-xl font-bold no-underline hover:underline">
          {t('Site.name')} <span className="font-normal text-slate-700">· {t('Site.owner')}</span>
        </LocalizedLink>
        <LanguageSwitcher locale={props.locale} pathname={props.pathname} query={props.query} />
      </div>
      <nav aria-label={t('Site.mainNavLabel')} className="mx-auto max-w-5xl px-2 pb-2">
        <ul className="flex flex-wrap gap-1">
          {navItems.map((item) => {
            const current = props.pathname === item.pathname || props.pathname.startsWith(`${item.pathname}/`);
            return (
              <li key={item.pathname}>
                <LocalizedLink
                  href={item.pathname}
                  locale={props.locale}
                  aria-current={current ? 'page' : undefined}
                  className="inline-flex min-h-11 items-center rounded px-3 underline-offset-4 hover:underline aria-[current=page]:bg-sky-100 aria-[current=page]:font-semibold"
                >
                  {t(`Nav.${item.key}`)}
                </LocalizedLink>
              </li>
            );
          })}
        </ul>
      </nav>
    </header>
  );
}

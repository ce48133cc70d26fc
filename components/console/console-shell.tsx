import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import { LanguageSwitcher } from '@/components/language-switcher';
import { LocalizedLink } from '@/components/localized-link';
import type { ConsoleRole } from '@/lib/console/console-token';
import type { ConsoleSession } from '@/lib/console/session';
import type { AppPathname, Locale } from '@/lib/i18n/routing';
import { ConsoleSignOutForm } from './console-forms';

const NAV = [
  { pathname: '/servicedesk', key: 'navHome', roles: ['agent', 'auditor'] },
  { pathname: '/servicedesk/search', key: 'navSearch', roles: ['agent'] },
  { pathname: '/servicedesk/audit', key: 'navAudit', roles: ['agent', 'auditor'] },
  { pathname: '/servicedesk/statistics', key: 'navStatistics', roles: ['auditor'] },
] as const;

/**
 * Every console page's frame, apart from the public site's: a header of its own (who is signed in, with which role,
 * the console's navigation, sign-out and the languages), a main area as wide as the desk's tables need, and no
 * public guide navigation or "contact the service desk" footer, which speak to the desk's callers, not the desk.
 */
export async function ConsoleShell(props: {
  locale: Locale;
  pathname: AppPathname;
  query?: Record<string, string>;
  session: ConsoleSession | null;
  children: ReactNode;
}) {
  const { locale, session } = props;
  const t = await getTranslations({ locale, namespace: 'Console' });
  const site = await getTranslations({ locale, namespace: 'Site' });
  const roleName = (role: ConsoleRole) => (role === 'agent' ? t('roleAgent') : t('roleAuditor'));
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-3 focus:font-semibold"
      >
        {site('skipToContent')}
      </a>
      <header className="border-b-4 border-sky-800 bg-slate-50">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-3">
          <LocalizedLink
            href="/servicedesk"
            locale={locale}
            className="text-xl font-bold no-underline hover:underline"
            data-testid="console-home-link"
          >
            {t('shellName')} <span className="font-normal text-slate-700">· {site('owner')}</span>
          </LocalizedLink>
          <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
            {session ? (
              <>
                <p data-testid="console-signed-in" className="leading-tight">
                  <span className="font-semibold">{session.name}</span>{' '}
                  <span className="text-slate-700">({session.username})</span>
                  <span className="block text-sm text-slate-700" data-testid="console-roles">
                    {t('roles', { roles: session.roles.map(roleName).join(', ') })}
                  </span>
                </p>
                <ConsoleSignOutForm locale={locale} />
              </>
            ) : null}
            <LanguageSwitcher locale={locale} pathname={props.pathname} query={props.query} />
          </div>
        </div>
        {session ? (
          <nav aria-label={t('navLabel')} className="mx-auto max-w-7xl px-2 pb-2">
            <ul className="flex flex-wrap gap-1">
              {NAV.filter((item) => item.roles.some((role) => session.roles.includes(role))).map((item) => (
                <li key={item.pathname}>
                  <LocalizedLink
                    href={item.pathname}
                    locale={locale}
                    aria-current={props.pathname === item.pathname ? 'page' : undefined}
                    className="inline-flex min-h-11 items-center rounded px-3 underline underline-offset-4 aria-[current=page]:bg-sky-100 aria-[current=page]:font-semibold"
                  >
                    {t(item.key)}
                  </LocalizedLink>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </header>
      <main id="main" tabIndex={-1} className="mx-auto max-w-7xl px-4 py-8 focus:outline-none">
        {props.children}
      </main>
      <footer className="mx-auto max-w-7xl border-t border-slate-300 px-4 py-4 text-sm">
        <LocalizedLink
          href="/accessibility"
          locale={locale}
          className="inline-flex min-h-6 underline underline-offset-4"
        >
          {site('accessibilityStatement')}
        </LocalizedLink>
      </footer>
    </>
  );
}

/** What each role may do in the console, in plain words: the refusal pages tell the member of staff theirs. */
export async function RoleAllows(props: { locale: Locale; roles: readonly ConsoleRole[] }) {
  const t = await getTranslations({ locale: props.locale, namespace: 'Console' });
  return (
    <ul className="mt-3 list-disc space-y-1 pl-6" data-testid="console-role-allows">
      {props.roles.map((role) => (
        <li key={role}>{role === 'agent' ? t('allowsAgent') : t('allowsAuditor')}</li>
      ))}
    </ul>
  );
}

/** The 403 content: why this member of staff cannot see or do this, and, for a role, what that role allows. */
export async function ConsoleForbidden(props: {
  locale: Locale;
  reason: string | undefined;
  session: ConsoleSession | null;
}) {
  const t = await getTranslations({ locale: props.locale, namespace: 'Console' });
  const { reason, session } = props;
  const text =
    reason === 'no-mfa'
      ? t('forbiddenNoMfa')
      : reason === 'wrong-tenant'
        ? t('forbiddenWrongTenant')
        : reason === 'role'
          ? session && !session.roles.includes('agent')
            ? t('forbiddenRoleAuditor')
            : session && !session.roles.includes('auditor')
              ? t('forbiddenRoleAgent')
              : t('forbiddenRole')
          : reason === 'login-failed'
            ? t('forbiddenLoginFailed')
            : t('forbiddenNoRole');
  return (
    <section
      aria-labelledby="forbidden-title"
      className="max-w-3xl"
      data-testid={`console-forbidden-${reason ?? 'no-role'}`}
    >
      <h1 id="forbidden-title" className="text-3xl font-bold">
        {t('forbiddenTitle')}
      </h1>
      <p className="mt-4" data-testid="console-forbidden-text">
        {text}
      </p>
      {reason === 'role' && session ? <RoleAllows locale={props.locale} roles={session.roles} /> : null}
      <p className="mt-4">
        <LocalizedLink href="/servicedesk" locale={props.locale} className="underline underline-offset-4">
          {t('backToConsole')}
        </LocalizedLink>
      </p>
    </section>
  );
}

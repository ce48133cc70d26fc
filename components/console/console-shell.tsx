import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import { LocalizedLink } from '@/components/localized-link';
import { PageShell } from '@/components/page-shell';
import type { ConsoleSession } from '@/lib/console/session';
import type { AppPathname, Locale } from '@/lib/i18n/routing';
import { ConsoleSignOutForm } from './console-forms';

const NAV = [
  { pathname: '/servicedesk', key: 'navHome', roles: ['agent', 'auditor'] },
  { pathname: '/servicedesk/search', key: 'navSearch', roles: ['agent'] },
  { pathname: '/servicedesk/audit', key: 'navAudit', roles: ['agent', 'auditor'] },
  { pathname: '/servicedesk/statistics', key: 'navStatistics', roles: ['auditor'] },
] as const;

/** Every console page's frame: the site's shell plus who is signed in, the console's own navigation and sign-out. */
export async function ConsoleShell(props: {
  locale: Locale;
  pathname: AppPathname;
  query?: Record<string, string>;
  session: ConsoleSession | null;
  children: ReactNode;
}) {
  const t = await getTranslations({ locale: props.locale, namespace: 'Console' });
  const { session } = props;
  return (
    <PageShell locale={props.locale} pathname={props.pathname} query={props.query}>
      {session ? (
        <div className="mb-6 rounded border border-slate-300 bg-slate-50 p-3">
          <p data-testid="console-signed-in">{t('signedInAs', { name: session.name, username: session.username })}</p>
          <p className="text-slate-700">
            {t('roles', {
              roles: session.roles.map((role) => (role === 'agent' ? t('roleAgent') : t('roleAuditor'))).join(', '),
            })}
          </p>
          <div className="mt-2 flex flex-wrap items-center gap-2">
            <nav aria-label={t('navLabel')}>
              <ul className="flex flex-wrap gap-1">
                {NAV.filter((item) => item.roles.some((role) => session.roles.includes(role))).map((item) => (
                  <li key={item.pathname}>
                    <LocalizedLink
                      href={item.pathname}
                      locale={props.locale}
                      aria-current={props.pathname === item.pathname ? 'page' : undefined}
                      className="inline-flex min-h-11 items-center rounded px-3 underline underline-offset-4 aria-[current=page]:bg-sky-100 aria-[current=page]:font-semibold"
                    >
                      {t(item.key)}
                    </LocalizedLink>
                  </li>
                ))}
              </ul>
            </nav>
            <ConsoleSignOutForm locale={props.locale} />
          </div>
        </div>
      ) : null}
      {props.children}
    </PageShell>
  );
}

/** The 403 content: why this member of staff cannot see or do this, in plain words. */
export async function ConsoleForbidden(props: { locale: Locale; reason: string | undefined }) {
  const t = await getTranslations({ locale: props.locale, namespace: 'Console' });
  const text =
    props.reason === 'no-mfa'
      ? t('forbiddenNoMfa')
      : props.reason === 'wrong-tenant'
        ? t('forbiddenWrongTenant')
        : props.reason === 'role'
          ? t('forbiddenRole')
          : props.reason === 'login-failed'
            ? t('forbiddenLoginFailed')
            : t('forbiddenNoRole');
  return (
    <section aria-labelledby="forbidden-title" data-testid={`console-forbidden-${props.reason ?? 'no-role'}`}>
      <h1 id="forbidden-title" className="text-3xl font-bold">
        {t('forbiddenTitle')}
      </h1>
      <p className="mt-4">{text}</p>
      <p className="mt-4">
        <LocalizedLink href="/servicedesk" locale={props.locale} className="underline underline-offset-4">
          {t('backToConsole')}
        </LocalizedLink>
      </p>
    </section>
  );
}

import type { ReactNode } from 'react';
import { notFound, redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getPathname } from '@/lib/i18n/navigation';
import { pageMetadata } from '@/lib/i18n/metadata';
import type { AppPathname, Locale } from '@/lib/i18n/routing';
import type { PageAccess } from '@/lib/console/page-access';
import type { ConsoleSession } from '@/lib/console/session';
import { forbiddenPath } from '@/lib/auth/staff';
import { ConsoleSignInForm } from './console-forms';
import { ConsoleShell } from './console-shell';

type ConsoleMessageKey = Parameters<Awaited<ReturnType<typeof getTranslations<'Console'>>>>[0];

/** A console page's metadata: never indexed. */
export async function consoleMetadata(
  locale: Locale,
  pathname: AppPathname,
  title: ConsoleMessageKey,
  description: ConsoleMessageKey,
) {
  const t = await getTranslations({ locale });
  return pageMetadata({
    locale,
    pathname,
    title: t(`Console.${title}`),
    description: t(`Console.${description}`),
    siteName: t('Site.name'),
    indexable: false,
  });
}

/**
 * Renders a console page only for a member of staff with the right role: otherwise the sign-in (no session) or
 * the 403 refusal page (a role that does not allow it). A switched-off console is a 404.
 */
export async function ConsoleGate(props: {
  locale: Locale;
  pathname: AppPathname;
  query?: Record<string, string>;
  access: PageAccess;
  title: string;
  children: (session: ConsoleSession) => ReactNode;
}) {
  const { access, locale } = props;
  if (access.kind === 'disabled') notFound();
  const t = await getTranslations({ locale, namespace: 'Console' });
  if (access.kind === 'sign-in') {
    return (
      <ConsoleShell locale={locale} pathname={props.pathname} query={props.query} session={null}>
        <h1 className="text-3xl font-bold">{props.title}</h1>
        <p className="mt-4">{t('signInText')}</p>
        <ConsoleSignInForm locale={locale} />
      </ConsoleShell>
    );
  }
  // A role that does not allow the page: the refusal page, which answers 403 (proxy.ts), as a refused POST does.
  if (access.kind === 'forbidden') redirect(forbiddenPath(locale, 'role'));
  return (
    <ConsoleShell locale={locale} pathname={props.pathname} query={props.query} session={access.session}>
      {props.children(access.session)}
    </ConsoleShell>
  );
}

export const consoleHref = (locale: Locale, pathname: AppPathname, query: Record<string, string>) =>
  `${getPathname({ locale, href: pathname })}?${new URLSearchParams(query).toString()}`;

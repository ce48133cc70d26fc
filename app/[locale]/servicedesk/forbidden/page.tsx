import { setRequestLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { consoleMetadata } from '@/components/console/console-gate';
import { ConsoleSignInForm } from '@/components/console/console-forms';
import { ConsoleForbidden, ConsoleShell } from '@/components/console/console-shell';
import { getConfig } from '@/lib/config';
import { getConsoleSession } from '@/lib/console/session';
import { localeFromParams } from '@/lib/i18n/routing';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<{ reason?: string; error?: string }> };

export async function generateMetadata({ params }: Props) {
  return consoleMetadata(
    localeFromParams((await params).locale),
    '/servicedesk/forbidden',
    'forbiddenTitle',
    'description',
  );
}

/** Where refused staff logins and refused console requests land (the login itself made no session). */
export default async function ConsoleForbiddenPage({ params, searchParams }: Props) {
  const locale = localeFromParams((await params).locale);
  setRequestLocale(locale);
  if (!getConfig().console.enabled) notFound();
  const query = await searchParams;
  // Auth.js sends a failed staff login here with `?error=<kind>` (its error page has no query of its own).
  const reason = query.reason ?? (query.error ? 'login-failed' : undefined);
  const session = await getConsoleSession();
  return (
    <ConsoleShell
      locale={locale}
      pathname="/servicedesk/forbidden"
      query={reason ? { reason } : undefined}
      session={session}
    >
      <ConsoleForbidden locale={locale} reason={reason} session={session} />
      {/* A login without MFA, or one that failed, can be fixed by logging in again. */}
      {!session && (reason === 'no-mfa' || reason === 'login-failed') ? <ConsoleSignInForm locale={locale} /> : null}
    </ConsoleShell>
  );
}

// Ends the console session (the console's cookie only; an ID-porten session of the same browser is untouched).
import type { NextRequest } from 'next/server';
import { refusedOrigin, isSameOrigin, seeOther } from '@/lib/console/request-guard';
import { getConsoleSession } from '@/lib/console/session';
import { staffSignOut } from '@/lib/console/staff-auth';
import { getPathname } from '@/lib/i18n/navigation';
import { localeFromForm } from '@/lib/i18n/locale-form';
import { securityEvent } from '@/lib/log';

export async function POST(request: NextRequest): Promise<Response> {
  if (!isSameOrigin(request)) return refusedOrigin('sign-out');
  const locale = localeFromForm(await request.formData());
  const session = await getConsoleSession();
  if (session) {
    await staffSignOut({ redirect: false });
    securityEvent('console.logout', { agentId: session.oid });
  }
  return seeOther(`${getPathname({ locale, href: '/servicedesk' })}?signed-out=1`);
}

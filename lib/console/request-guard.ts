// What every console route answers with when it refuses (a foreign origin, no session, a missing role), and the
// role check itself. The origin rule is the site's one (lib/origin-policy.ts).
import 'server-only';
import { NextResponse } from 'next/server';
import { getConfig } from '@/lib/config';
import { getPathname } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/routing';
import { securityEvent } from '@/lib/log';
import type { ConsoleRole } from './console-token';
import { getConsoleSession, hasRole, type ConsoleSession } from './session';
import { forbiddenPath } from '@/lib/auth/staff';

export function seeOther(path: string): NextResponse {
  return new NextResponse(null, {
    status: 303,
    headers: { Location: new URL(path, getConfig().appOrigin).toString(), 'Cache-Control': 'no-store' },
  });
}

export function refusedOrigin(route: string): NextResponse {
  securityEvent('console.foreign-origin', { route });
  return new NextResponse('Forbidden: this form can only be sent from the service desk console.', {
    status: 403,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}

/**
 * The session when it has the role; otherwise the response to send: to the console's sign-in without a session,
 * to the 403 page without the role.
 */
export async function requireConsoleRole(
  role: ConsoleRole,
  locale: Locale,
  route: string,
): Promise<{ session: ConsoleSession } | { response: NextResponse }> {
  const session = await getConsoleSession();
  if (!session) return { response: seeOther(getPathname({ locale, href: '/servicedesk' })) };
  if (!hasRole(session, role)) {
    securityEvent('console.role-refused', { route, agentId: session.oid, needed: role });
    return { response: seeOther(forbiddenPath(locale, 'role')) };
  }
  return { session };
}

// What a console page shows for the visitor: the page itself, the sign-in, or the 403 content. Pages call this
// first; the routes behind their forms check again for themselves (lib/console/request-guard.ts).
import 'server-only';
import { getConfig } from '@/lib/config';
import type { ConsoleRole } from './console-token';
import { getConsoleSession, type ConsoleSession } from './session';

export type PageAccess =
  | { kind: 'allowed'; session: ConsoleSession }
  | { kind: 'sign-in' }
  | { kind: 'forbidden'; session: ConsoleSession }
  | { kind: 'disabled' };

export async function consolePageAccess(roles: readonly ConsoleRole[]): Promise<PageAccess> {
  if (!getConfig().console.enabled) return { kind: 'disabled' };
  const session = await getConsoleSession();
  if (!session) return { kind: 'sign-in' };
  return roles.some((role) => session.roles.includes(role))
    ? { kind: 'allowed', session }
    : { kind: 'forbidden', session };
}

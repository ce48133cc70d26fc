// Which paths are the console's pages (in every locale: their localized paths all live under /servicedesk).
import { routing } from '@/lib/i18n/routing';

const CONSOLE_PAGE = new RegExp(`^/(?:${routing.locales.join('|')})/servicedesk(?:/|$)`);

export function isConsolePage(pathname: string): boolean {
  return CONSOLE_PAGE.test(pathname);
}

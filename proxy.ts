// Locale negotiation only: `/` goes to the visitor's language and localized paths are
// rewritten to their routes. Nothing of Auth.js runs here — the reset pages and the
// server action check the session themselves.
import createMiddleware from 'next-intl/middleware';
import { routing } from '@/lib/i18n/routing';

export default createMiddleware(routing);

export const config = {
  // Paths with an unknown locale prefix fall through to the app, which answers 404.
  matcher: ['/', '/(nb|en)', '/(nb|en)/:path*'],
};

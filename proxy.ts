// Locale negotiation only: `/` goes to the visitor's language, localized paths are rewritten to their
// routes, and a path with an unknown locale is answered by the 404 page in the visitor's language.
// Nothing of Auth.js runs here — the reset pages and the server action check the session themselves.
import { NextResponse, type NextRequest } from 'next/server';
import createMiddleware from 'next-intl/middleware';
import { negotiateLocale } from '@/lib/i18n/negotiate';
import { isLocale, routing } from '@/lib/i18n/routing';

const localeRouting = createMiddleware(routing);

export default function proxy(request: NextRequest) {
  if (request.nextUrl.pathname === '/') {
    // next-intl's matcher reads the older no-NN as bokmål; the site's own negotiation sends it to nynorsk.
    const response = NextResponse.redirect(new URL(`/${negotiateLocale(request.headers.get('accept-language'))}`, request.url));
    response.headers.set('Vary', 'Accept-Language'); // a cache must not hand one reader's language to another
    return response;
  }
  const [, first = ''] = request.nextUrl.pathname.split('/');
  if (first !== '' && !isLocale(first)) {
    // Served (not redirected) by the catch-all under the visitor's locale, which answers 404.
    const locale = negotiateLocale(request.headers.get('accept-language'));
    return NextResponse.rewrite(new URL(`/${locale}${request.nextUrl.pathname}`, request.url));
  }
  return localeRouting(request);
}

export const config = {
  // Everything but API routes, Next's own files and static files (which have a dot).
  matcher: ['/((?!api|_next|_vercel|.*\\..*).*)'],
};

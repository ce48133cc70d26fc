// Which page a request gets, and with which script policy: next-intl's locale routing, the prerendered 404 page for
// anything that is not a page, and a CSP that allows prerendered pages' inline scripts by hash (they stay static and
// cacheable) and dynamic pages' scripts by a per-request nonce.
import { randomBytes } from 'node:crypto';
import { NextRequest, NextResponse } from 'next/server';
import createMiddleware from 'next-intl/middleware';
import { withCanonicalLinks } from '@/lib/i18n/link-header';
import { isKnownPagePath } from '@/lib/i18n/known-paths';
import { negotiateLocale } from '@/lib/i18n/negotiate';
import { isLocale, routing, type Locale } from '@/lib/i18n/routing';
import { prerenderedScriptHashes } from '@/lib/prerendered-script-hashes';
import { headersFor, withHeaders, type HeaderPolicy } from './header-policy';

const localeRouting = createMiddleware(routing);

// The prerendered 404 page (app/[locale]/page-not-found), served with status 404 for every non-page.
const NOT_FOUND_PAGE = 'page-not-found';
// The console's refusal page (refused staff logins, missing roles) is a 403, in every locale.
const CONSOLE_FORBIDDEN_ROUTE = /^\/[a-z]{2}\/servicedesk\/forbidden$/;
// Prerendered pages change only with a deployment; a shared cache may keep them for an hour.
const PRERENDERED_CACHE_CONTROL = 'public, max-age=300, s-maxage=3600';

/** The visitor's language for a refusal: the path's locale, else Accept-Language. */
export function localeOf(request: NextRequest): Locale {
  const [, first] = request.nextUrl.pathname.split('/');
  return isLocale(first) ? first : negotiateLocale(request.headers.get('accept-language'));
}

function routeOf(request: NextRequest, response: NextResponse): string {
  const rewrite = response.headers.get('x-middleware-rewrite');
  return rewrite ? new URL(rewrite, request.url).pathname : request.nextUrl.pathname;
}

/** `/` to the visitor's language: next-intl's matcher reads the older no-NN as bokmål, the site's own as nynorsk. */
function redirectToLanguage(request: NextRequest, headers: Record<string, string>): NextResponse {
  const locale = negotiateLocale(request.headers.get('accept-language'));
  const redirect = NextResponse.redirect(new URL(`/${locale}`, request.url));
  redirect.headers.set('Vary', 'Accept-Language'); // a cache must not hand one reader's language to another
  return withHeaders(redirect, headers);
}

/**
 * Anything that is not a page — internal route names without a locale (/faq, /reset/confirm) included — gets the
 * prerendered 404 page in the path's language, or the visitor's: one URL per page, complete HTML without JavaScript.
 */
export function notFoundPage(request: NextRequest, policy: HeaderPolicy): NextResponse {
  const locale = localeOf(request);
  const route = `/${locale}/${NOT_FOUND_PAGE}`;
  const response = NextResponse.rewrite(new URL(route, request.url), { status: 404 });
  if (!isLocale(request.nextUrl.pathname.split('/')[1])) response.headers.set('Vary', 'Accept-Language');
  response.headers.set('Cache-Control', 'no-store');
  return withHeaders(response, headersFor(policy, { hashes: prerenderedScriptHashes(route) ?? [] }));
}

/** A page: its route by locale, absolute canonical and hreflang links, and the CSP its scripts need. */
export function routePage(request: NextRequest, policy: HeaderPolicy): NextResponse {
  const { pathname } = request.nextUrl;
  // Next reads the nonce from the request's CSP header and puts it on every script it renders.
  const nonceHeaders = headersFor(policy, { nonce: randomBytes(16).toString('base64') });
  const [, first = ''] = pathname.split('/');
  if (!isLocale(first) || !isKnownPagePath(first, pathname)) {
    return pathname === '/' ? redirectToLanguage(request, nonceHeaders) : notFoundPage(request, policy);
  }
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('Content-Security-Policy', nonceHeaders['Content-Security-Policy']!);
  // Absolute canonical and hreflang links from APP_ORIGIN (the prerendered HTML has origin-relative ones).
  let response = withCanonicalLinks(pathname, localeRouting(new NextRequest(request, { headers: requestHeaders })));
  if (CONSOLE_FORBIDDEN_ROUTE.test(routeOf(request, response))) {
    // The same rewrite (and request headers, the nonce's CSP among them), answered with the status it means.
    response = new NextResponse(null, { status: 403, headers: response.headers });
  }
  const hashes = prerenderedScriptHashes(routeOf(request, response));
  if (!hashes) return withHeaders(response, nonceHeaders);
  // A prerendered page: the same headers for everyone, so a shared cache can keep it.
  response.headers.set('Cache-Control', PRERENDERED_CACHE_CONTROL);
  return withHeaders(response, headersFor(policy, { hashes }));
}

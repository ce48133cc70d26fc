// Every request but Next's immutable build files passes here, for two jobs only:
//  1. locale routing (next-intl): `/` goes to the visitor's language, localized paths are rewritten to
//     their routes, a path without a known locale gets the 404 page in the visitor's language;
//  2. the security headers of lib/security-headers.ts, with a CSP that allows prerendered pages' inline
//     scripts by hash (they stay static and cacheable) and dynamic pages' scripts by a per-request nonce.
// Nothing of Auth.js runs here — the reset pages and the server action check the session themselves.
import { randomBytes } from 'node:crypto';
import { NextRequest, NextResponse } from 'next/server';
import createMiddleware from 'next-intl/middleware';
import { getConfig, isDevelopment } from '@/lib/config';
import { idportenFormActionOrigins } from '@/lib/idporten/discovery';
import { withCanonicalLinks } from '@/lib/i18n/link-header';
import { negotiateLocale } from '@/lib/i18n/negotiate';
import { isKnownPagePath } from '@/lib/i18n/known-paths';
import { httpErrorResponse, type HttpErrorKey } from '@/lib/i18n/http-error-text';
import { isLocale, routing, type Locale } from '@/lib/i18n/routing';
import { isConsolePage } from '@/lib/console/page-paths';
import { logger } from '@/lib/log';
import { prerenderedScriptHashes } from '@/lib/prerendered-script-hashes';
import {
  FORM_ROUTES,
  logGuardRefusal,
  refuseFormRoutePost,
  refusePagePost,
  type GuardRefusal,
} from '@/lib/request-guards';
import {
  FRAMEABLE_BY_IDPORTEN,
  LOGOUT_AUTOSUBMIT_SCRIPT,
  scriptHash,
  securityHeaders,
  type ScriptPolicy,
} from '@/lib/security-headers';

const localeRouting = createMiddleware(routing);

// The prerendered 404 page (app/[locale]/page-not-found), served with status 404 for every non-page.
const NOT_FOUND_PAGE = 'page-not-found';
const API_SCRIPTS: ScriptPolicy = { hashes: [scriptHash(LOGOUT_AUTOSUBMIT_SCRIPT)] };
const NO_SCRIPTS: ScriptPolicy = { hashes: [] };
const REFUSAL_TEXT: Record<GuardRefusal['status'], HttpErrorKey> = {
  400: 'badRequest',
  403: 'forbidden',
  405: 'badRequest',
  411: 'badRequest',
  413: 'tooLarge',
};
const HAS_FILE_EXTENSION = /\.[a-z0-9]+$/i;
// The console's refusal page (refused staff logins, missing roles) is a 403, in every locale.
const CONSOLE_FORBIDDEN_ROUTE = /^\/[a-z]{2}\/servicedesk\/forbidden$/;
// Prerendered pages change only with a deployment; a shared cache may keep them for an hour.
const PRERENDERED_CACHE_CONTROL = 'public, max-age=300, s-maxage=3600';

function isDecodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

function withHeaders(response: NextResponse, headers: Record<string, string>): NextResponse {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

/** The visitor's language for a refusal: the path's locale, else Accept-Language. */
function localeOf(request: NextRequest): Locale {
  const [, first] = request.nextUrl.pathname.split('/');
  return isLocale(first) ? first : negotiateLocale(request.headers.get('accept-language'));
}

function routeOf(request: NextRequest, response: NextResponse): string {
  const rewrite = response.headers.get('x-middleware-rewrite');
  return rewrite ? new URL(rewrite, request.url).pathname : request.nextUrl.pathname;
}

export default async function proxy(request: NextRequest) {
  const config = getConfig();
  const { pathname } = request.nextUrl;
  const idportenOrigins = await idportenFormActionOrigins();
  // The console's sign-in form ends at Entra ID's authorize endpoint (on its issuer's origin).
  const consoleOrigins = config.console.enabled ? [new URL(config.console.issuer).origin] : [];
  const policy = {
    appOrigin: config.appOrigin,
    formActionOrigins: [...new Set([...idportenOrigins, ...consoleOrigins])],
    reportUri: config.security.cspReportUri,
    development: isDevelopment(),
  };

  const plainHeaders = securityHeaders({ ...policy, scripts: NO_SCRIPTS });
  if (!isDecodable(pathname)) {
    // Next would answer a path it cannot decode with a bare 500, and log nothing.
    logger.warn(
      { event: 'bad-request', reason: 'undecodable-path', method: request.method },
      'path could not be decoded',
    );
    return httpErrorResponse(400, 'badPath', negotiateLocale(request.headers.get('accept-language')), plainHeaders);
  }
  if (pathname === FRAMEABLE_BY_IDPORTEN) {
    const frameAncestors = idportenOrigins;
    return withHeaders(NextResponse.next(), securityHeaders({ ...policy, frameAncestors, scripts: NO_SCRIPTS }));
  }
  if (pathname.startsWith('/api/')) {
    const refusal = request.method === 'POST' && FORM_ROUTES.has(pathname) ? await refuseFormRoutePost(request) : null;
    if (refusal) {
      logGuardRefusal(request, refusal);
      return httpErrorResponse(refusal.status, REFUSAL_TEXT[refusal.status], localeOf(request), plainHeaders);
    }
    return withHeaders(NextResponse.next(), securityHeaders({ ...policy, scripts: API_SCRIPTS }));
  }
  if (isConsolePage(pathname) && request.method !== 'GET' && request.method !== 'HEAD') {
    // The console's pages only show; its forms post to /api/servicedesk/*. A POST here (a server action of another
    // page forwarded through it, any body at all) is refused before Next would run it.
    logGuardRefusal(request, { status: 405, reason: 'console-page-not-a-form-target' });
    const response = httpErrorResponse(405, 'badRequest', localeOf(request), plainHeaders);
    response.headers.set('Allow', 'GET, HEAD');
    return response;
  }
  if (request.method === 'POST') {
    const refusal = await refusePagePost(request);
    if (refusal) {
      logGuardRefusal(request, refusal);
      return httpErrorResponse(refusal.status, REFUSAL_TEXT[refusal.status], localeOf(request), plainHeaders);
    }
  }
  if (HAS_FILE_EXTENSION.test(pathname)) {
    return withHeaders(NextResponse.next(), securityHeaders({ ...policy, scripts: NO_SCRIPTS }));
  }

  // Next reads the nonce from the request's CSP header and puts it on every script it renders.
  const nonce = randomBytes(16).toString('base64');
  const nonceHeaders = securityHeaders({ ...policy, scripts: { nonce } });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('Content-Security-Policy', nonceHeaders['Content-Security-Policy']!);

  const [, first = ''] = pathname.split('/');
  if (!isLocale(first) || !isKnownPagePath(first, pathname)) {
    if (pathname === '/') {
      // next-intl's matcher reads the older no-NN as bokmål; the site's own negotiation sends it to nynorsk.
      const redirect = NextResponse.redirect(
        new URL(`/${negotiateLocale(request.headers.get('accept-language'))}`, request.url),
      );
      redirect.headers.set('Vary', 'Accept-Language'); // a cache must not hand one reader's language to another
      return withHeaders(redirect, nonceHeaders);
    }
    // Anything that is not a page — internal route names without a locale (/faq, /reset/confirm) included —
    // gets the prerendered 404 page in the path's language, or the visitor's: one URL per page, complete
    // HTML without JavaScript.
    const locale = localeOf(request);
    const response = NextResponse.rewrite(new URL(`/${locale}/${NOT_FOUND_PAGE}`, request.url), { status: 404 });
    if (!isLocale(first)) response.headers.set('Vary', 'Accept-Language');
    response.headers.set('Cache-Control', 'no-store');
    return withHeaders(
      response,
      securityHeaders({
        ...policy,
        scripts: { hashes: prerenderedScriptHashes(`/${locale}/${NOT_FOUND_PAGE}`) ?? [] },
      }),
    );
  }

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
  return withHeaders(response, securityHeaders({ ...policy, scripts: { hashes } }));
}

export const config = {
  // Everything but Next's content-hashed build files, which next.config.ts gives the fixed headers.
  matcher: ['/((?!_next/static|_next/image).*)'],
};

// Every request but Next's immutable build files passes here, for routing and headers only. The proxy composes small
// proxy-safe functions (lib/proxy): it refuses hostile requests before Next would answer them with a bare 500, routes
// pages by locale and adds the security headers. It never reaches the database, Graph or Auth.js — the reset pages,
// actions and routes check the session themselves, and a refusal that must be recorded is recorded by a route.
import { NextResponse, type NextRequest } from 'next/server';
import { isConsolePage } from '@/lib/console/page-paths';
import { httpErrorResponse, type HttpErrorKey } from '@/lib/i18n/http-error-text';
import { negotiateLocale } from '@/lib/i18n/negotiate';
import { logger } from '@/lib/log';
import { headerPolicy, headersFor, withHeaders, type HeaderPolicy } from '@/lib/proxy/header-policy';
import { localeOf, notFoundPage, routePage } from '@/lib/proxy/page-routing';
import { isRecordedRefusalRoute, toRecordedRefusal } from '@/lib/proxy/recorded-refusal';
import {
  FORM_ROUTES,
  logGuardRefusal,
  refuseFormRoutePost,
  refusePagePost,
  type GuardRefusal,
} from '@/lib/proxy/request-guards';
import { FRAMEABLE_BY_IDPORTEN, LOGOUT_AUTOSUBMIT_SCRIPT, scriptHash } from '@/lib/security-headers';

const REFUSAL_TEXT: Record<GuardRefusal['status'], HttpErrorKey> = {
  400: 'badRequest',
  403: 'forbidden',
  405: 'badRequest',
  411: 'badRequest',
  413: 'tooLarge',
};
const HAS_FILE_EXTENSION = /\.[a-z0-9]+$/i;

function isDecodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

function refused(request: NextRequest, refusal: GuardRefusal, policy: HeaderPolicy): Response {
  logGuardRefusal(request, refusal);
  const headers = headersFor(policy, { hashes: [] });
  const response = httpErrorResponse(refusal.status, REFUSAL_TEXT[refusal.status], localeOf(request), headers);
  // The console's pages only show; its forms post to /api/servicedesk/*.
  if (refusal.status === 405) response.headers.set('Allow', 'GET, HEAD');
  return response;
}

/** A POST to a page, or to a route that reads a form, that Next should never see; null when it may go on. */
async function refuseHostilePost(request: NextRequest, policy: HeaderPolicy): Promise<Response | null> {
  const { pathname } = request.nextUrl;
  if (pathname.startsWith('/api/')) {
    const refusal = FORM_ROUTES.has(pathname) ? await refuseFormRoutePost(request) : null;
    return refusal ? refused(request, refusal, policy) : null;
  }
  if (isConsolePage(pathname)) {
    // A server action of another page forwarded through a console page, or any body at all.
    return refused(request, { status: 405, reason: 'console-page-not-a-form-target' }, policy);
  }
  const refusal = await refusePagePost(request);
  if (!refusal) return null;
  if (!('recorded' in refusal)) return refused(request, refusal, policy);
  logGuardRefusal(request, refusal);
  return withHeaders(toRecordedRefusal(request, refusal, localeOf(request)), headersFor(policy, { hashes: [] }));
}

export default async function proxy(request: NextRequest) {
  const policy = await headerPolicy();
  const { pathname } = request.nextUrl;
  if (!isDecodable(pathname)) {
    // Next would answer a path it cannot decode with a bare 500, and log nothing.
    logger.warn(
      { event: 'bad-request', reason: 'undecodable-path', method: request.method },
      'path could not be decoded',
    );
    const locale = negotiateLocale(request.headers.get('accept-language'));
    return httpErrorResponse(400, 'badPath', locale, headersFor(policy, { hashes: [] }));
  }
  if (isRecordedRefusalRoute(pathname)) return notFoundPage(request, policy);
  if (pathname === FRAMEABLE_BY_IDPORTEN) {
    return withHeaders(NextResponse.next(), headersFor(policy, { hashes: [] }, policy.idportenOrigins));
  }
  const isForm = request.method !== 'GET' && request.method !== 'HEAD';
  if (isForm && (request.method === 'POST' || isConsolePage(pathname))) {
    const refusal = await refuseHostilePost(request, policy);
    if (refusal) return refusal;
  }
  if (pathname.startsWith('/api/')) {
    return withHeaders(NextResponse.next(), headersFor(policy, { hashes: [scriptHash(LOGOUT_AUTOSUBMIT_SCRIPT)] }));
  }
  if (HAS_FILE_EXTENSION.test(pathname)) return withHeaders(NextResponse.next(), headersFor(policy, { hashes: [] }));
  return routePage(request, policy);
}

export const config = {
  // Everything but Next's content-hashed build files, which next.config.ts gives the fixed headers.
  matcher: ['/((?!_next/static|_next/image).*)'],
};

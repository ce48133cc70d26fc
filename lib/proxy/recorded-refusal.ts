// A refusal the records must show as an attempt (a reset form posted from another site) is not written here: the
// proxy stays free of the database and the session. It hands the request to a route that does both, by a rewrite
// with request headers that only the proxy sets — the route is not reachable from outside under its own path.
import { NextResponse, type NextRequest } from 'next/server';
import type { Locale } from '@/lib/i18n/routing';
import type { RecordedRefusal } from './request-guards';

export const RECORDED_REFUSAL_ROUTE = '/api/recorded-refusal';
export const REFUSAL_REASON_HEADER = 'x-tofaktor-refusal-reason';
export const REFUSAL_LOCALE_HEADER = 'x-tofaktor-refusal-locale';

/** True for a request that names the route itself (in any spelling): it is answered as a page that does not exist. */
export function isRecordedRefusalRoute(pathname: string): boolean {
  return (
    decodeURIComponent(pathname)
      .toLowerCase()
      .replace(/\/{2,}/g, '/')
      .replace(/\/+$/, '') === RECORDED_REFUSAL_ROUTE
  );
}

/** The same request, answered by the route that records it (with the security headers the proxy adds). */
export function toRecordedRefusal(request: NextRequest, refusal: RecordedRefusal, locale: Locale): NextResponse {
  const headers = new Headers(request.headers);
  headers.set(REFUSAL_REASON_HEADER, refusal.reason);
  headers.set(REFUSAL_LOCALE_HEADER, locale);
  return NextResponse.rewrite(new URL(RECORDED_REFUSAL_ROUTE, request.url), { request: { headers } });
}

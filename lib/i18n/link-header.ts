// The absolute canonical and hreflang links of a page, on the build's public origin, as an HTTP `Link` header:
// the same URLs as the page's HTML, never taken from the request's Host or X-Forwarded-Host.
import type { NextResponse } from 'next/server';
import { absoluteUrl } from './metadata';
import { builtPublicOrigin } from './public-origin';
import { routing, type AppPathname, type Locale } from './routing';

type PageAddress = { locale: Locale; pathname: AppPathname };

const appPathnames = Object.keys(routing.pathnames) as AppPathname[];

function localizedPathOf(pathname: AppPathname, locale: Locale): string {
  const entry = routing.pathnames[pathname] as string | Record<Locale, string>;
  return typeof entry === 'string' ? entry : entry[locale];
}

/** Which page a localized path (`/nb/aktiver`) is, or null when it is none of the site's pages. */
export function pageAddressOf(requestPath: string): PageAddress | null {
  const [, first = '', ...rest] = requestPath.split('/');
  const locale = routing.locales.find((candidate) => candidate === first);
  if (!locale) return null;
  const inner = `/${rest.join('/')}`.replace(/\/+$/, '') || '/';
  const pathname = appPathnames.find((candidate) => localizedPathOf(candidate, locale) === inner);
  return pathname ? { locale, pathname } : null;
}

export function canonicalLinkHeader(origin: string, page: PageAddress): string {
  const link = (url: string, params: string) => `<${url}>; ${params}`;
  return [
    link(absoluteUrl(origin, page.locale, page.pathname), 'rel="canonical"'),
    ...routing.locales.map((locale) =>
      link(absoluteUrl(origin, locale, page.pathname), `rel="alternate"; hreflang="${locale}"`),
    ),
    link(absoluteUrl(origin, routing.defaultLocale, page.pathname), 'rel="alternate"; hreflang="x-default"'),
  ].join(', ');
}

/**
 * Replaces whatever `Link` header the response has (next-intl builds one from the request's host) with the
 * canonical and alternate links on the public origin, for the site's pages; other responses are left as they are.
 */
export function withCanonicalLinks(requestPath: string, response: NextResponse): NextResponse {
  const page = pageAddressOf(requestPath);
  if (page) response.headers.set('Link', canonicalLinkHeader(builtPublicOrigin(), page));
  else response.headers.delete('Link');
  return response;
}

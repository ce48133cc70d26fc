// Both Auth.js instances (the ID-porten login and the console's staff login) build their URLs (redirect_uri,
// callback and redirect targets) from the origin of the request they are handed, and a server-side signIn or
// signOut makes that request from the Host or X-Forwarded-Host it was called with. Auth.js's own way to fix the
// origin, AUTH_URL, is one process-wide environment variable; instead each instance is configured with
// APP_ORIGIN here, so no header a client sends can move a login to another host. APP_ORIGIN stays the one
// setting an operator gives.
import 'server-only';
import { NextRequest } from 'next/server';
import { getConfig } from '@/lib/config';

type RouteHandlers = {
  GET: (request: NextRequest) => Promise<Response>;
  POST: (request: NextRequest) => Promise<Response>;
};

/** Auth.js's route handlers, seeing every request on APP_ORIGIN whatever host it came in on. */
export function handlersOnAppOrigin(handlers: RouteHandlers): RouteHandlers {
  const pinned = (handler: RouteHandlers['GET']) => (request: NextRequest) => {
    const { href, origin } = request.nextUrl;
    return handler(new NextRequest(href.replace(origin, getConfig().appOrigin), request));
  };
  return { GET: pinned(handlers.GET), POST: pinned(handlers.POST) };
}

/** The redirect_uri a provider is sent, on APP_ORIGIN: a login started server-side would otherwise take the Host. */
export function callbackOnAppOrigin(appOrigin: string, basePath: string, providerId: string): string {
  return `${appOrigin}${basePath}/callback/${providerId}`;
}

/**
 * Auth.js's redirect callback with APP_ORIGIN as the base: where a login or logout may lead (and what its
 * callback-url cookie holds). Auth.js's default is the same rule on the request's origin.
 */
export function redirectOnAppOrigin(appOrigin: string) {
  return ({ url }: { url: string }): string => {
    if (url.startsWith('/')) return `${appOrigin}${url}`;
    return URL.canParse(url) && new URL(url).origin === appOrigin ? url : appOrigin;
  };
}

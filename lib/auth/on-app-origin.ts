// Both Auth.js instances (the ID-porten login and the console's staff login) build their URLs (redirect_uri,
// callback-url cookie, redirects, error pages) from the origin of the request Auth.js is handed; next-auth takes it
// from AUTH_URL, a process-wide environment variable, or else from the Host or X-Forwarded-Host of the request.
// Here each instance is handed its requests on APP_ORIGIN instead: the route handlers' requests are moved there,
// and the server-side sign-in and sign-out make theirs there (as next-auth's own signIn and signOut do, on the
// request's host). No header a client sends can move a login to another host, and APP_ORIGIN stays the one
// setting an operator gives.
import 'server-only';
import { Auth, raw, skipCSRFCheck } from '@auth/core';
import type { NextAuthConfig } from 'next-auth';
import { cookies, headers } from 'next/headers';
import { NextRequest } from 'next/server';
import { getConfig } from '@/lib/config';

type RouteHandler = (request: NextRequest) => Promise<Response>;
type RouteHandlers = { GET: RouteHandler; POST: RouteHandler };

/** Auth.js's route handlers, seeing every request on APP_ORIGIN whatever host it came in on. */
export function handlersOnAppOrigin(handlers: RouteHandlers): RouteHandlers {
  const pinned = (handler: RouteHandler) => (request: NextRequest) => {
    const { href, origin } = request.nextUrl;
    return handler(new NextRequest(href.replace(origin, getConfig().appOrigin), request));
  };
  return { GET: pinned(handlers.GET), POST: pinned(handlers.POST) };
}

type AuthResult = { redirect?: string; cookies?: { name: string; value: string; options?: object }[] } | Response;

/** One in-process call of an Auth.js action on APP_ORIGIN, its cookies set on the response; where it leads. */
async function callAuth(config: NextAuthConfig, basePath: string, action: string, body: URLSearchParams) {
  const requestHeaders = new Headers(await headers());
  requestHeaders.set('Content-Type', 'application/x-www-form-urlencoded');
  const url = `${getConfig().appOrigin}${basePath}/${action}`;
  const request = new Request(url, { method: 'POST', headers: requestHeaders, body });
  const result = (await Auth(request, { ...config, basePath, raw, skipCSRFCheck })) as AuthResult;
  if (result instanceof Response) return result.headers.get('Location') ?? url;
  const jar = await cookies();
  for (const cookie of result.cookies ?? []) jar.set(cookie.name, cookie.value, cookie.options);
  return result.redirect ?? url;
}

/**
 * next-auth's server-side signIn and signOut (without their own redirect: callers redirect) for one Auth.js
 * instance, making their requests on APP_ORIGIN.
 */
export function serverActionsOnAppOrigin(loadConfig: () => NextAuthConfig | Promise<NextAuthConfig>, basePath: string) {
  const referer = async () => (await headers()).get('Referer') ?? '/';
  return {
    /** Starts a login at `provider`; the URL to send the browser to. */
    async signIn(
      provider: string,
      options: { redirectTo: string; redirect: false },
      authorizationParams: Record<string, string> = {},
    ): Promise<string> {
      const action = `signin/${provider}?${new URLSearchParams(authorizationParams)}`;
      return callAuth(await loadConfig(), basePath, action, new URLSearchParams({ callbackUrl: options.redirectTo }));
    },
    /** Ends the session: its cookies go. */
    async signOut(options: { redirectTo?: string; redirect: false }): Promise<void> {
      const callbackUrl = options.redirectTo ?? (await referer());
      await callAuth(await loadConfig(), basePath, 'signout', new URLSearchParams({ callbackUrl }));
    },
  };
}

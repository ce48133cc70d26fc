// The one shape of both Auth.js route handlers: of an instance's HTTP endpoints only its provider's callback is open.
// The site signs in and out through its own forms (server-side signIn and signOut call Auth.js in-process), so the
// built-in sign-in, sign-out, error, CSRF and provider pages stay unreachable, and the session endpoint cannot be
// polled to stretch a session. Both providers answer with a redirect (query response mode), never a form post.
import type { NextRequest } from 'next/server';

type Handler = (request: NextRequest) => Promise<Response>;

function notFound(): Response {
  return new Response('Not found', {
    status: 404,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}

/** GET and POST for an instance's `[...nextauth]` route: its callback, while `enabled()`, and 404 for the rest. */
export function callbackOnlyRoute(options: {
  handlers: { GET: Handler };
  callbackPath: string;
  enabled?: () => boolean;
}): { GET: (request: NextRequest) => Promise<Response> | Response; POST: () => Response } {
  const enabled = options.enabled ?? (() => true);
  return {
    GET: (request) =>
      enabled() && request.nextUrl.pathname === options.callbackPath ? options.handlers.GET(request) : notFound(),
    POST: notFound,
  };
}

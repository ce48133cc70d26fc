// Of Auth.js' HTTP endpoints only ID-porten's callback is open. The site signs in and out through its own
// forms (server-side signIn/signOut call Auth.js in-process), so the built-in sign-in, sign-out, error,
// CSRF and provider pages stay unreachable, and the session endpoint cannot be polled to stretch a session.
import type { NextRequest } from 'next/server';
import { handlers } from '@/auth';

const CALLBACK_PATH = '/api/auth/callback/idporten';

function notFound(): Response {
  return new Response('Not found', {
    status: 404,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}

export function GET(request: NextRequest): Promise<Response> | Response {
  return request.nextUrl.pathname === CALLBACK_PATH ? handlers.GET(request) : notFound();
}

// ID-porten answers with a redirect (query response mode), never a form post.
export function POST(): Response {
  return notFound();
}

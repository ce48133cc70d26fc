// Of the console's Auth.js endpoints only Entra ID's callback is open; sign-in and sign-out are the console's own
// server actions, so Auth.js' built-in pages, CSRF and session endpoints stay unreachable.
import type { NextRequest } from 'next/server';
import { getConfig } from '@/lib/config';
import { STAFF_AUTH_BASE_PATH, STAFF_PROVIDER_ID, staffHandlers } from '@/lib/console/staff-auth';

const CALLBACK_PATH = `${STAFF_AUTH_BASE_PATH}/callback/${STAFF_PROVIDER_ID}`;

function notFound(): Response {
  return new Response('Not found', {
    status: 404,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}

export function GET(request: NextRequest): Promise<Response> | Response {
  if (!getConfig().console.enabled || request.nextUrl.pathname !== CALLBACK_PATH) return notFound();
  return staffHandlers.GET(request);
}

export function POST(): Response {
  return notFound();
}

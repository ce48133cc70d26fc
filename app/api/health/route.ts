// Liveness: the process answers. No dependencies: a database outage must not get healthy instances restarted.
export const dynamic = 'force-dynamic';

export function GET() {
  return Response.json({ status: 'ok' }, { headers: { 'Cache-Control': 'no-store' } });
}

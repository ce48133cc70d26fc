// Readiness: 200 when this instance may take traffic, 503 otherwise; each check named (lib/readiness.ts).
import { checkReadiness } from '@/lib/readiness';

export const dynamic = 'force-dynamic';

export async function GET() {
  const readiness = await checkReadiness();
  return Response.json(readiness, { status: readiness.ready ? 200 : 503, headers: { 'Cache-Control': 'no-store' } });
}

// Audit lookup for operators (and the end-to-end tests): the records of one person's attempts.
// Off unless OPS_API_TOKEN is set. The national id travels in the POST body, never in a URL.
import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { getConfig } from '@/lib/config';
import { hashNationalId, NationalIdSchema } from '@/lib/national-id';
import { getRecordStore } from '@/lib/reset/service';

const LookupSchema = z.object({ nationalId: NationalIdSchema });
const noStore = { 'Cache-Control': 'no-store' };

function authorized(request: Request, token: string): boolean {
  const given = Buffer.from(request.headers.get('authorization') ?? '');
  const expected = Buffer.from(`Bearer ${token}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export async function POST(request: Request) {
  const config = getConfig();
  if (!config.ops.apiToken) return new Response(null, { status: 404, headers: noStore });
  if (!authorized(request, config.ops.apiToken)) {
    return Response.json({ error: 'unauthorized' }, { status: 401, headers: noStore });
  }
  const parsed = LookupSchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return Response.json({ error: 'body must be { nationalId }' }, { status: 400, headers: noStore });
  const hash = hashNationalId(parsed.data.nationalId, config.records.hmacKey);
  const records = await (await getRecordStore()).listRecordsByNationalIdHash(hash);
  return Response.json(
    {
      records: records.map(({ nationalIdHash: _hash, ...record }) => record),
    },
    { headers: noStore },
  );
}

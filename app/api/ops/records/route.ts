// Audit lookup for operators (and the end-to-end tests): the records of one person's attempts.
// Off unless OPS_API_TOKEN is set. The national id travels in the POST body, never in a URL.
// `{ since }` lists every attempt after a time, including logins that carried no national id.
import { createHash, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { getConfig } from '@/lib/config';
import { securityEvent } from '@/lib/log';
import { NationalIdSchema } from '@/lib/national-id';
import { getRecords } from '@/lib/wiring/root';

const LookupSchema = z.union([
  z.object({ nationalId: NationalIdSchema }).strict(),
  z.object({ since: z.iso.datetime() }).strict(),
]);
const noStore = { 'Cache-Control': 'no-store' };

function authorized(request: Request, token: string): boolean {
  const given = Buffer.from(request.headers.get('authorization') ?? '');
  const expected = Buffer.from(`Bearer ${token}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Names the token in logs without revealing it: a short fingerprint an operator can compute from theirs. */
function tokenId(token: string): string {
  return `sha256:${createHash('sha256').update(token).digest('hex').slice(0, 12)}`;
}

export async function POST(request: Request) {
  const config = getConfig();
  if (!config.ops.apiToken) return new Response(null, { status: 404, headers: noStore });
  if (!authorized(request, config.ops.apiToken)) {
    securityEvent('ops.records-lookup-refused', { reason: 'unauthorized' });
    return Response.json({ error: 'unauthorized' }, { status: 401, headers: noStore });
  }
  const parsed = LookupSchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) {
    return Response.json({ error: 'body must be { nationalId } or { since }' }, { status: 400, headers: noStore });
  }
  const store = await getRecords();
  const person = 'nationalId' in parsed.data ? parsed.data.nationalId : null;
  const personHash = person ? store.hashOf(person) : null;
  const records = person
    ? await store.personAttempts(person)
    : await store.attemptsSince(new Date('since' in parsed.data ? parsed.data.since : 0));
  // Who asked and what: by the token's fingerprint, and by the person's keyed hash, never the number.
  securityEvent('ops.records-lookup', {
    tokenId: tokenId(config.ops.apiToken),
    query: personHash ? 'person' : 'since',
    personHash,
    since: 'since' in parsed.data ? parsed.data.since : null,
    results: records.length,
  });
  return Response.json(
    {
      records: records.map(({ nationalIdHash: _hash, ...record }) => record),
    },
    { headers: noStore },
  );
}

// ID-porten's front-channel logout: it loads this URL (in an iframe) with its issuer and the session id
// when the person logs out elsewhere. The cookie may not come along (third-party iframe), so the session
// id is remembered server-side and every later use of that session is refused.
import { z } from 'zod';
import { getConfig } from '@/lib/config';
import { securityEvent } from '@/lib/log';
import { getRecords } from '@/lib/wiring/root';

const FrontChannelSchema = z.object({ iss: z.string().min(1), sid: z.string().min(1).max(200) });

const noStore = { 'Cache-Control': 'no-store' };

export async function GET(request: Request) {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = FrontChannelSchema.safeParse(params);
  const issuer = getConfig().idporten.issuer.replace(/\/$/, '');
  if (!parsed.success || parsed.data.iss.replace(/\/$/, '') !== issuer) {
    return new Response('Bad front-channel logout request', { status: 400, headers: noStore });
  }
  await (await getRecords()).endSession(parsed.data.sid);
  securityEvent('logout', { initiatedBy: 'idporten-front-channel' });
  return new Response(null, { status: 200, headers: noStore });
}

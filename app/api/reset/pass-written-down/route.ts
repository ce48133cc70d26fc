// "I have written it down": closes the person's own Temporary Access Pass for good and deletes its cookie. A route
// handler rather than a server action so that the browser loads a new document afterwards: a server action would
// update the page in place, and the first document's payload (which carried the pass) would stay in memory.
import { getConfig } from '@/lib/config';
import { localeFromForm } from '@/lib/i18n/locale-form';
import { getPathname } from '@/lib/i18n/navigation';
import { securityEvent } from '@/lib/log';
import { forgetPass } from '@/lib/reset/pass-handover';
import { getRecords } from '@/lib/wiring/root';
import { checkCallerOrigin } from '@/lib/origin-policy';
import { recordRequestRefusal } from '@/lib/session/login-records';
import { findOwnRecord } from '@/lib/session/own-record';
import { getResetSession } from '@/lib/session/reset-session';

export async function POST(request: Request) {
  const config = getConfig();
  const form = await request.formData();
  const locale = localeFromForm(form);
  const session = await getResetSession();
  const caller = checkCallerOrigin(request.headers, config.appOrigin);
  if (!caller.ok) {
    await recordRequestRefusal(caller.reason, session?.pid ?? null);
    return new Response('Cross-site request refused', { status: 403 });
  }
  // Only the person's own attempt: the reference is checked against the records with the session's hash.
  const record = session ? await findOwnRecord(session, form.get('ref')) : null;
  if (!session || !record) {
    return Response.redirect(new URL(getPathname({ locale, href: '/reset/confirm' }), config.appOrigin), 303);
  }
  const records = await getRecords();
  await records.claimPassDisplay(record.requestId, { person: session.pid }, new Date());
  securityEvent('reset.tap-written-down', { requestId: record.requestId, personHash: records.hashOf(session.pid) });
  await forgetPass();
  const result = new URL(`${getPathname({ locale, href: '/reset/result' })}?ref=${record.requestId}`, config.appOrigin);
  return new Response(null, {
    status: 303,
    headers: {
      location: result.toString(),
      'cache-control': 'no-store',
    },
  });
}

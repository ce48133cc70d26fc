'use server';
// "This wasn't me". A public HTTP endpoint like the reset: the account comes from the signed session alone, the
// form says only which language to answer in.
import { randomUUID } from 'node:crypto';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getConfig } from '@/lib/config';
import { localeFromForm } from '@/lib/i18n/locale-form';
import { getPathname } from '@/lib/i18n/navigation';
import { undoResetForSession } from '@/lib/wiring/self-service';
import { checkCallerOrigin } from '@/lib/origin-policy';
import { recordRequestRefusal } from '@/lib/session/login-records';
import { getClientAddress, resetSessionOrUnavailable } from '@/lib/session/reset-session';

export async function undoReset(formData: FormData): Promise<void> {
  const locale = localeFromForm(formData);
  const page = getPathname({ locale, href: '/reset/not-me' });
  const session = await resetSessionOrUnavailable();
  if (session === 'unavailable') redirect(`${page}?error=unavailable`);
  const caller = checkCallerOrigin(await headers(), getConfig().appOrigin);
  if (!caller.ok) {
    await recordRequestRefusal(caller.reason, session?.pid ?? null);
    redirect(page);
  }
  if (!session) redirect(page);
  const requestId = randomUUID();
  const record = await undoResetForSession(
    { nationalId: session.pid, acr: session.acr, authTime: session.authTime, clientAddress: await getClientAddress() },
    requestId,
  );
  // The records were unreachable before anything was changed: nothing to show but "try again".
  if (!record) redirect(`${page}?error=unavailable`);
  // Post/redirect/get: the page reads the record, so a reload never undoes twice.
  redirect(`${page}?done=${requestId}`);
}

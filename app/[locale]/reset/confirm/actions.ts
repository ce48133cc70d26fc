'use server';
// The reset itself. Treated as a public HTTP endpoint: everything it needs comes from the signed
// session, never from the form — the form only says which language to answer in and which of the
// account's registrations to remove (checked against the account's own list on the server).
import { randomUUID } from 'node:crypto';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getConfig } from '@/lib/config';
import { getPathname } from '@/lib/i18n/navigation';
import { localeFromForm } from '@/lib/i18n/locale-form';
import { logger } from '@/lib/log';
import { chosenIdsFromForm } from '@/lib/reset/method-choice';
import { handOverPass } from '@/lib/reset/pass-handover';
import { resetTwoFactorForSession, type ResetOutcome } from '@/lib/reset/service';
import { checkCallerOrigin } from '@/lib/session/caller-origin';
import { recordRequestRefusal } from '@/lib/session/login-records';
import { getClientAddress, getResetSession } from '@/lib/session/reset-session';

export async function resetTwoFactor(formData: FormData): Promise<void> {
  // Only the language and the ticked method ids are read from the form; an account id or national id posted with it is never looked at.
  const locale = localeFromForm(formData);
  const session = await getResetSession();
  const caller = checkCallerOrigin(await headers(), getConfig().appOrigin);
  if (!caller.ok) {
    await recordRequestRefusal(caller.reason, session?.pid ?? null);
    redirect(getPathname({ locale, href: '/reset/confirm' }));
  }
  if (!session) redirect(getPathname({ locale, href: '/reset/confirm' }));

  const requestId = randomUUID();
  const outcome: ResetOutcome = await resetTwoFactorForSession(
    { nationalId: session.pid, acr: session.acr, authTime: session.authTime, clientAddress: await getClientAddress() },
    requestId,
    { chosenMethodIds: chosenIdsFromForm(formData.getAll('method')), locale },
  );
  // The pass goes to the result page sealed, once; never into the log line below or the URL.
  if ('pass' in outcome && outcome.pass.kind === 'issued') await handOverPass(outcome.pass.pass.pass, requestId);
  logger.info({ requestId, outcome: outcome.kind }, 'reset action finished');
  // Post/redirect/get: the result page reads the attempt's record, so a reload never resets twice.
  redirect(`${getPathname({ locale, href: '/reset/result' })}?ref=${requestId}`);
}

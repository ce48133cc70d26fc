'use server';
// The reset itself and a new pass. Treated as public HTTP endpoints: everything they
// need comes from the signed session, never from the form — the form only says which language to answer in and which
// of the account's registrations to remove (checked against the account's own list on the server).
import { randomUUID } from 'node:crypto';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getConfig } from '@/lib/config';
import { getPathname } from '@/lib/i18n/navigation';
import { localeFromForm } from '@/lib/i18n/locale-form';
import type { Locale } from '@/lib/i18n/routing';
import { logger } from '@/lib/log';
import { chosenIdsFromForm } from '@/lib/reset/method-choice';
import { handOverPass } from '@/lib/reset/pass-handover';
import { issueNewPassForSession, resetTwoFactorForSession, type ResetOutcome } from '@/lib/wiring/self-service';
import { checkCallerOrigin } from '@/lib/origin-policy';
import { recordRequestRefusal } from '@/lib/session/login-records';
import { getClientAddress, passBinding, passKeepSeconds, resetSessionOrUnavailable } from '@/lib/session/reset-session';
import type { SessionToken } from '@/lib/session/session-token';

const confirmPath = (locale: Locale, query = '') => `${getPathname({ locale, href: '/reset/confirm' })}${query}`;
const resultPath = (locale: Locale, requestId: string) =>
  `${getPathname({ locale, href: '/reset/result' })}?ref=${requestId}`;

/** The session behind a same-origin POST, or a redirect to the confirm page (a foreign POST is recorded first). */
async function checkedSession(locale: Locale): Promise<SessionToken> {
  const session = await resetSessionOrUnavailable();
  // Whether the session was ended cannot be checked while the records are away: nothing is done, try again.
  if (session === 'unavailable') redirect(confirmPath(locale, '?error=unavailable'));
  const caller = checkCallerOrigin(await headers(), getConfig().appOrigin);
  if (!caller.ok) {
    await recordRequestRefusal(caller.reason, session?.pid ?? null);
    redirect(confirmPath(locale));
  }
  if (!session) redirect(confirmPath(locale));
  return session;
}

/** The pass goes to the result page sealed, bound to this session; never into a log line or the URL. */
async function handOverIssuedPass(outcome: ResetOutcome, requestId: string, session: SessionToken): Promise<void> {
  if (!('pass' in outcome) || outcome.pass.kind !== 'issued') return;
  const { pass, expiresAt } = outcome.pass.pass;
  await handOverPass(pass, requestId, { seconds: passKeepSeconds(session, expiresAt), binding: passBinding(session) });
}

export async function resetTwoFactor(formData: FormData): Promise<void> {
  // Only the language and the ticked method ids are read from the form; an account id or national id posted with it is never looked at.
  const locale = localeFromForm(formData);
  const session = await checkedSession(locale);
  const chosen = chosenIdsFromForm(formData.getAll('method'));
  // Nothing ticked is a mistake in the form, not an attempt: back to the choice with an error, nothing recorded.
  if (chosen.length === 0) redirect(confirmPath(locale, '?error=nothing-chosen'));

  const requestId = randomUUID();
  const outcome: ResetOutcome = await resetTwoFactorForSession(
    { nationalId: session.pid, acr: session.acr, authTime: session.authTime, clientAddress: await getClientAddress() },
    requestId,
    { chosenMethodIds: chosen, locale },
  );
  // The records were unreachable: nothing was changed and there is no record for a result page.
  if (outcome.kind === 'failed' && outcome.unrecorded) redirect(confirmPath(locale, '?error=unavailable'));
  await handOverIssuedPass(outcome, requestId, session);
  logger.info({ requestId, outcome: outcome.kind }, 'reset action finished');
  // Post/redirect/get: the result page reads the attempt's record, so a reload never resets twice.
  redirect(resultPath(locale, requestId));
}

/** A new Temporary Access Pass for a person with nothing left to sign in with (the domain checks that again). */
export async function requestNewPass(formData: FormData): Promise<void> {
  const locale = localeFromForm(formData);
  const session = await checkedSession(locale);
  const requestId = randomUUID();
  const outcome = await issueNewPassForSession(
    { nationalId: session.pid, acr: session.acr, authTime: session.authTime, clientAddress: await getClientAddress() },
    requestId,
  );
  if (outcome.kind === 'failed' && outcome.unrecorded) redirect(confirmPath(locale, '?error=unavailable'));
  await handOverIssuedPass(outcome, requestId, session);
  logger.info({ requestId, outcome: outcome.kind }, 'new pass action finished');
  redirect(resultPath(locale, requestId));
}

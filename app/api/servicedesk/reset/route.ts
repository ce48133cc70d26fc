import { getConfig } from '@/lib/config';
// The assisted reset. Treated as a public HTTP endpoint: it checks the Origin, the console session and the agent
// role itself, reads the form with zod (the account, the verification, the ticked registrations), and answers
// post/redirect/get so a reload never resets twice. The domain refuses (and records) a stale staff login.
import { randomUUID } from 'node:crypto';
import type { NextRequest } from 'next/server';
import { z } from 'zod';
import { ACCOUNT_ID, agentOf, resetForAgent } from '@/lib/wiring/service-desk';
import { refusedOrigin, requireConsoleRole, seeOther } from '@/lib/console/request-guard';
import { checkCallerOrigin } from '@/lib/origin-policy';
import { getPathname } from '@/lib/i18n/navigation';
import { localeFromForm } from '@/lib/i18n/locale-form';
import { logger } from '@/lib/log';
import { VERIFICATION_KINDS } from '@/lib/records/vocabulary';
import { chosenIdsFromForm } from '@/lib/reset/method-choice';
import { handOverPass } from '@/lib/reset/pass-handover';

/** A ticket reference is the desk's case number, never a document number: short, letters, digits and dashes. */
const TICKET_REFERENCE = /^[A-Za-z]{0,10}[-#]?[0-9]{1,10}$/;

const DeskResetForm = z.object({
  account: z.string().regex(ACCOUNT_ID),
  verification: z.enum(VERIFICATION_KINDS),
  ticket: z
    .string()
    .trim()
    .max(24)
    .transform((value) => value || null)
    .pipe(z.string().regex(TICKET_REFERENCE).nullable()),
});

export async function POST(request: NextRequest): Promise<Response> {
  if (!checkCallerOrigin(request.headers, getConfig().appOrigin).ok) return refusedOrigin('reset');
  const form = await request.formData();
  const locale = localeFromForm(form);
  const guard = await requireConsoleRole('agent', locale, 'reset');
  if ('response' in guard) return guard.response;
  const { session } = guard;

  const resetPage = getPathname({ locale, href: '/servicedesk/reset' });
  const parsed = DeskResetForm.safeParse({
    account: form.get('account') ?? '',
    verification: form.get('verification') ?? '',
    ticket: form.get('ticket') ?? '',
  });
  if (!parsed.success) {
    // Back to the form with what was wrong named; nothing was sent to Graph and nothing changed.
    const account = ACCOUNT_ID.test(String(form.get('account'))) ? String(form.get('account')) : '';
    const problems = [...new Set(parsed.error.issues.map((issue) => String(issue.path[0])))].join(',');
    return seeOther(`${resetPage}?account=${account}&invalid=${problems}`);
  }
  const { account, verification, ticket } = parsed.data;

  const requestId = randomUUID();
  const outcome = await resetForAgent(
    agentOf(session),
    account,
    { kind: verification, ticketReference: ticket },
    requestId,
    { chosenMethodIds: chosenIdsFromForm(form.getAll('method')), locale },
  );
  // The records were unreachable: nothing was changed, and the agent is asked to try again on the same form.
  if (outcome.kind === 'failed' && outcome.unrecorded)
    return seeOther(`${resetPage}?account=${account}&error=unavailable`);
  // The pass goes to the agent's result page sealed, once; never into the log line below or the URL.
  if ('pass' in outcome && outcome.pass.kind === 'issued') await handOverPass(outcome.pass.pass.pass, requestId);
  logger.info({ requestId, outcome: outcome.kind, channel: 'service-desk' }, 'service desk reset finished');
  return seeOther(`${getPathname({ locale, href: '/servicedesk/result' })}?ref=${requestId}`);
}

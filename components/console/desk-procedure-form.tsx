// The desk's procedure for one account: the identity check, what to remove, and what happens next, as one plain
// form post (it works without JavaScript). Errors from the last post are summarised first and linked to their fields.
import { getTranslations } from 'next-intl/server';
import { MethodChoice } from '@/components/reset/method-choice';
import { SubmitButton } from '@/components/submit-button';
import type { Locale } from '@/lib/i18n/routing';
import { VERIFICATION_KINDS } from '@/lib/records/vocabulary';
import type { AuthMethod } from '@/lib/directory/directory';

export type DeskField = 'verification' | 'ticket';

const step = 'mt-8 border-t border-slate-300 pt-6';

/** Which document the person showed (its kind only, never its number) and the desk's own case number. */
async function IdentityCheck({ locale, ticketInvalid }: { locale: Locale; ticketInvalid: boolean }) {
  const t = await getTranslations({ locale, namespace: 'Console' });
  return (
    <section aria-labelledby="check-heading" className={step}>
      <h2 id="check-heading" className="text-2xl font-semibold">
        {t('stepCheck')}
      </h2>
      <fieldset aria-describedby="verification-hint" className="mt-3">
        <legend className="text-lg font-semibold">{t('verificationLegend')}</legend>
        <p id="verification-hint" className="mt-1">
          {t('verificationHint')}
        </p>
        <ul className="mt-2 space-y-1">
          {VERIFICATION_KINDS.map((kind) => (
            <li key={kind}>
              <label className="flex min-h-11 cursor-pointer items-center gap-3">
                <input
                  type="radio"
                  name="verification"
                  value={kind}
                  id={`verification-${kind}`}
                  required
                  className="h-5 w-5 accent-sky-800"
                />
                {t(`verification_${kind}`)}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <div className="mt-4">
        <label htmlFor="ticket" className="block font-semibold">
          {t('ticketLabel')}
        </label>
        <p id="ticket-hint" className="text-slate-700">
          {t('ticketHint')}
        </p>
        <input
          id="ticket"
          name="ticket"
          type="text"
          maxLength={24}
          autoComplete="off"
          aria-describedby="ticket-hint"
          aria-invalid={ticketInvalid ? true : undefined}
          className="mt-1 min-h-11 w-full max-w-xs rounded border border-slate-500 px-3"
        />
      </div>
    </section>
  );
}

export async function DeskProcedureForm(props: {
  locale: Locale;
  account: string;
  methods: AuthMethod[];
  invalid: DeskField[];
  noticeConfigured: boolean;
  passesEnabled: boolean;
}) {
  const { locale, account, methods, invalid, noticeConfigured, passesEnabled } = props;
  const t = await getTranslations({ locale, namespace: 'Console' });
  return (
    <form method="post" action="/api/servicedesk/reset" data-testid="desk-procedure">
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="account" value={account} />
      {invalid.length > 0 ? (
        <div role="alert" className="mt-6 rounded border-2 border-red-700 p-4" data-testid="console-form-errors">
          <h2 className="text-lg font-semibold">{t('invalidSummary')}</h2>
          <ul className="mt-2 list-disc pl-6">
            {invalid.map((field) => (
              <li key={field}>
                <a
                  href={field === 'verification' ? '#verification-passport' : '#ticket'}
                  className="underline underline-offset-4"
                >
                  {field === 'verification' ? t('invalidVerification') : t('invalidTicket')}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <IdentityCheck locale={locale} ticketInvalid={invalid.includes('ticket')} />
      <section aria-labelledby="methods-heading" className={step}>
        <h2 id="methods-heading" className="text-2xl font-semibold">
          {t('stepRemove')}
        </h2>
        <MethodChoice
          locale={locale}
          methods={methods}
          texts={{ legend: t('deskChooseLegend'), hint: t('deskChooseHint') }}
        />
      </section>
      <section aria-labelledby="next-heading" className={step} data-testid="desk-what-happens-next">
        <h2 id="next-heading" className="text-2xl font-semibold">
          {t('stepNext')}
        </h2>
        <ul className="mt-3 list-disc space-y-1 pl-6">
          <li>{t('nextSignedOut')}</li>
          {noticeConfigured ? <li>{t('nextNotice')}</li> : null}
          <li>{passesEnabled ? t('nextPass') : t('nextNoPass')}</li>
          <li>{t('nextPassword')}</li>
        </ul>
      </section>
      <div className="mt-8">
        <SubmitButton label={t('resetButton')} pendingLabel={t('resetPending')} />
      </div>
    </form>
  );
}

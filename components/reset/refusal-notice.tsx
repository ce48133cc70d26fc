import { getTranslations } from 'next-intl/server';
import { formatDateTime } from '@/lib/i18n/date-format';
import type { Locale } from '@/lib/i18n/routing';
import type { RefusalReason } from '@/lib/wiring/self-service';
import { ServiceDesk } from '../service-desk';
import { LoginAgainForm } from './session-forms';

const texts = {
  'no-account': ['refusedNoAccountTitle', 'refusedNoAccountText'],
  'several-accounts': ['refusedSeveralTitle', 'refusedSeveralText'],
  'stale-login': ['refusedStaleTitle', 'refusedStaleText'],
  'low-assurance': ['refusedLowTitle', 'refusedLowText'],
  'rate-limited-person': ['refusedRateTitle', 'refusedRateText'],
  'rate-limited-address': ['refusedAddressTitle', 'refusedAddressText'],
} as const satisfies Record<RefusalReason, readonly [string, string]>;

const fixedByNewLogin: RefusalReason[] = ['stale-login', 'low-assurance'];
const needsServiceDesk: RefusalReason[] = ['no-account', 'several-accounts'];

// Server-rendered once per request; without a known time the per-address window (one hour) applies.
function retryTime(retryAfter: string | undefined): Date {
  return retryAfter ? new Date(retryAfter) : new Date(Date.now() + 60 * 60 * 1000);
}

/** Why the site will not reset, that nothing was changed, and what the person can do now. */
export async function RefusalNotice(props: {
  locale: Locale;
  reason: RefusalReason;
  retryAfter?: string;
  /** Where a new login leads back to (the reset when absent). */
  next?: 'not-me' | 'history';
  /** The limits the texts name (RESET_MAX_LOGIN_AGE_SECONDS, RESET_LIMIT_PER_PERSON). */
  limits: { maxLoginAgeSeconds: number; limitPerPerson: number };
  serviceDeskUrl: string;
}) {
  const t = await getTranslations({ locale: props.locale, namespace: 'ResetFlow' });
  const [title, text] = texts[props.reason];
  const retryAt = retryTime(props.retryAfter);
  return (
    <section aria-labelledby="refusal-title" data-testid={`refusal-${props.reason}`}>
      <h2 id="refusal-title" className="text-2xl font-semibold">
        {t(title)}
      </h2>
      <p className="mt-3">
        {t(text, {
          minutes: Math.round(props.limits.maxLoginAgeSeconds / 60),
          limit: props.limits.limitPerPerson,
          time: formatDateTime(props.locale, retryAt),
        })}
      </p>
      {fixedByNewLogin.includes(props.reason) ? <LoginAgainForm locale={props.locale} next={props.next} /> : null}
      {needsServiceDesk.includes(props.reason) ? (
        <div className="mt-6">
          <ServiceDesk url={props.serviceDeskUrl} locale={props.locale} />
        </div>
      ) : null}
    </section>
  );
}

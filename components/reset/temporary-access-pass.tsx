import { getTranslations } from 'next-intl/server';
import { LocalizedLink } from '@/components/localized-link';
import { ServiceDesk } from '@/components/service-desk';
import { SubmitButton } from '@/components/submit-button';
import { formatDateTime } from '@/lib/i18n/date-format';
import type { Locale } from '@/lib/i18n/routing';
import { hasExpired } from '@/lib/reset/pass-expiry';
import { AcknowledgePassForm, OneTimePass } from './one-time-pass';
import { PassCard } from './pass-card';

const MYSIGNINS = 'https://mysignins.microsoft.com/security-info';

/** The mysignins link opens in a new tab, so following it never takes the pass off the person's screen. */
async function MysigninsLink(props: { locale: Locale }) {
  const t = await getTranslations({ locale: props.locale, namespace: 'ResetFlow' });
  return (
    <p className="mt-3">
      <a href={MYSIGNINS} target="_blank" rel="noopener noreferrer" className="underline underline-offset-4">
        {t('mysigninsLink')} <span className="text-slate-700">{t('opensInNewTab')}</span>
      </a>
    </p>
  );
}

/**
 * The Temporary Access Pass part of the result. While the pass is open (not written down, the person not signed
 * out, not expired) it is shown on every view of this session's result page, with "I have written it down"; after
 * that only that it was issued and until when. When Graph gave none: the way without a pass.
 */
export async function TemporaryAccessPassNotice(props: {
  locale: Locale;
  reference: string;
  issued: boolean;
  pass: string | null;
  expiresAt: Date | null;
  /** The person pressed "I have written it down" or signed out since. */
  writtenDown: boolean;
  /** TAP_USABLE_ONCE: Graph made the pass with this setting; say "only once" only when it is true. */
  usableOnce: boolean;
  serviceDeskUrl: string;
}) {
  const t = await getTranslations({ locale: props.locale, namespace: 'ResetFlow' });
  const time = props.expiresAt ? formatDateTime(props.locale, props.expiresAt) : '';
  const { usableOnce } = props;

  if (!props.issued) {
    return (
      <section aria-labelledby="tap-heading" className="mt-8" data-testid="tap-not-issued">
        <h2 id="tap-heading" className="text-2xl font-semibold">
          {t('tapNotIssuedTitle')}
        </h2>
        <p className="mt-2">{t('tapNotIssuedText')}</p>
        <MysigninsLink locale={props.locale} />
        <div className="mt-4">
          <ServiceDesk url={props.serviceDeskUrl} locale={props.locale} />
        </div>
      </section>
    );
  }

  const expired = hasExpired(props.expiresAt);
  const notShown = (
    <section aria-labelledby="tap-heading" className="mt-8" data-testid="tap-issued-before">
      <h2 id="tap-heading" className="text-2xl font-semibold">
        {t('tapTitle')}
      </h2>
      {expired ? (
        <p className="mt-2">{t('tapExpired', { time })}</p>
      ) : props.writtenDown ? (
        <p className="mt-2">{t('tapWrittenDown', { time })}</p>
      ) : (
        // Issued in another session (another browser, or before a new login): it cannot be shown here.
        <p className="mt-2">{t('tapElsewhere', { time })}</p>
      )}
      {/* The confirm page decides whether a new pass is due (nothing else left to sign in with). */}
      <p className="mt-3">
        <LocalizedLink href="/reset/confirm" locale={props.locale} className="underline underline-offset-4">
          {t('tapGetNew')}
        </LocalizedLink>
      </p>
    </section>
  );
  if (!props.pass) return notShown;

  return (
    <OneTimePass reference={props.reference} fallback={notShown}>
      <PassCard title={t('tapTitle')} intro={t('tapIntro')} label={t('tapLabel')} pass={props.pass} oneTime>
        <p className="mt-3 font-semibold">
          {t('tapExpires', { time })}
          {usableOnce ? <> {t('tapOnce')}</> : null}
        </p>
        <h3 className="mt-4 text-xl font-semibold">{t('tapStepsTitle')}</h3>
        <ol className="mt-2 list-decimal space-y-1 pl-6">
          <li>{t('tapStep1')}</li>
          <li>{t('tapStep2')}</li>
          <li>{t('tapStep3')}</li>
        </ol>
        <MysigninsLink locale={props.locale} />
        <AcknowledgePassForm reference={props.reference}>
          <input type="hidden" name="locale" value={props.locale} />
          <input type="hidden" name="ref" value={props.reference} />
          <p className="mb-3">{t('tapWrittenDownHint')}</p>
          <SubmitButton label={t('tapWrittenDownButton')} pendingLabel={t('tapWrittenDownPending')} />
        </AcknowledgePassForm>
      </PassCard>
    </OneTimePass>
  );
}

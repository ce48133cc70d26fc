import { getTranslations } from 'next-intl/server';
import { ServiceDesk } from '@/components/service-desk';
import { getConfig } from '@/lib/config';
import { formatDateTime } from '@/lib/i18n/date-format';
import type { Locale } from '@/lib/i18n/routing';
import { hasExpired } from '@/lib/reset/pass-expiry';
import { OneTimePass } from './one-time-pass';
import { PassCard } from './pass-card';

const MYSIGNINS = 'https://mysignins.microsoft.com/security-info';

/**
 * The Temporary Access Pass part of the result: the pass itself on the first view (large, selectable in one
 * click with CSS alone), afterwards only that it was issued and until when; or, when Graph gave none, the way
 * without a pass.
 */
export async function TemporaryAccessPassNotice(props: {
  locale: Locale;
  reference: string;
  issued: boolean;
  pass: string | null;
  expiresAt: Date | null;
}) {
  const t = await getTranslations({ locale: props.locale, namespace: 'ResetFlow' });
  const time = props.expiresAt ? formatDateTime(props.locale, props.expiresAt) : '';
  // Graph made the pass with this setting; say "only once" only when it is true.
  const usableOnce = getConfig().tap.usableOnce;
  const mysignins = (
    <p className="mt-3">
      <a href={MYSIGNINS} className="underline underline-offset-4">
        {t('mysigninsLink')}
      </a>
    </p>
  );

  if (!props.issued) {
    return (
      <section aria-labelledby="tap-heading" className="mt-8" data-testid="tap-not-issued">
        <h2 id="tap-heading" className="text-2xl font-semibold">
          {t('tapNotIssuedTitle')}
        </h2>
        <p className="mt-2">{t('tapNotIssuedText')}</p>
        {mysignins}
        <div className="mt-4">
          <ServiceDesk locale={props.locale} />
        </div>
      </section>
    );
  }

  const expired = hasExpired(props.expiresAt);
  const issuedBefore = (
    <section aria-labelledby="tap-heading" className="mt-8" data-testid="tap-issued-before">
      <h2 id="tap-heading" className="text-2xl font-semibold">
        {t('tapTitle')}
      </h2>
      <p className="mt-2">{expired ? t('tapExpired', { time }) : t('tapShownBefore', { time })}</p>
      <div className="mt-4">
        <ServiceDesk locale={props.locale} />
      </div>
    </section>
  );
  if (!props.pass) return issuedBefore;

  return (
    <OneTimePass reference={props.reference} fallback={issuedBefore}>
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
        {mysignins}
      </PassCard>
    </OneTimePass>
  );
}

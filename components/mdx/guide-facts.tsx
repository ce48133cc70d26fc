// Guide building blocks whose facts come from settings, so no guide states an address, a link or a
// login rule that the running site does not have. Read at build time: guides are prerendered.
import type { ReactNode } from 'react';
import { getLocale, getTranslations } from 'next-intl/server';
import { getBuildSettings, type AcrLevel } from '@/lib/config';
import type { Locale } from '@/lib/i18n/routing';

/** The address people are told to go to for a reset (RESET_ADDRESS), shown without its scheme. */
export function ResetAddress() {
  const address = getBuildSettings().guides.resetAddress;
  return <a href={address}>{new URL(address).host}</a>;
}

/** A paragraph pointing to the video guide; left out entirely when VIDEO_GUIDE_URL is unset. */
export function VideoGuide(props: { children: ReactNode }) {
  const url = getBuildSettings().guides.videoGuideUrl;
  if (!url) return null;
  return (
    <p>
      <a href={url}>{props.children}</a>
    </p>
  );
}

/** Text that holds only for the configured ID-porten level (IDPORTEN_ACR), e.g. whether MinID works. */
export function ForLoginLevel(props: { level: AcrLevel; children: ReactNode }) {
  return getBuildSettings().idportenAcr === props.level ? <>{props.children}</> : null;
}

/** Where and when to visit the service desk: from settings, or a pointer to its page when unset. */
export async function ServiceDeskVisit() {
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations({ locale, namespace: 'GuideFacts' });
  const { serviceDeskVisitingAddress: address, serviceDeskOpeningHours: hours } = getBuildSettings().guides;
  const link = (chunks: ReactNode) => <a href={getBuildSettings().serviceDeskUrl}>{chunks}</a>;
  return (
    <p>
      {address ? <>{t('visitingAddress', { address })} </> : null}
      {hours ? <>{t('openingHours', { hours })} </> : null}
      {address && hours ? t.rich('moreOnPage', { link }) : t.rich('visitDetailsOnPage', { link })}
    </p>
  );
}

/** A link to the accessibility feedback contact (ACCESSIBILITY_FEEDBACK_URL, else the service desk). */
export function AccessibilityFeedback(props: { children: ReactNode }) {
  const { guides, serviceDeskUrl } = getBuildSettings();
  return <a href={guides.accessibilityFeedbackUrl ?? serviceDeskUrl}>{props.children}</a>;
}

/** A paragraph linking to the statement on uustatus.no; left out when UUSTATUS_URL is unset. */
export function UustatusLink(props: { children: ReactNode }) {
  const url = getBuildSettings().guides.uustatusUrl;
  if (!url) return null;
  return (
    <p>
      <a href={url}>{props.children}</a>
    </p>
  );
}

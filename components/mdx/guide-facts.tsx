// Guide building blocks whose facts come from settings, so no guide states an address, a link or a
// login rule that the running site does not have. Bound to the build settings once (mdx-components.tsx):
// guides are prerendered.
import type { ReactNode } from 'react';
import { getLocale, getTranslations } from 'next-intl/server';
import type { AcrLevel } from '@/lib/idporten/assurance';
import type { Locale } from '@/lib/i18n/routing';

/** What the guides may state (the build settings); what is unset, they leave out. */
export type GuideFactSettings = {
  serviceDeskUrl: string;
  idportenAcr: AcrLevel;
  guides: {
    resetAddress: string;
    videoGuideUrl?: string;
    serviceDeskVisitingAddress?: string;
    serviceDeskOpeningHours?: string;
    accessibilityFeedbackUrl?: string;
    uustatusUrl?: string;
  };
};

/** A paragraph with one link, or nothing when the setting is unset. */
function LinkParagraph(props: { href: string | undefined; children: ReactNode }) {
  if (!props.href) return null;
  return (
    <p>
      <a href={props.href}>{props.children}</a>
    </p>
  );
}

/** Where and when to visit the service desk: from settings, or a pointer to its page when unset. */
async function ServiceDeskVisit(props: { address?: string; hours?: string; serviceDeskUrl: string }) {
  const locale = (await getLocale()) as Locale;
  const t = await getTranslations({ locale, namespace: 'GuideFacts' });
  const { address, hours } = props;
  const link = (chunks: ReactNode) => <a href={props.serviceDeskUrl}>{chunks}</a>;
  return (
    <p>
      {address ? <>{t('visitingAddress', { address })} </> : null}
      {hours ? <>{t('openingHours', { hours })} </> : null}
      {address && hours ? t.rich('moreOnPage', { link }) : t.rich('visitDetailsOnPage', { link })}
    </p>
  );
}

/** The guide-fact components as guides use them, each bound to `settings`. */
export function guideFacts(settings: GuideFactSettings) {
  const { guides, serviceDeskUrl } = settings;
  return {
    /** The address people are told to go to for a reset (RESET_ADDRESS), shown without its scheme. */
    ResetAddress: () => <a href={guides.resetAddress}>{new URL(guides.resetAddress).host}</a>,
    /** A paragraph pointing to the video guide; left out entirely when VIDEO_GUIDE_URL is unset. */
    VideoGuide: (props: { children: ReactNode }) => (
      <LinkParagraph href={guides.videoGuideUrl}>{props.children}</LinkParagraph>
    ),
    /** Text that holds only for the configured ID-porten level (IDPORTEN_ACR), e.g. whether MinID works. */
    ForLoginLevel: (props: { level: AcrLevel; children: ReactNode }) =>
      settings.idportenAcr === props.level ? <>{props.children}</> : null,
    ServiceDeskVisit: () => (
      <ServiceDeskVisit
        address={guides.serviceDeskVisitingAddress}
        hours={guides.serviceDeskOpeningHours}
        serviceDeskUrl={serviceDeskUrl}
      />
    ),
    /**
     * A link to the accessibility feedback contact (ACCESSIBILITY_FEEDBACK_URL, else the service desk). An e-mail
     * address is also shown, so a reader without a mail program can copy it.
     */
    AccessibilityFeedback: (props: { children: ReactNode }) => {
      const href = guides.accessibilityFeedbackUrl || serviceDeskUrl;
      const address = href.startsWith('mailto:')
        ? decodeURIComponent(href.slice('mailto:'.length).split('?')[0] ?? '')
        : '';
      return (
        <a href={href}>
          {props.children}
          {address ? ` (${address})` : null}
        </a>
      );
    },
    /**
     * A paragraph linking to the statement on uustatus.no. When UUSTATUS_URL is unset the paragraph says so in the
     * guide's words (`unset`), rather than vanishing: the statement must say where its published form is.
     */
    UustatusLink: (props: { children: ReactNode; unset: string }) =>
      guides.uustatusUrl ? (
        <LinkParagraph href={guides.uustatusUrl}>{props.children}</LinkParagraph>
      ) : (
        <p>{props.unset}</p>
      ),
  };
}

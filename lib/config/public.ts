// Public settings, the same in every environment: what prerendered pages say and link to. A build needs none of
// them (each has a default or may be unset) and bakes them in, so changing one means building again.
import { optionalContactUrl, optionalHttpsLink, optionalText, webUrl, withoutTrailingSlash } from './fields';
import type { Env } from './schema';

export const publicShape = {
  SERVICE_DESK_URL: webUrl('https://www.oslomet.no/'),
  // The site's public origin as search engines should know it: the prerendered pages' canonical and hreflang
  // links are absolute on it. The server reports at start when APP_ORIGIN is another origin (lib/startup.ts).
  PUBLIC_ORIGIN: webUrl('https://tofaktor.oslomet.no')
    .refine((value) => !URL.canParse(value) || new URL(value).pathname === '/', 'must be an origin (no path)')
    .transform((value) => (URL.canParse(value) ? new URL(value).origin : value)),
  // Facts the guides state; none is invented when unset (see README, "What the guides say").
  RESET_ADDRESS: webUrl('https://tofaktor.oslomet.no').transform(withoutTrailingSlash),
  VIDEO_GUIDE_URL: optionalHttpsLink(),
  SERVICE_DESK_VISITING_ADDRESS: optionalText(),
  SERVICE_DESK_OPENING_HOURS: optionalText(),
  ACCESSIBILITY_FEEDBACK_URL: optionalContactUrl(),
  UUSTATUS_URL: optionalHttpsLink(),
};

/** What a guide may state; what is unset, it leaves out. */
export function guideFacts(env: Pick<Env, keyof typeof publicShape>) {
  return {
    resetAddress: env.RESET_ADDRESS,
    videoGuideUrl: env.VIDEO_GUIDE_URL,
    serviceDeskVisitingAddress: env.SERVICE_DESK_VISITING_ADDRESS,
    serviceDeskOpeningHours: env.SERVICE_DESK_OPENING_HOURS,
    accessibilityFeedbackUrl: env.ACCESSIBILITY_FEEDBACK_URL,
    uustatusUrl: env.UUSTATUS_URL,
  };
}

export function publicSettings(env: Env) {
  return { serviceDeskUrl: env.SERVICE_DESK_URL, guides: guideFacts(env) };
}

// Which guides exist and where they live: a module of constants, so the proxy-free server start (the trace sampler)
// and the sitemap can know the guides' addresses without loading the guides themselves (lib/content.ts).
import type { AppPathname } from '@/lib/i18n/routing';

export const guideKeys = ['activate', 'reset', 'external-users', 'faq', 'accessibility'] as const;
export type GuideKey = (typeof guideKeys)[number];

export const guidePathnames = {
  activate: '/activate',
  reset: '/reset',
  'external-users': '/external-users',
  faq: '/faq',
  accessibility: '/accessibility',
} as const satisfies Record<GuideKey, AppPathname>;

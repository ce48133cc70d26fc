// The guide registry: which guides exist, where they live in each language, and how to load them.
import type { ComponentType } from 'react';
import { z } from 'zod';
import type { Locale } from '@/lib/i18n/routing';
import { guideKeys, guidePathnames, type GuideKey } from '@/lib/guide-paths';

export { guideKeys, guidePathnames, type GuideKey };

export const GuideMetadataSchema = z.object({
  title: z.string().min(1),
  description: z.string().min(1),
  /** The day someone last compared the guide with what Microsoft and ID-porten show; shown on the page. */
  lastChecked: z.iso.date(),
});
export type GuideMetadata = z.infer<typeof GuideMetadataSchema>;

type MdxModule = { default: ComponentType; metadata?: unknown };

// Explicit imports (not a template string) so the bundler sees every file and the types stay exact.
const loaders: Record<Locale, Record<GuideKey, () => Promise<MdxModule>>> = {
  nb: {
    activate: () => import('@/content/nb/activate.mdx'),
    reset: () => import('@/content/nb/reset.mdx'),
    'external-users': () => import('@/content/nb/external-users.mdx'),
    faq: () => import('@/content/nb/faq.mdx'),
    accessibility: () => import('@/content/nb/accessibility.mdx'),
  },
  nn: {
    activate: () => import('@/content/nn/activate.mdx'),
    reset: () => import('@/content/nn/reset.mdx'),
    'external-users': () => import('@/content/nn/external-users.mdx'),
    faq: () => import('@/content/nn/faq.mdx'),
    accessibility: () => import('@/content/nn/accessibility.mdx'),
  },
  en: {
    activate: () => import('@/content/en/activate.mdx'),
    reset: () => import('@/content/en/reset.mdx'),
    'external-users': () => import('@/content/en/external-users.mdx'),
    faq: () => import('@/content/en/faq.mdx'),
    accessibility: () => import('@/content/en/accessibility.mdx'),
  },
};

export async function loadGuide(locale: Locale, guide: GuideKey) {
  const mdx = await loaders[locale][guide]();
  return { Content: mdx.default, metadata: GuideMetadataSchema.parse(mdx.metadata) };
}

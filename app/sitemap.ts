import type { MetadataRoute } from 'next';
import { getConfig } from '@/lib/config';
import { guidePathnames } from '@/lib/content';
import { absoluteUrl } from '@/lib/i18n/metadata';
import { routing, type AppPathname } from '@/lib/i18n/routing';

// Built per request from APP_ORIGIN, so one build serves every environment.
export const dynamic = 'force-dynamic';

const publicPathnames: AppPathname[] = ['/', ...Object.values(guidePathnames)];

export default function sitemap(): MetadataRoute.Sitemap {
  const origin = getConfig().appOrigin;
  return publicPathnames.flatMap((pathname) =>
    routing.locales.map((locale) => ({
      url: absoluteUrl(origin, locale, pathname),
      alternates: {
        languages: Object.fromEntries(routing.locales.map((other) => [other, absoluteUrl(origin, other, pathname)])),
      },
    })),
  );
}

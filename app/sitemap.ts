import type { MetadataRoute } from 'next';
import { guidePathnames } from '@/lib/content';
import { absoluteUrl } from '@/lib/i18n/metadata';
import { routing, type AppPathname } from '@/lib/i18n/routing';

const publicPathnames: AppPathname[] = ['/', ...Object.values(guidePathnames)];

export default function sitemap(): MetadataRoute.Sitemap {
  return publicPathnames.flatMap((pathname) =>
    routing.locales.map((locale) => ({
      url: absoluteUrl(locale, pathname),
      alternates: {
        languages: Object.fromEntries(routing.locales.map((other) => [other, absoluteUrl(other, pathname)])),
      },
    })),
  );
}

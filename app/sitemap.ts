import type { MetadataRoute } from 'next';
import { builtPublicOrigin } from '@/lib/i18n/public-origin';
import { guidePathnames } from '@/lib/guide-paths';
import { absoluteUrl } from '@/lib/i18n/metadata';
import { routing, type AppPathname } from '@/lib/i18n/routing';

// On the build's public origin, like every page's canonical and hreflang links: prerendered.

const publicPathnames: AppPathname[] = ['/', ...Object.values(guidePathnames)];

export default function sitemap(): MetadataRoute.Sitemap {
  const origin = builtPublicOrigin();
  return publicPathnames.flatMap((pathname) =>
    routing.locales.map((locale) => ({
      url: absoluteUrl(origin, locale, pathname),
      alternates: {
        languages: Object.fromEntries(routing.locales.map((other) => [other, absoluteUrl(origin, other, pathname)])),
      },
    })),
  );
}

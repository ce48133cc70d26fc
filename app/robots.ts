import type { MetadataRoute } from 'next';
import { builtPublicOrigin } from '@/lib/i18n/public-origin';
import { getPathname } from '@/lib/i18n/navigation';
import { routing } from '@/lib/i18n/routing';

// On the build's public origin, like every page's canonical and hreflang links: prerendered.

export default function robots(): MetadataRoute.Robots {
  const origin = builtPublicOrigin();
  return {
    // The reset flow is personal and behind a login: nothing there for search engines.
    rules: {
      userAgent: '*',
      allow: '/',
      disallow: ['/api/', ...routing.locales.map((locale) => `${getPathname({ locale, href: '/reset' })}/`)],
    },
    sitemap: `${origin}/sitemap.xml`,
  };
}

import type { MetadataRoute } from 'next';
import { getConfig } from '@/lib/config';
import { getPathname } from '@/lib/i18n/navigation';
import { routing } from '@/lib/i18n/routing';

// Built per request from APP_ORIGIN, so one build serves every environment.
export const dynamic = 'force-dynamic';

export default function robots(): MetadataRoute.Robots {
  const origin = getConfig().appOrigin;
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

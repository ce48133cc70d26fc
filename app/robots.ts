import type { MetadataRoute } from 'next';
import { getConfig } from '@/lib/config';

export default function robots(): MetadataRoute.Robots {
  const origin = getConfig().appOrigin;
  return {
    // The reset flow is personal and behind a login: nothing there for search engines.
    rules: { userAgent: '*', allow: '/', disallow: ['/api/', '/nb/nullstill/', '/en/reset/'] },
    sitemap: `${origin}/sitemap.xml`,
  };
}

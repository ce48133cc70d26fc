import type { NextConfig } from 'next';
import { PHASE_DEVELOPMENT_SERVER, PHASE_PRODUCTION_BUILD, PHASE_PRODUCTION_SERVER } from 'next/constants';
import createMDX from '@next/mdx';
import createNextIntlPlugin from 'next-intl/plugin';
import { formatProblems, parseConfig } from './lib/config';
import { FRAMEABLE_BY_IDPORTEN, staticSecurityHeaders } from './lib/security-headers';

// A bad environment stops `next build`, `next start` and `next dev` with one message naming every
// bad variable. Other phases (jest's next/jest loader) do not serve anything and need no configuration.
const servingPhases = [PHASE_DEVELOPMENT_SERVER, PHASE_PRODUCTION_BUILD, PHASE_PRODUCTION_SERVER];

function assertValidEnvironment(phase: string) {
  if (!servingPhases.includes(phase)) return;
  const parsed = parseConfig(process.env);
  if (!parsed.ok) {
    console.error(formatProblems(parsed.problems));
    process.exit(1);
  }
}

const nextConfig: NextConfig = {
  pageExtensions: ['ts', 'tsx', 'mdx'],
  poweredByHeader: false,
  // pino and the database drivers are server-only Node packages; keep them out of the bundle.
  serverExternalPackages: ['pino', '@electric-sql/pglite', 'pg'],
  async headers() {
    // Build files and anything else the proxy does not see; pages get these and the CSP from proxy.ts.
    const { 'X-Frame-Options': frameOptions, ...others } = staticSecurityHeaders();
    return [
      { source: '/:path*', headers: Object.entries(others).map(([key, value]) => ({ key, value })) },
      // ID-porten frames its front-channel logout endpoint; lib/security-headers.ts allows exactly that.
      { source: `/((?!${FRAMEABLE_BY_IDPORTEN.slice(1)}).*)`, headers: [{ key: 'X-Frame-Options', value: frameOptions }] },
    ];
  },
};

const withMDX = createMDX({});
const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

export default function config(phase: string): NextConfig {
  assertValidEnvironment(phase);
  return withNextIntl(withMDX(nextConfig));
}

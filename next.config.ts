import type { NextConfig } from 'next';
import { PHASE_DEVELOPMENT_SERVER, PHASE_PRODUCTION_BUILD } from 'next/constants';
import createMDX from '@next/mdx';
import createNextIntlPlugin from 'next-intl/plugin';
import { formatProblems, parseEnvironment } from './lib/config';
import { FRAMEABLE_BY_IDPORTEN, staticSecurityHeaders } from './lib/security-headers';

// Built once, configured at start: `next build` checks only the few public settings that prerendered pages
// carry (and needs none of them: each has a default), never a secret or APP_ORIGIN. The server checks everything when it
// starts (instrumentation.ts), which also covers `next dev`; checking here too makes dev fail before compiling.
function assertValidEnvironment(phase: string) {
  const parsed =
    phase === PHASE_PRODUCTION_BUILD
      ? parseEnvironment('build')
      : phase === PHASE_DEVELOPMENT_SERVER
        ? parseEnvironment('full')
        : { ok: true as const };
  if (!parsed.ok) {
    console.error(formatProblems(parsed.problems));
    process.exit(1);
  }
}

/** The build's public origin (PUBLIC_ORIGIN, with a default), written into the bundles: lib/i18n/public-origin.ts. */
function builtPublicOrigin(): string {
  const parsed = parseEnvironment('build');
  return parsed.ok ? parsed.config.publicOrigin : '';
}

const nextConfig: NextConfig = {
  env: { TOFAKTOR_BUILT_PUBLIC_ORIGIN: builtPublicOrigin() },
  pageExtensions: ['ts', 'tsx', 'mdx'],
  poweredByHeader: false,
  // One self-contained artifact (.next/standalone) for every environment; `npm run build` adds the static files.
  output: 'standalone',
  // The migrations are read from disk at start (PGlite) and by the readiness check: trace them in.
  outputFileTracingIncludes: { '/**': ['./lib/records/migrations/**/*'] },
  // pino and the database drivers are server-only Node packages; keep them out of the bundle. drizzle-orm too:
  // rate-limiter-flexible imports it at run time, and both must share one copy.
  // prom-client and OpenTelemetry likewise: one copy each, loaded by Node, whichever chunk asks for it.
  serverExternalPackages: [
    'pino',
    '@electric-sql/pglite',
    'pg',
    'drizzle-orm',
    'rate-limiter-flexible',
    'prom-client',
    '@opentelemetry/api',
    '@opentelemetry/core',
    '@opentelemetry/exporter-trace-otlp-http',
    '@opentelemetry/resources',
    '@opentelemetry/sdk-trace-base',
    '@opentelemetry/sdk-trace-node',
  ],
  async headers() {
    // Build files and anything else the proxy does not see; pages get these and the CSP from proxy.ts.
    const { 'X-Frame-Options': frameOptions, ...others } = staticSecurityHeaders();
    return [
      { source: '/:path*', headers: Object.entries(others).map(([key, value]) => ({ key, value })) },
      // ID-porten frames its front-channel logout endpoint; lib/security-headers.ts allows exactly that.
      {
        source: `/((?!${FRAMEABLE_BY_IDPORTEN.slice(1)}).*)`,
        headers: [{ key: 'X-Frame-Options', value: frameOptions }],
      },
    ];
  },
};

const withMDX = createMDX({});
const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

export default function config(phase: string): NextConfig {
  assertValidEnvironment(phase);
  return withNextIntl(withMDX(nextConfig));
}

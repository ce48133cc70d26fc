// What operators see of a running instance: log level, Prometheus metrics and OpenTelemetry traces.
import {
  ipAddress,
  isSet,
  oneOf,
  optionalPort,
  optionalSecret,
  optionalWebUrl,
  pattern,
  ratio,
  withoutTrailingSlash,
  type Problem,
  type RawEnv,
} from './fields';
import type { Env } from './schema';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export const observabilityShape = {
  LOG_LEVEL: oneOf(LOG_LEVELS, 'info'),
  // Prometheus metrics on a listener of their own (lib/metrics/server.ts); unset METRICS_PORT switches them off.
  METRICS_PORT: optionalPort(),
  // Loopback by default: only something on this host (a Prometheus agent, a sidecar) can read them.
  METRICS_HOST: ipAddress('127.0.0.1'),
  // Bearer token Prometheus must send (authorization: credentials); required unless METRICS_HOST is loopback.
  METRICS_TOKEN: optionalSecret(),
  // OpenTelemetry traces over OTLP/HTTP (JSON) to this collector; unset exports nothing. Base URL: /v1/traces is added.
  OTEL_EXPORTER_OTLP_ENDPOINT: optionalWebUrl(),
  // Share of plain public page views (guides, home, static files) that are traced; everything else always is
  // (lib/tracing/sampler.ts). 0.01 = one in a hundred; 1 = all.
  OTEL_TRACES_GUIDE_RATIO: ratio(0.01),
  OTEL_SERVICE_NAME: pattern(/^[\w.-]{1,64}$/, 'must be 1-64 letters, digits, dots, dashes or underscores', 'tofaktor'),
};

const isLoopback = (address: string) => /^127\./.test(address) || address === '::1' || address === '::ffff:127.0.0.1';

export function observabilityRules(raw: RawEnv): Problem[] {
  const host = (isSet(raw, 'METRICS_HOST') ? String(raw.METRICS_HOST) : '127.0.0.1').trim();
  if (isSet(raw, 'METRICS_PORT') && !isSet(raw, 'METRICS_TOKEN') && !isLoopback(host))
    return [['METRICS_TOKEN', 'is required when METRICS_HOST is not a loopback address']];
  return [];
}

export function observabilitySettings(env: Env) {
  return {
    log: { level: env.LOG_LEVEL },
    metrics: { port: env.METRICS_PORT, host: env.METRICS_HOST, token: env.METRICS_TOKEN },
    traces: {
      // Unset: no tracer provider at all, so nothing is exported and nothing tries to.
      endpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT ? withoutTrailingSlash(env.OTEL_EXPORTER_OTLP_ENDPOINT) : undefined,
      serviceName: env.OTEL_SERVICE_NAME,
      guideRatio: env.OTEL_TRACES_GUIDE_RATIO,
    },
  };
}

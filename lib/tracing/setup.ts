// Traces over OTLP/HTTP (JSON), switched on by OTEL_EXPORTER_OTLP_ENDPOINT alone. Unset, no tracer provider is
// registered: Next's spans and ours stay no-ops, nothing is exported, nothing tries to connect or logs.
// Next makes the request spans (and fetch spans) through the global provider registered here; lib/tracing/spans.ts
// adds the reset, Graph and database spans. Every span leaves through RedactingExporter.
import 'server-only';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import type { Config } from '@/lib/config';
import { RedactingExporter } from '@/lib/tracing/redact';
import { requestSampler } from '@/lib/tracing/sampler';

const shared = globalThis as typeof globalThis & { __tofaktorTracing?: { shutdown(): Promise<void> } };

export function startTracing(settings: Config['traces']): { shutdown(): Promise<void> } | null {
  if (!settings.endpoint) return null;
  if (shared.__tofaktorTracing) return shared.__tofaktorTracing;
  const exporter = new OTLPTraceExporter({ url: `${settings.endpoint}/v1/traces` });
  const provider = new NodeTracerProvider({
    // Only the service's name: the default detectors would add the command line and the host's details.
    resource: resourceFromAttributes({ 'service.name': settings.serviceName }),
    // Ours, not OTEL_TRACES_SAMPLER's: settings are read and checked in one place (lib/config).
    sampler: requestSampler(settings.guideRatio),
    spanProcessors: [new BatchSpanProcessor(new RedactingExporter(exporter))],
  });
  // W3C trace context only for Next's own hand-over inside one request (its proxy pass to its render pass, through
  // request headers). A traceparent from the internet is a header we did not configure to trust: server/start.cjs
  // removes it before Next sees it, so every request starts a trace of its own.
  provider.register({ propagator: new W3CTraceContextPropagator() });
  shared.__tofaktorTracing = { shutdown: () => provider.shutdown() };
  return shared.__tofaktorTracing;
}

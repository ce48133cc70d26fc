/** @jest-environment node */
// Which requests are traced (lib/tracing/sampler.ts): everything that can change something in full, plain views of
// public pages one in N. The decision is the request span's, made from what Next puts on it when it starts.
import { createHash } from 'node:crypto';
import { ROOT_CONTEXT, SpanKind, TraceFlags, trace } from '@opentelemetry/api';
import { SamplingDecision } from '@opentelemetry/sdk-trace-base';
import { isPublicPageView, requestSampler } from '@/lib/tracing/sampler';

// Trace ids as the SDK makes them: random-looking hex (here a hash, so the test is the same every run).
const traceIds = Array.from({ length: 2000 }, (_, index) =>
  createHash('sha256').update(String(index)).digest('hex').slice(0, 32),
);

function sampledShare(ratio: number, method: string, target: string): number {
  const sampler = requestSampler(ratio);
  const sampled = traceIds.filter(
    (traceId) =>
      sampler.shouldSample(
        ROOT_CONTEXT,
        traceId,
        method,
        SpanKind.SERVER,
        { 'http.method': method, 'http.target': target },
        [],
      ).decision === SamplingDecision.RECORD_AND_SAMPLED,
  );
  return sampled.length / traceIds.length;
}

describe('trace sampling', () => {
  it.each([
    ['GET', '/'],
    ['GET', '/nb'],
    ['GET', '/nb/aktiver'],
    ['HEAD', '/nn/aktiver/'],
    ['GET', '/en/activate?_rsc=abc'],
    ['GET', '/nb/nullstill'],
    ['GET', '/en/faq'],
    ['GET', '/nn/tilgjenge'],
    ['GET', '/_next/static/chunks/app.js'],
    ['GET', '/favicon.ico'],
  ])('%s %s is a public page view', (method, target) => {
    expect(isPublicPageView(method, target)).toBe(true);
  });

  it.each([
    ['POST', '/nb/nullstill/bekreft'],
    ['POST', '/nb/aktiver'],
    ['GET', '/nb/nullstill/bekreft'],
    ['GET', '/nb/nullstill/resultat'],
    ['GET', '/api/auth/callback/idporten?code=x'],
    ['GET', '/api/ready'],
    ['GET', '/nb/servicedesk'],
    ['GET', '/en/servicedesk/audit'],
    ['GET', '/nb/finnes-ikke'],
    ['GET', undefined],
  ])('%s %s is not a public page view, so it is always traced', (method, target) => {
    expect(isPublicPageView(method, target)).toBe(false);
    expect(sampledShare(0, method, String(target))).toBe(1);
  });

  it('traces public page views at the configured share', () => {
    expect(sampledShare(0, 'GET', '/nb/aktiver')).toBe(0);
    expect(sampledShare(1, 'GET', '/nb/aktiver')).toBe(1);
    const share = sampledShare(0.25, 'GET', '/nb/aktiver');
    expect(share).toBeGreaterThan(0.15);
    expect(share).toBeLessThan(0.35);
  });

  it("follows the request's decision inside it", () => {
    const sampler = requestSampler(0);
    const parent = (traceFlags: TraceFlags) =>
      trace.setSpanContext(ROOT_CONTEXT, { traceId: traceIds[1]!, spanId: '00000000000000aa', traceFlags });
    const child = (traceFlags: TraceFlags) =>
      sampler.shouldSample(parent(traceFlags), traceIds[1]!, 'graph list-methods', SpanKind.CLIENT, {}, []).decision;
    expect(child(TraceFlags.SAMPLED)).toBe(SamplingDecision.RECORD_AND_SAMPLED);
    expect(child(TraceFlags.NONE)).toBe(SamplingDecision.NOT_RECORD);
  });
});

// Which requests are traced. Everything that can change something or talks to a provider is traced in full: every
// POST, every /api route, the reset and console pages. A plain view of a public page (a guide, the home page, a
// static file) is traced one in `guideRatio`: Next makes about six spans per request, and recording and exporting
// all of them for every guide view cost a quarter of a guide's throughput (npm run bench:observability), for traces
// nobody reads. The decision is made once, at the request's root span; every span inside follows it.
import type { Attributes, Context, Link, SpanKind } from '@opentelemetry/api';
import {
  ParentBasedSampler,
  SamplingDecision,
  TraceIdRatioBasedSampler,
  type Sampler,
  type SamplingResult,
} from '@opentelemetry/sdk-trace-base';
import { guidePathnames } from '@/lib/guide-paths';
import { routing } from '@/lib/i18n/routing';

const STATIC_FILES = new Set(['/favicon.ico', '/icon.svg', '/apple-icon.png', '/robots.txt', '/sitemap.xml']);

const publicPageViews = new Set<string>(['/']);
for (const locale of routing.locales) {
  publicPageViews.add(`/${locale}`);
  for (const pathname of Object.values(guidePathnames)) {
    const localized = routing.pathnames[pathname];
    publicPageViews.add(`/${locale}${typeof localized === 'string' ? localized : localized[locale]}`);
  }
}

/** Whether a request (method and target as Next puts them on its request span) only views a public page or file. */
export function isPublicPageView(method: unknown, target: unknown): boolean {
  if ((method !== 'GET' && method !== 'HEAD') || typeof target !== 'string') return false;
  const path = target.split(/[?#]/)[0] ?? '';
  const trimmed = path.length > 1 ? path.replace(/\/+$/, '') : path;
  return path.startsWith('/_next/static/') || STATIC_FILES.has(trimmed) || publicPageViews.has(trimmed);
}

class PublicPageViewSampler implements Sampler {
  private readonly pageViews: Sampler;

  constructor(guideRatio: number) {
    this.pageViews = new TraceIdRatioBasedSampler(guideRatio);
  }

  shouldSample(
    context: Context,
    traceId: string,
    spanName: string,
    spanKind: SpanKind,
    attributes: Attributes,
    links: Link[],
  ): SamplingResult {
    if (isPublicPageView(attributes['http.method'], attributes['http.target']))
      return this.pageViews.shouldSample(context, traceId, spanName, spanKind, attributes, links);
    return { decision: SamplingDecision.RECORD_AND_SAMPLED };
  }

  toString(): string {
    return `PublicPageViewSampler{${this.pageViews.toString()}}`;
  }
}

/** The root decides by what the request is; every other span follows its parent. */
export function requestSampler(guideRatio: number): Sampler {
  return new ParentBasedSampler({ root: new PublicPageViewSampler(guideRatio) });
}

// The last gate before a span leaves the process: every span, ours and Next's, is exported through this.
// Next names and tags its fetch spans with the whole URL, and Graph's lookup URL carries the national identity
// number in its $filter (lib/directory/directory.ts) and the notice sender's address in its path; the login
// callback's URL carries an authorization code. So URLs lose their query and fragment and keep only the words of
// their path, attributes with a telling name go, and what is left is scrubbed of national ids, e-mail addresses
// and tokens as a last line of defence.
import type { Attributes, AttributeValue } from '@opentelemetry/api';
import type { ReadableSpan, SpanExporter, TimedEvent } from '@opentelemetry/sdk-trace-base';

// Attribute names that can only carry what must never leave: dropped whatever their value.
const SENSITIVE_NAME =
  /(token|secret|password|passwd|cookie|authori[sz]ation|credential|pid|national|e-?mail|mail|enduser|user\.|query|body|header|statement|url\.fragment)/i;
// These names match the pattern above but carry only what we set ourselves.
const KEPT_NAMES = new Set(['db.query.summary']);
// The reset's reference is ours (a random UUID) and must stay whole: a UUID's last group can hold eleven digits.
const REFERENCE = 'tofaktor.reset.reference';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const URL_LIKE = /\b(?:https?:\/\/[^\s"'<>]+|\/[^\s"'<>]*)/g;
// A path word: letters, dashes, underscores, dots; and API versions such as v1.0. Anything else (ids, numbers,
// encoded characters, addresses) becomes ":id".
const PATH_WORD = /^(?:[A-Za-z_.[\]-]*|v\d+(?:\.\d+)?|\$?[A-Za-z]+\([A-Za-z]*\))$/;
const ELEVEN_DIGITS = /(?<!\d)\d{11}(?!\d)/g;
const EMAIL = /[^\s"'<>/?=&@]+(?:@|%40)[^\s"'<>/?=&]+/gi;
const JWT = /\beyJ[\w-]+\.[\w-]+\.[\w-]*/g;
const BEARER = /\bBearer\s+\S+/gi;

function templatePath(path: string): string {
  return path
    .split('/')
    .map((segment) => (PATH_WORD.test(segment) ? segment : ':id'))
    .join('/');
}

function redactUrl(url: string): string {
  const withoutQuery = url.split(/[?#]/)[0] ?? '';
  const origin = /^https?:\/\/[^/]+/.exec(withoutQuery)?.[0] ?? '';
  return origin + templatePath(withoutQuery.slice(origin.length));
}

/** A text with every URL in it cut to its origin and path words, then scrubbed. */
export function redactText(text: string): string {
  return text
    .replace(URL_LIKE, redactUrl)
    .replace(JWT, '[token]')
    .replace(BEARER, 'Bearer [token]')
    .replace(EMAIL, '[address]')
    .replace(ELEVEN_DIGITS, '[11 digits]');
}

function redactValue(value: AttributeValue | undefined): AttributeValue | undefined {
  if (typeof value === 'string') return redactText(value);
  if (Array.isArray(value))
    return value.map((item) => (typeof item === 'string' ? redactText(item) : item)) as AttributeValue;
  // A national id that went through Number() keeps its eleven digits.
  if (typeof value === 'number' && Number.isInteger(value) && Math.abs(value) >= 1e10 && Math.abs(value) < 1e11)
    return 0;
  return value;
}

export function redactAttributes(attributes: Attributes): Attributes {
  const kept: Attributes = {};
  for (const [name, value] of Object.entries(attributes)) {
    if (SENSITIVE_NAME.test(name) && !KEPT_NAMES.has(name)) continue;
    kept[name] = name === REFERENCE && typeof value === 'string' && UUID.test(value) ? value : redactValue(value);
  }
  return kept;
}

function redactEvent(event: TimedEvent): TimedEvent {
  return { ...event, name: redactText(event.name), attributes: event.attributes && redactAttributes(event.attributes) };
}

/** A copy of the span with its name, attributes, events and status message redacted. */
export function redactSpan(span: ReadableSpan): ReadableSpan {
  return {
    name: redactText(span.name),
    kind: span.kind,
    spanContext: () => span.spanContext(),
    parentSpanContext: span.parentSpanContext,
    startTime: span.startTime,
    endTime: span.endTime,
    status: { ...span.status, ...(span.status.message ? { message: redactText(span.status.message) } : {}) },
    attributes: redactAttributes(span.attributes),
    links: span.links.map((link) => ({ ...link, attributes: link.attributes && redactAttributes(link.attributes) })),
    events: span.events.map(redactEvent),
    duration: span.duration,
    ended: span.ended,
    resource: span.resource,
    instrumentationScope: span.instrumentationScope,
    droppedAttributesCount: span.droppedAttributesCount,
    droppedEventsCount: span.droppedEventsCount,
    droppedLinksCount: span.droppedLinksCount,
  };
}

/** Wraps the real exporter: nothing reaches it unredacted. */
export class RedactingExporter implements SpanExporter {
  constructor(private readonly inner: SpanExporter) {}

  export(spans: ReadableSpan[], done: Parameters<SpanExporter['export']>[1]): void {
    this.inner.export(spans.map(redactSpan), done);
  }

  shutdown(): Promise<void> {
    return this.inner.shutdown();
  }

  forceFlush(): Promise<void> {
    return this.inner.forceFlush?.() ?? Promise.resolve();
  }
}

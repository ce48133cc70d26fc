// Our own spans: a reset, each Graph call, each database statement. Through @opentelemetry/api only, so without a
// tracer provider (OTEL_EXPORTER_OTLP_ENDPOINT unset) every call here is a no-op that costs next to nothing.
// The reset's reference rides along in the context, so every span made inside a reset carries it.
import {
  context,
  createContextKey,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Span,
} from '@opentelemetry/api';

const tracer = () => trace.getTracer('tofaktor');
const REFERENCE = createContextKey('tofaktor.reset.reference');
/** The attribute that ties spans to an audit record (the reference the person and the desk see). */
export const REFERENCE_ATTRIBUTE = 'tofaktor.reset.reference';

function referenceAttributes(): Attributes {
  const reference = context.active().getValue(REFERENCE);
  return typeof reference === 'string' ? { [REFERENCE_ATTRIBUTE]: reference } : {};
}

type SpanOptions = { kind?: SpanKind; attributes?: Attributes };

/** Runs `task` in a span that ends with it; a thrown error marks the span failed with the error's class only. */
export function inSpan<T>(name: string, options: SpanOptions, task: (span: Span) => Promise<T>): Promise<T> {
  return tracer().startActiveSpan(
    name,
    { kind: options.kind ?? SpanKind.INTERNAL, attributes: { ...options.attributes, ...referenceAttributes() } },
    async (span) => {
      try {
        return await task(span);
      } catch (error) {
        // The class, never the message: messages can echo input (a $filter, an address).
        span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.name : 'error' });
        throw error;
      } finally {
        span.end();
      }
    },
  );
}

/** Runs a reset (or a preview) in a span carrying its reference, and makes every span inside carry it too. */
export function inResetSpan<T>(name: string, reference: string, task: () => Promise<T>): Promise<T> {
  // The request's own span (Next's) gets the reference too: it is the one an operator starts from.
  trace.getActiveSpan()?.setAttribute(REFERENCE_ATTRIBUTE, reference);
  return context.with(context.active().setValue(REFERENCE, reference), () =>
    inSpan(name, { attributes: { [REFERENCE_ATTRIBUTE]: reference } }, () => task()),
  );
}

const OPERATION = /^\s*(\w+)/;
const TABLE = /\b(?:from|into|update|join)\s+"?(\w+)"?/i;

/**
 * A database statement's span: operation and table only, read from the statement's start. Never the statement's
 * text or parameters (the text is parameterised, but a raw statement could carry a value).
 */
export function inStatementSpan<T>(statement: unknown, task: () => Promise<T>): Promise<T> {
  const text = typeof statement === 'string' ? statement : ((statement as { text?: unknown })?.text ?? '');
  const operation = (OPERATION.exec(String(text))?.[1] ?? 'QUERY').toUpperCase();
  const table = TABLE.exec(String(text))?.[1];
  return inSpan(
    table ? `${operation} ${table}` : operation,
    {
      kind: SpanKind.CLIENT,
      attributes: {
        'db.system.name': 'postgresql',
        'db.operation.name': operation,
        ...(table ? { 'db.collection.name': table } : {}),
      },
    },
    task,
  );
}

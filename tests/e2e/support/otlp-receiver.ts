// A small OTLP/HTTP trace receiver for tests and the benchmark: POST /v1/traces with the JSON encoding (what
// @opentelemetry/exporter-trace-otlp-http sends), keeping every span and the raw bodies as they arrived.
import { createServer, type Server } from 'node:http';

export type ReceivedSpan = {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: Record<string, unknown>;
};

type AnyValue = { stringValue?: string; intValue?: string | number; boolValue?: boolean; doubleValue?: number };
type KeyValue = { key: string; value: AnyValue };
type ExportRequest = {
  resourceSpans?: {
    scopeSpans?: {
      spans?: {
        traceId: string;
        spanId: string;
        parentSpanId?: string;
        name: string;
        kind: number;
        attributes?: KeyValue[];
      }[];
    }[];
  }[];
};

const valueOf = (value: AnyValue) =>
  value.stringValue ?? (value.intValue !== undefined ? Number(value.intValue) : (value.boolValue ?? value.doubleValue));

export type OtlpReceiver = {
  url: string;
  spans: ReceivedSpan[];
  /** Every request body exactly as it arrived (to scan for what must never be exported). */
  bodies: string[];
  /** POSTs to /v1/traces, kept or not. */
  exportsReceived: number;
  /** Requests to anything else than POST /v1/traces. */
  otherRequests: number;
  close(): Promise<void>;
};

export async function startOtlpReceiver(port: number, options: { keep?: boolean } = {}): Promise<OtlpReceiver> {
  const keep = options.keep ?? true;
  const receiver: OtlpReceiver = {
    url: `http://127.0.0.1:${port}`,
    spans: [],
    bodies: [],
    exportsReceived: 0,
    otherRequests: 0,
    close,
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/v1/traces') {
        receiver.otherRequests += 1;
        res.writeHead(404).end();
        return;
      }
      receiver.exportsReceived += 1;
      if (keep) {
        const body = Buffer.concat(chunks).toString('utf8');
        receiver.bodies.push(body);
        const parsed = JSON.parse(body) as ExportRequest;
        for (const resource of parsed.resourceSpans ?? [])
          for (const scope of resource.scopeSpans ?? [])
            for (const span of scope.spans ?? [])
              receiver.spans.push({
                traceId: span.traceId,
                spanId: span.spanId,
                parentSpanId: span.parentSpanId || undefined,
                name: span.name,
                kind: span.kind,
                attributes: Object.fromEntries((span.attributes ?? []).map(({ key, value }) => [key, valueOf(value)])),
              });
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  function close() {
    return new Promise<void>((resolve) => server.close(() => resolve()));
  }
  return receiver;
}

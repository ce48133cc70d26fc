// POST /$batch: up to 20 requests in one, each run as if sent alone (token check, faults, request log), in
// parallel unless one dependsOn another; a request whose dependency failed gets 424.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  graphError,
  methodNotAllowed,
  ok,
  type GraphRequest,
  type GraphResponse,
  type GraphRoute,
} from './graph-messages';

const batchRequestSchema = z.object({
  requests: z
    .array(
      z.object({
        id: z.string().min(1),
        method: z.string().min(1),
        url: z.string().min(1),
        headers: z.record(z.string(), z.string()).optional(),
        body: z.unknown().optional(),
        dependsOn: z.array(z.string()).optional(),
      }),
    )
    .min(1),
});

type BatchPart = z.output<typeof batchRequestSchema>['requests'][number];

/** Graph's refusal of the batch as a whole, or undefined when its parts can run. */
function invalidBatch(req: GraphRequest, requests: BatchPart[]): GraphResponse | undefined {
  if (requests.length > 20) {
    return graphError(req, 400, 'BadRequest', 'The number of requests in the batch exceeds the limit of 20.');
  }
  const ids = new Set(requests.map((r) => r.id));
  if (ids.size !== requests.length) {
    return graphError(req, 400, 'BadRequest', 'Batch request contains duplicate request ids.');
  }
  for (const r of requests) {
    for (const d of r.dependsOn ?? []) {
      if (!ids.has(d))
        return graphError(req, 400, 'BadRequest', `Request '${r.id}' depends on unknown request '${d}'.`);
    }
  }
  return undefined;
}

/** A part as a request of its own: the batch's token, its own headers, its URL under /v1.0. */
function partRequest(outer: GraphRequest, part: BatchPart, ids: Pick<GraphRequest, 'requestId' | 'clientRequestId'>) {
  const relative = part.url.startsWith('/') ? part.url : `/${part.url}`;
  const path = /^\/v1\.0(\/|$)/i.test(relative) ? relative : `/v1.0${relative}`;
  const headers: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(part.headers ?? {})) headers[k.toLowerCase()] = v;
  headers.authorization = outer.headers.authorization;
  const inner: GraphRequest = {
    method: part.method.toUpperCase(),
    path,
    headers,
    body: part.body,
    viaBatch: true,
    ...ids,
  };
  return inner;
}

export const batch: GraphRoute = async ({ req, lower, call }) => {
  if (lower.length !== 1 || lower[0] !== '$batch') return undefined;
  if (req.method !== 'POST') return methodNotAllowed(req);
  const parsed = batchRequestSchema.safeParse(req.body);
  if (!parsed.success) return graphError(req, 400, 'BadRequest', 'Invalid batch payload format.');
  const { requests } = parsed.data;
  const invalid = invalidBatch(req, requests);
  if (invalid) return invalid;
  const results = new Map<string, Promise<GraphResponse>>();
  const run = (part: BatchPart): Promise<GraphResponse> => {
    const existing = results.get(part.id);
    if (existing) return existing;
    const result = (async (): Promise<GraphResponse> => {
      const deps = (part.dependsOn ?? []).map((d) => requests.find((x) => x.id === d)!);
      const depResults = await Promise.all(deps.map(run));
      const ids = { requestId: randomUUID(), clientRequestId: req.clientRequestId };
      if (depResults.some((dr) => dr.status >= 400)) {
        return graphError(
          ids,
          424,
          'FailedDependency',
          'The request could not be processed because a dependency failed.',
        );
      }
      const inner = partRequest(req, part, ids);
      if (inner.path.toLowerCase().startsWith('/v1.0/$batch')) {
        return graphError(inner, 400, 'BadRequest', 'Nested batch requests are not supported.');
      }
      return call(inner);
    })();
    results.set(part.id, result);
    return result;
  };
  const responses = await Promise.all(requests.map(run));
  return ok({
    responses: requests.map((r, i) => {
      const res = responses[i]!;
      const entry: Record<string, unknown> = { id: r.id, status: res.status, headers: res.headers };
      if (res.body !== undefined) entry.body = res.body;
      return entry;
    }),
  });
};

// A Graph call as the stand-in's routes see it (direct or from inside a $batch), Graph's answers in Graph's own
// shapes, and what a route is.
import type { GraphState } from './state';

export interface GraphRequest {
  method: string;
  /** path and query, starting with /v1.0 */
  path: string;
  headers: Record<string, string | undefined>;
  body?: unknown;
  viaBatch: boolean;
  requestId: string;
  clientRequestId: string;
  /** Aborted when the caller goes away (its connection closes before the answer): a held call then never acts. */
  callerGone?: AbortSignal;
}

export interface GraphResponse {
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

/** One request after the token check, as every route gets it. */
export interface RouteContext {
  req: GraphRequest;
  /** The app roles in the caller's access token. */
  roles: string[];
  url: URL;
  /** The path's segments after /v1.0, percent-decoded, as sent and in lower case. */
  segments: string[];
  lower: string[];
  state: GraphState;
  /** Runs a request through everything a direct call goes through: what $batch does for each of its requests. */
  call(req: GraphRequest): Promise<GraphResponse>;
}

/** A route answers the requests it knows and returns undefined for the others. */
export type GraphRoute = (context: RouteContext) => GraphResponse | undefined | Promise<GraphResponse | undefined>;

const GRAPH_CONTENT_TYPE =
  'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

export const METADATA = 'https://graph.microsoft.com/v1.0/$metadata';

function graphDate(): string {
  return new Date().toISOString().slice(0, 19);
}

export function graphError(
  req: Pick<GraphRequest, 'requestId' | 'clientRequestId'>,
  status: number,
  code: string,
  message: string,
  extraHeaders: Record<string, string> = {},
): GraphResponse {
  return {
    status,
    headers: { 'Content-Type': 'application/json', ...extraHeaders },
    body: {
      error: {
        code,
        message,
        innerError: {
          date: graphDate(),
          'request-id': req.requestId,
          'client-request-id': req.clientRequestId,
        },
      },
    },
  };
}

export function ok(body: unknown, status = 200): GraphResponse {
  return { status, headers: { 'Content-Type': GRAPH_CONTENT_TYPE }, body };
}

export function noContent(): GraphResponse {
  return { status: 204, headers: {} };
}

export function notFound(req: GraphRequest, id: string): GraphResponse {
  return graphError(
    req,
    404,
    'Request_ResourceNotFound',
    `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
  );
}

export function methodNotAllowed(req: GraphRequest): GraphResponse {
  return graphError(req, 405, 'Request_BadRequest', 'Specified HTTP method is not allowed for the request target.');
}

export function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

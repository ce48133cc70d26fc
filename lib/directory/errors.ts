// The one request wrapper: every Graph call goes through callGraph, which turns failures into DirectoryError.
// Graph's own messages are not kept (beyond recognising one), since they can echo request input such as $filter.
import 'server-only';
import { GraphError } from '@microsoft/microsoft-graph-client';
import { SpanKind } from '@opentelemetry/api';
import { z } from 'zod';
import { observeGraphCall } from '@/lib/metrics/metrics';
import { inSpan } from '@/lib/tracing/spans';

export type DirectoryOperation =
  | 'token'
  | 'find-accounts'
  | 'list-methods'
  | 'remove-method'
  | 'revoke-sessions'
  | 'create-tap'
  | 'delete-tap'
  | 'send-mail'
  | 'search-accounts'
  | 'get-account'
  | 'check-member-groups'
  | 'list-app-role-assignments';

// Next bundles server code into several chunks (instrumentation, actions, routes), each with its own copy of this
// module, while the directory lives once per process on globalThis: an error thrown by one chunk's copy must still be
// a DirectoryError to another's. The brand is a registered symbol, the same in every copy.
const BRAND = Symbol.for('tofaktor.DirectoryError');

export class DirectoryError extends Error {
  readonly [BRAND] = true;

  static [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
  }

  constructor(
    readonly operation: DirectoryOperation,
    /** HTTP status, or 0 when no response came back (network, timeout, malformed body). */
    readonly status: number,
    readonly code: string,
    readonly requestId: string | null,
    /** Graph refused to delete the default method while others remain. */
    readonly isDefaultMethodRefusal = false,
  ) {
    super(
      `Graph ${operation} failed: ${status || 'no response'} ${code}${requestId ? ` (request-id ${requestId})` : ''}`,
    );
    this.name = 'DirectoryError';
  }

  /** Graph answered 404 (Request_ResourceNotFound): what was asked for is not there (any more). */
  get isNotFound(): boolean {
    return this.status === 404;
  }

  /** Short, safe reason for records and the outcome page. */
  get reason(): string {
    return this.isDefaultMethodRefusal ? 'default-method' : `${this.status || 'network'} ${this.code}`;
  }
}

const DEFAULT_METHOD_REFUSAL = /cannot delete default method/i;

export async function callGraph<T>(
  operation: DirectoryOperation,
  request: () => Promise<unknown>,
  schema: z.ZodType<T>,
) {
  // One span and one duration per call (the client's retries inside it): what the person waited for.
  return inSpan(
    `graph ${operation}`,
    { kind: SpanKind.CLIENT, attributes: { 'graph.operation': operation } },
    async (span) => {
      const started = performance.now();
      let status = 200;
      try {
        let body: unknown;
        try {
          body = await request();
        } catch (error) {
          const failure = toDirectoryError(operation, error);
          status = failure.status;
          throw failure;
        }
        const parsed = schema.safeParse(body);
        if (!parsed.success) {
          status = 0;
          throw new DirectoryError(operation, 0, 'unexpectedResponse', null);
        }
        return parsed.data;
      } finally {
        if (status) span.setAttribute('http.response.status_code', status);
        observeGraphCall(operation, status, (performance.now() - started) / 1000);
      }
    },
  );
}

export function toDirectoryError(operation: DirectoryOperation, error: unknown): DirectoryError {
  if (error instanceof DirectoryError) return error;
  if (error instanceof GraphError) {
    // The SDK re-wraps errors thrown inside the middleware chain; ours only come from the token middleware.
    if (error.code === 'DirectoryError') return new DirectoryError('token', 0, 'tokenUnavailable', null);
    const status = error.statusCode > 0 ? error.statusCode : 0;
    return new DirectoryError(
      operation,
      status,
      error.code || 'unknownError',
      error.requestId ?? null,
      status === 400 && DEFAULT_METHOD_REFUSAL.test(error.message ?? ''),
    );
  }
  const code = error instanceof Error && error.name ? error.name : 'unknownError';
  return new DirectoryError(operation, 0, code, null);
}

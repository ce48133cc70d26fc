import type { Instrumentation } from 'next';

// Runs once when the server starts (not at build time): see lib/startup.ts.
// Next replaces process.env.NEXT_RUNTIME in each runtime's build and drops the Node-only imports below from the edge
// one only where the comparison is written out here: a helper from lib/config would leave them in.
export async function register() {
  // eslint-disable-next-line no-restricted-properties -- see above
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startServer } = await import('@/lib/startup');
  await startServer();
  // Attempts a dead instance left in progress are reconciled with Graph: at start, then periodically.
  const { startRecovery } = await import('@/lib/wiring/recovery');
  startRecovery();
}

// One structured line per unexpected error, with the digest the error page shows as the reference.
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  // eslint-disable-next-line no-restricted-properties -- see above
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { logger } = await import('./lib/log');
  const digest = (error as { digest?: unknown }).digest;
  logger.error(
    {
      err: error,
      event: 'request-error',
      digest: typeof digest === 'string' ? digest : null,
      method: request.method,
      path: request.path.split('?')[0],
      routeType: context.routeType,
    },
    'unexpected error while handling a request',
  );
};

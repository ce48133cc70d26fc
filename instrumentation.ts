import type { Instrumentation } from 'next';
import { isNodeRuntime } from '@/lib/config/runtime';

// Runs once when the server starts (not at build time): see lib/startup.ts.
export async function register() {
  if (!isNodeRuntime()) return;
  const { startServer } = await import('@/lib/startup');
  await startServer();
}

// One structured line per unexpected error, with the digest the error page shows as the reference.
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (!isNodeRuntime()) return;
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

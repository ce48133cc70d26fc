// The metrics listener: GET /metrics on a socket of its own (METRICS_HOST:METRICS_PORT), never on the public
// origin. A separate port is what operations can keep off the network (loopback by default, or a firewall rule),
// and it keeps scrapes out of the site's proxy, logs and limits. With METRICS_TOKEN it also wants that bearer token.
import 'server-only';
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { Config } from '@/lib/config';
import { logger } from '@/lib/log';
import { metrics, setReadiness } from '@/lib/metrics/metrics';
import { checkReadiness } from '@/lib/readiness';

const shared = globalThis as typeof globalThis & { __tofaktorMetricsServer?: Server };

// Comparing digests keeps the comparison constant-time whatever the lengths.
const digest = (value: string) => createHash('sha256').update(value).digest();

function authorized(header: string | undefined, token: string | undefined): boolean {
  if (!token) return true;
  const presented = /^Bearer (.+)$/.exec(header ?? '')?.[1] ?? '';
  return timingSafeEqual(digest(presented), digest(token));
}

/** Starts the listener when METRICS_PORT is set; resolves once it listens (or at once when off). */
export async function startMetricsServer(settings: Config['metrics']): Promise<Server | null> {
  if (settings.port === undefined) return null;
  if (shared.__tofaktorMetricsServer) return shared.__tofaktorMetricsServer;
  const server = createServer((req, res) => {
    void (async () => {
      const path = (req.url ?? '').split('?')[0];
      if (req.method !== 'GET' || path !== '/metrics') {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
        return;
      }
      if (!authorized(req.headers.authorization, settings.token)) {
        res.writeHead(401, { 'content-type': 'text/plain', 'www-authenticate': 'Bearer' }).end('unauthorized\n');
        return;
      }
      // Readiness is checked when asked, like /api/ready: a gauge set at start would go stale.
      const { ready, checks } = await checkReadiness();
      setReadiness(ready, checks);
      const { registry } = metrics();
      res.writeHead(200, { 'content-type': registry.contentType, 'cache-control': 'no-store' });
      res.end(await registry.metrics());
    })().catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('metrics unavailable\n');
    });
  });
  shared.__tofaktorMetricsServer = server;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(settings.port, settings.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  logger.info({ event: 'metrics.listening', host: settings.host, port: settings.port }, 'metrics listening');
  return server;
}

// A TCP relay between the instances and PostgreSQL that a test can cut and restore: "the database is stopped"
// without stopping a server other tests share. Relays to a TCP host:port or to a Unix socket, as DATABASE_URL says.
import { createConnection, createServer, type Server, type Socket } from 'node:net';

export type DatabaseLink = { url: string; cut(): Promise<void>; restore(): Promise<void>; close(): Promise<void> };

function targetOf(databaseUrl: string): { path: string } | { host: string; port: number } {
  const query = databaseUrl.includes('?') ? new URLSearchParams(databaseUrl.slice(databaseUrl.indexOf('?') + 1)) : null;
  const socketDir = query?.get('host');
  if (socketDir?.startsWith('/')) return { path: `${socketDir}/.s.PGSQL.${query?.get('port') ?? '5432'}` };
  const url = new URL(databaseUrl);
  return { host: url.hostname || '127.0.0.1', port: Number(url.port || 5432) };
}

/** A URL for `databaseUrl`'s database that goes through the relay (on 127.0.0.1:port). */
function relayedUrl(databaseUrl: string, port: number): string {
  const match = /^(postgres(?:ql)?:\/\/)([^@/?]*@)?[^/?]*(\/[^?]*)?(\?.*)?$/.exec(databaseUrl);
  if (!match) throw new Error('DATABASE_URL must be a postgres:// URL');
  const query = new URLSearchParams((match[4] ?? '').slice(1));
  query.delete('host');
  query.delete('port');
  const rest = query.toString();
  return `${match[1]}${match[2] ?? ''}127.0.0.1:${port}${match[3] ?? ''}${rest ? `?${rest}` : ''}`;
}

export async function startDatabaseLink(databaseUrl: string, port: number): Promise<DatabaseLink> {
  const target = targetOf(databaseUrl);
  const sockets = new Set<Socket>();
  let server: Server | null = null;

  const listen = () =>
    new Promise<void>((resolve) => {
      server = createServer((client) => {
        const upstream = createConnection(target);
        sockets.add(client).add(upstream);
        const drop = () => {
          client.destroy();
          upstream.destroy();
          sockets.delete(client);
          sockets.delete(upstream);
        };
        client.on('error', drop).on('close', drop);
        upstream.on('error', drop).on('close', drop);
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, '127.0.0.1', resolve);
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      sockets.clear();
      if (!server) return resolve();
      server.close(() => resolve());
      server = null;
    });

  await listen();
  return { url: relayedUrl(databaseUrl, port), cut: stop, restore: listen, close: stop };
}

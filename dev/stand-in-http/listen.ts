// What every stand-in does to be reachable: listen first (port 0 picks a free one), so that the URL is known
// before the stand-in builds what depends on it (an issuer, discovery documents), then take requests.
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createStandInServer, type StandInTls } from '../tls/stand-in-server';

export interface ListenOptions {
  port: number;
  host?: string;
  /** https with this key and certificate (the production-shape tests); http without. */
  tls?: StandInTls;
}

export interface ListeningStandIn {
  /** `http(s)://host:port`, without a trailing slash. */
  url: string;
  /** Starts answering with this handler; until then every request gets 503. */
  serve(handler: (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>, failure: Failure): void;
  close(): Promise<void>;
}

/** When a handler throws: the prefix its log line gets (none: not logged) and the answer, if none is sent yet. */
export interface Failure {
  logAs?: string;
  answer(res: http.ServerResponse, err: unknown): void;
}

export async function listenStandIn(options: ListenOptions): Promise<ListeningStandIn> {
  const host = options.host ?? '127.0.0.1';
  let handler: http.RequestListener = (_req, res) => {
    res.statusCode = 503;
    res.end();
  };
  const { server, scheme } = createStandInServer((req, res) => handler(req, res), options.tls);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `${scheme}://${host}:${port}`,
    serve(handle, failure) {
      handler = (req, res) => {
        handle(req, res).catch((err: unknown) => {
          if (failure.logAs) console.error(`[${failure.logAs}]`, err);
          if (!res.headersSent) failure.answer(res, err);
          else res.end();
        });
      };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * `npx tsx dev/<stand-in>/server.ts`: start, print the line the test helpers wait for ("listening on <url>"),
 * stop cleanly on SIGINT and SIGTERM.
 */
export function runStandInFromCommandLine<T extends { close(): Promise<void> }>(
  start: () => Promise<T>,
  announce: (standIn: T) => string,
): void {
  start()
    .then((standIn) => {
      console.log(announce(standIn));
      const stop = () =>
        void standIn.close().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    })
    .catch((err: unknown) => {
      console.error(err);
      process.exit(1);
    });
}

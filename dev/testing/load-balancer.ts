// A small HTTP load balancer in front of the instances, on the public origin (localhost:3000), as a deployment
// has one: it forwards the Host, appends the peer's address to X-Forwarded-For, and sends a request to the other
// instance when the chosen one refuses the connection (an instance that is shutting down). A test picks the
// instance per browser context with the `x-test-instance: a|b` header, which is removed before forwarding;
// without it requests go to `defaultInstance`, or alternate when that is 'round-robin' (npm run bench:load).
import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';

export type Upstreams = Record<'a' | 'b', string>;

export type LoadBalancer = {
  /** Where requests without an x-test-instance header go. */
  defaultInstance: 'a' | 'b' | 'round-robin';
  /** Which instance answered each request (method, path, instance), in order. */
  readonly served: { method: string; path: string; instance: 'a' | 'b' }[];
  close(): Promise<void>;
};

export async function startLoadBalancer(port: number, upstreams: Upstreams): Promise<LoadBalancer> {
  const served: LoadBalancer['served'] = [];
  let turn = 0;
  const balancer: LoadBalancer = { defaultInstance: 'a', served, close: async () => undefined };

  const forward = (req: IncomingMessage, body: Buffer, res: ServerResponse, instance: 'a' | 'b', failover: boolean) => {
    const target = new URL(upstreams[instance]);
    const headers = { ...req.headers };
    delete headers['x-test-instance'];
    const peer = req.socket.remoteAddress ?? '';
    headers['x-forwarded-for'] = headers['x-forwarded-for'] ? `${headers['x-forwarded-for']}, ${peer}` : peer;
    const upstream = httpRequest(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers, agent: false },
      (answer) => {
        if (served.length < 100_000) served.push({ method: req.method ?? 'GET', path: req.url ?? '/', instance });
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', (error: NodeJS.ErrnoException) => {
      if (failover && error.code === 'ECONNREFUSED')
        return forward(req, body, res, instance === 'a' ? 'b' : 'a', false);
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`load balancer: ${error.code ?? error.message}`);
    });
    upstream.end(body);
  };

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const asked = req.headers['x-test-instance'];
      const next =
        balancer.defaultInstance === 'round-robin' ? (turn++ % 2 === 0 ? 'a' : 'b') : balancer.defaultInstance;
      const instance = asked === 'a' || asked === 'b' ? asked : next;
      forward(req, Buffer.concat(chunks), res, instance, true);
    });
  });
  await new Promise<void>((resolve) => server.listen(port, 'localhost', resolve));
  balancer.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return balancer;
}

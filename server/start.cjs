'use strict';
// The production entry, copied into the standalone artifact as start.cjs (`npm start`). It wraps Next's own
// standalone server.js with what a deployment behind a load balancer needs and Next does not give:
// - the socket's peer address on every request, in a header only this process sets (Next 16 exposes no
//   request socket to a server action, and keeps a client's own X-Forwarded-For), for lib/client-address.ts;
// - graceful shutdown: on SIGTERM stop accepting connections, let requests in flight (a reset half-way
//   included) finish within SHUTDOWN_TIMEOUT_SECONDS, run the application's shutdown hooks (the database
//   pool), exit 0; exit 1 when requests were still running at the deadline;
// - the answers the site marks as the same for everyone (prerendered pages) kept and replayed in the process, as a
//   shared cache in front would (page-cache.cjs): one per server, so no other listener ever answers with a page.
// State is shared with the application through globalThis.__tofaktorLifecycle (lib/lifecycle.ts).
const http = require('node:http');
const path = require('node:path');
const { createPageCache } = require('./page-cache.cjs');

const SOCKET_ADDRESS_HEADER = 'x-tofaktor-socket-address';
const TRACE_CONTEXT_HEADERS = ['traceparent', 'tracestate', 'baggage'];

// Paths in settings are relative to where the operator started the server; server.js moves into its own folder.
for (const name of ['PGLITE_DIR', 'ENTRA_CERTIFICATE_PATH']) {
  const value = process.env[name];
  if (value && value.trim()) process.env[name] = path.resolve(value.trim());
}
if (!process.env.PGLITE_DIR || !process.env.PGLITE_DIR.trim()) process.env.PGLITE_DIR = path.resolve('data/pglite');

// Next's own handler would exit at once on SIGTERM, cutting requests off.
process.env.NEXT_MANUAL_SIG_HANDLE = 'true';

// Bound to a loopback address (HOSTNAME=127.0.0.1 or ::1, so only the proxy in front reaches Node), Next builds its
// own origin from that address, while the proxy's rewrites come back with "localhost" (NextURL renames 127.x and
// ::1). Next then takes its own rewrite for another host and proxies it to itself, on https when the request came
// over TLS: every rewritten page answers 500 (vercel/next.js#94745). So Next is told "localhost", the name its
// rewrites carry, and the listening socket still binds to the operator's address alone.
const LOOPBACK_ADDRESS = /^(127(\.\d{1,3}){3}|::1|\[::1\])$/;
const requestedHostname = (process.env.HOSTNAME || '').trim();
const loopbackBind = LOOPBACK_ADDRESS.test(requestedHostname) ? requestedHostname.replace(/^\[|\]$/g, '') : null;
if (loopbackBind) process.env.HOSTNAME = 'localhost';

const state = (globalThis.__tofaktorLifecycle ??= {
  draining: false,
  inFlight: 0,
  shutdownTimeoutMs: 25_000,
  onShutdown: [],
});
const servers = [];

const createServer = http.createServer;
http.createServer = function createTrackedServer(...args) {
  const pages = createPageCache();
  const listenerAt = args.findIndex((arg) => typeof arg === 'function');
  if (listenerAt >= 0) {
    const listener = args[listenerAt];
    args[listenerAt] = function answerFromPageCache(req, res) {
      if (!pages.serve(req, res)) return listener.call(this, req, res);
    };
  }
  const server = createServer.apply(this, args);
  servers.push(server);
  if (loopbackBind) {
    const listen = server.listen;
    server.listen = function listenOnLoopback(port, host, ...rest) {
      return listen.call(this, port, host === 'localhost' ? loopbackBind : host, ...rest);
    };
  }
  server.prependListener('request', (req, res) => {
    req.headers[SOCKET_ADDRESS_HEADER] = req.socket.remoteAddress ?? '';
    // Trace context from outside is not trusted (lib/tracing/setup.ts): every request starts a trace of its own.
    for (const name of TRACE_CONTEXT_HEADERS) delete req.headers[name];
    state.inFlight += 1;
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      state.inFlight -= 1;
    };
    res.once('finish', finish);
    res.once('close', finish);
  });
  return server;
};

const log = (level, event, fields = {}) =>
  console.log(JSON.stringify({ level, time: Date.now(), service: 'tofaktor', event, msg: event, ...fields }));

let stopping = false;
async function shutdown(signal) {
  if (stopping) return;
  stopping = true;
  state.draining = true;
  const deadline = Date.now() + state.shutdownTimeoutMs;
  log(30, 'shutdown.start', { signal, inFlight: state.inFlight });
  for (const server of servers) server.close();
  while (state.inFlight > 0 && Date.now() < deadline) {
    for (const server of servers) server.closeIdleConnections();
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  const unfinished = state.inFlight;
  for (const hook of state.onShutdown) {
    await hook().catch((error) =>
      log(50, 'shutdown.hook-failed', { reason: error && error.code ? error.code : String(error && error.name) }),
    );
  }
  log(unfinished ? 50 : 30, 'shutdown.done', { unfinished });
  process.exit(unfinished ? 1 : 0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

require('./server.js');

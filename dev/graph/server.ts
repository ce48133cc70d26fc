// Local stand-in for Microsoft Entra ID's token endpoint and the Microsoft Graph v1.0 subset that
// tofaktor uses. Plain node:http, in-memory directory seeded from ./fixture.json, fault knobs and an
// admin API for tests (admin.ts).
//
// Run on its own: `npx tsx dev/graph/server.ts` (port from GRAPH_STANDIN_PORT, default 4020).

import type http from 'node:http';
import { randomUUID } from 'node:crypto';
import { GRAPH_DEFAULT_PORT } from '../credentials';
import { readBody } from '../stand-in-http/body';
import { sendJson } from '../stand-in-http/json';
import { listenStandIn, runStandInFromCommandLine } from '../stand-in-http/listen';
import type { StandInTls } from '../tls/stand-in-server';
import { answerAdmin } from './admin';
import { answerEntra, createTokenKeys } from './entra-token';
import type { FixturePerson } from './fixture';
import { graphError, type GraphRequest } from './graph-messages';
import { mailPage } from './mail';
import { createGraphRouter, type GraphRouter } from './router';
import { GraphState } from './state';

export { fixture } from './fixture';
export type { Fixture, FixtureAccount, FixtureMethod, FixturePerson, MethodType } from './fixture';
export type { CapturedMail, TapPolicy } from './state';

export interface GraphStandIn {
  url: string;
  close(): Promise<void>;
}

export interface GraphStandInOptions {
  port?: number;
  /** https with this key and certificate (the production-shape tests); http without. */
  tls?: StandInTls;
  host?: string;
  /** People besides the fixture's (npm run bench:load seeds many); kept on /_admin/reset too. */
  extraPeople?: FixturePerson[];
}

/** Graph's ids of a call: its own request-id, and the client's client-request-id echoed (or the request-id). */
function requestIds(req: http.IncomingMessage, res: http.ServerResponse) {
  const requestId = randomUUID();
  const header = req.headers['client-request-id'];
  const clientRequestId = (Array.isArray(header) ? header[0] : header) ?? requestId;
  res.setHeader('request-id', requestId);
  res.setHeader('client-request-id', clientRequestId);
  return { requestId, clientRequestId };
}

/** A direct call to /v1.0/…: its JSON body read, its headers in lower case, then the router's answer. */
async function answerGraph(
  router: GraphRouter,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  url: URL,
  ids: Pick<GraphRequest, 'requestId' | 'clientRequestId'>,
) {
  let body: unknown;
  if (req.method === 'POST' || req.method === 'PATCH' || req.method === 'PUT') {
    const raw = await readBody(req);
    try {
      if (raw) body = JSON.parse(raw);
    } catch {
      return sendJson(res, 400, graphError(ids, 400, 'BadRequest', 'Unable to read JSON request payload.').body);
    }
  }
  const headers: GraphRequest['headers'] = {};
  for (const [k, v] of Object.entries(req.headers)) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  const callerGone = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) callerGone.abort();
  });
  const result = await router.call({
    callerGone: callerGone.signal,
    method: (req.method ?? 'GET').toUpperCase(),
    path: `${url.pathname}${url.search}`,
    headers,
    body,
    viaBatch: false,
    ...ids,
  });
  return sendJson(res, result.status, result.body, result.headers);
}

export async function startGraphStandIn(options: GraphStandInOptions = {}): Promise<GraphStandIn> {
  const listening = await listenStandIn({ ...options, port: options.port ?? GRAPH_DEFAULT_PORT });
  const base = listening.url;
  const state = new GraphState(options.extraPeople);
  const keys = await createTokenKeys();
  const router = createGraphRouter(state, keys, base);

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', base);
    const { pathname } = url;
    const ids = requestIds(req, res);
    if (pathname.startsWith('/_admin/')) return answerAdmin(state, req, res, pathname);
    if (pathname === '/mail' && req.method === 'GET') return mailPage(res, state.mailbox);
    if (await answerEntra({ state, keys, base }, req, res, pathname)) return;
    if (/^\/v1\.0(\/|$)/i.test(pathname)) return answerGraph(router, req, res, url, ids);
    return sendJson(res, 404, { error: { code: 'NotFound', message: `No stand-in route for ${pathname}` } });
  }

  listening.serve(handle, {
    answer: (res, err) => sendJson(res, 500, { error: { code: 'generalException', message: String(err) } }),
  });
  return { url: base, close: listening.close };
}

if (typeof require !== 'undefined' && require.main === module) {
  runStandInFromCommandLine(
    () => startGraphStandIn({ port: Number(process.env.GRAPH_STANDIN_PORT ?? GRAPH_DEFAULT_PORT) }),
    (standIn) => `Graph stand-in listening on ${standIn.url}`,
  );
}

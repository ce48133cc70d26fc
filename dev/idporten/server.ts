// Local stand-in for ID-porten: an OpenID provider built on oidc-provider (a certified OP library),
// shaped like ID-porten (PKCE S256 required, acr idporten-loa-substantial/high, pid claim, ui_locales,
// RP-initiated logout + front-channel logout) with a test login page where you type a synthetic
// national identity number, like ID-porten's own TestID.
//
// Run on its own: `npx tsx dev/idporten/server.ts` (port from IDPORTEN_STANDIN_PORT, default 4010;
// site origin from APP_ORIGIN, default http://localhost:3000).

import type http from 'node:http';
import { DEFAULT_APP_ORIGIN, IDPORTEN_DEFAULT_PORT } from '../credentials';
import type { StandInTls } from '../tls/stand-in-server';
import { listenStandIn, runStandInFromCommandLine } from '../stand-in-http/listen';
import { sendJson } from '../stand-in-http/json';
import { answerInteraction } from '../oidc-kit/interactions';
import { createSigningKey } from '../oidc-kit/provider';
import { addFrontChannelLogout, logoutByPost } from './front-channel-logout';
import { personLoginStep, type Accounts } from './login';
import { createIdportenProvider } from './provider';
import { liveSessions, type SessionStores } from './session-store';

export interface IdportenStandIn {
  url: string;
  close(): Promise<void>;
}

export interface IdportenStandInOptions {
  port?: number;
  /** https with this key and certificate (the production-shape tests); http without. */
  tls?: StandInTls;
  appOrigin?: string;
  host?: string;
}

const NO_STORE = { 'Cache-Control': 'no-store' };

export async function startIdportenStandIn(options: IdportenStandInOptions = {}): Promise<IdportenStandIn> {
  const appOrigin = (options.appOrigin ?? DEFAULT_APP_ORIGIN).replace(/\/+$/, '');
  const listening = await listenStandIn({ ...options, port: options.port ?? IDPORTEN_DEFAULT_PORT });
  const issuer = listening.url;
  const stores: SessionStores = new Map();
  const accounts: Accounts = new Map();
  const signingKey = createSigningKey();
  const provider = createIdportenProvider(issuer, appOrigin, signingKey, stores, accounts);
  const logout = { provider, issuer, publicKey: signingKey.publicKey, stores };
  addFrontChannelLogout(logout);
  const providerCallback = provider.callback();
  const loginStep = personLoginStep(provider, accounts);

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', issuer);
    if (url.pathname === '/logout' && req.method === 'POST') return logoutByPost(logout, req, res);
    if (url.pathname === '/_admin/sessions' && req.method === 'GET') {
      return sendJson(res, 200, { sessions: liveSessions(stores) }, NO_STORE);
    }
    if (await answerInteraction(provider, req, res, url, loginStep)) return;
    return providerCallback(req, res);
  }

  listening.serve(handle, {
    logAs: 'idporten stand-in',
    answer: (res, err) => sendJson(res, 500, { error: 'server_error', error_description: String(err) }, NO_STORE),
  });
  return { url: issuer, close: listening.close };
}

if (typeof require !== 'undefined' && require.main === module) {
  runStandInFromCommandLine(
    () =>
      startIdportenStandIn({
        port: Number(process.env.IDPORTEN_STANDIN_PORT ?? IDPORTEN_DEFAULT_PORT),
        appOrigin: process.env.APP_ORIGIN ?? DEFAULT_APP_ORIGIN,
      }),
    (standIn) => `ID-porten stand-in listening on ${standIn.url}`,
  );
}

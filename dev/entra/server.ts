// Local stand-in for Microsoft Entra ID as the OpenID provider of the service desk console's staff login: built on
// oidc-provider, shaped like Entra's v2.0 endpoints (issuer https://login.microsoftonline.com/{tid}/v2.0, discovery
// under it, ID tokens with tid, oid, roles, amr, preferred_username, name). A test login page lists the synthetic
// staff (dev/entra/staff.ts): an agent, an auditor, a member of staff without a role and an agent without MFA.
//
// Run on its own: `npx tsx dev/entra/server.ts` (port from ENTRA_STANDIN_PORT, default 4030).

import type http from 'node:http';
import { DEFAULT_APP_ORIGIN, ENTRA_STANDIN_DEFAULT_PORT, ENTRA_TENANT_ID } from '../credentials';
import type { StandInTls } from '../tls/stand-in-server';
import { listenStandIn, runStandInFromCommandLine } from '../stand-in-http/listen';
import { answerInteraction } from '../oidc-kit/interactions';
import { staffLoginStep } from './login';
import { createEntraProvider } from './provider';

export interface EntraStandIn {
  url: string;
  /** The issuer the site configures: `${url}/${tenant}/v2.0`, like Entra's. */
  issuer: string;
  close(): Promise<void>;
}

export interface EntraStandInOptions {
  port?: number;
  /** https with this key and certificate (the production-shape tests); http without. */
  tls?: StandInTls;
  appOrigin?: string;
  host?: string;
}

export async function startEntraStandIn(options: EntraStandInOptions = {}): Promise<EntraStandIn> {
  const appOrigin = (options.appOrigin ?? DEFAULT_APP_ORIGIN).replace(/\/+$/, '');
  const listening = await listenStandIn({ ...options, port: options.port ?? ENTRA_STANDIN_DEFAULT_PORT });
  const { url } = listening;
  const mountPath = `/${ENTRA_TENANT_ID}/v2.0`;
  const issuer = `${url}${mountPath}`;
  const provider = createEntraProvider(issuer, appOrigin);
  const providerCallback = provider.callback();
  const loginStep = staffLoginStep(provider);

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const requestUrl = new URL(req.url ?? '/', url);
    if (await answerInteraction(provider, req, res, requestUrl, loginStep)) return;
    if (requestUrl.pathname === mountPath || requestUrl.pathname.startsWith(`${mountPath}/`)) {
      // Mounted like Entra: everything of the provider lives under /{tenant}/v2.0.
      (req as { originalUrl?: string }).originalUrl = req.url;
      req.url = (req.url ?? '/').slice(mountPath.length) || '/';
      return providerCallback(req, res);
    }
    res.statusCode = 404;
    res.end();
  }

  listening.serve(handle, {
    logAs: 'entra stand-in',
    answer(res) {
      res.statusCode = 500;
      res.end();
    },
  });
  return { url, issuer, close: listening.close };
}

if (typeof require !== 'undefined' && require.main === module) {
  runStandInFromCommandLine(
    () =>
      startEntraStandIn({
        port: Number(process.env.ENTRA_STANDIN_PORT ?? ENTRA_STANDIN_DEFAULT_PORT),
        appOrigin: process.env.APP_ORIGIN ?? DEFAULT_APP_ORIGIN,
      }),
    (standIn) => `Entra ID stand-in listening on ${standIn.url} (issuer ${standIn.issuer})`,
  );
}

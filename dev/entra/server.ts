// Local stand-in for Microsoft Entra ID as the OpenID provider of the service desk console's staff login: built on
// oidc-provider, shaped like Entra's v2.0 endpoints (issuer https://login.microsoftonline.com/{tid}/v2.0, discovery
// under it, ID tokens with tid, oid, roles, amr, preferred_username, name). A test login page lists the synthetic
// staff (dev/entra/staff.ts): an agent, an auditor, a member of staff without a role and an agent without MFA.
//
// Run on its own: `npx tsx dev/entra/server.ts` (port from ENTRA_STANDIN_PORT, default 4030).

/* eslint-disable @typescript-eslint/no-explicit-any -- oidc-provider has no type declarations */

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import Provider from 'oidc-provider';
import {
  CONSOLE_CLIENT_ID,
  CONSOLE_CLIENT_SECRET,
  DEFAULT_APP_ORIGIN,
  ENTRA_STANDIN_DEFAULT_PORT,
  ENTRA_TENANT_ID,
} from '../credentials';
import { STAFF } from './staff';
import { createStandInServer, type StandInTls } from '../tls/stand-in-server';

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

function esc(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const STYLE = `body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}
fieldset{border:1px solid #ccc;padding:.5rem 1rem}label{font-weight:400}.person{margin:.4rem 0}
label.block{display:block;font-weight:600;margin-top:1rem}input[type=number]{font-size:1rem;padding:.4rem}
button{font-size:1rem;padding:.5rem 1.2rem;margin-top:1.2rem;margin-right:.5rem}.hint{color:#444;font-size:.9rem}
.badge{background:#fde68a;padding:.1rem .4rem;border-radius:.2rem}.error{color:#b00020;font-weight:600}`;

function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title><style>${STYLE}</style></head>
<body><main>
${body}
</main></body></html>`;
}

function loginPage(uid: string, error?: string): string {
  const options = STAFF.map(
    (
      member,
      index,
    ) => `<div class="person"><input type="radio" name="staff" id="staff-${esc(member.key)}" value="${esc(member.key)}"${index === 0 ? ' checked' : ''}>
<label for="staff-${esc(member.key)}"><strong>${esc(member.preferredUsername)}</strong> (${esc(member.key)}): ${esc(member.description)}</label></div>`,
  ).join('\n');
  return page(
    'Sign in – Microsoft Entra ID (local stand-in)',
    `<h1>Microsoft Entra ID – local stand-in</h1>
<p><span class="badge">TEST</span> Staff login for the service desk console. Synthetic staff only; no password, no real tenant.</p>
${error ? `<p class="error" role="alert">${esc(error)}</p>` : ''}
<form method="post" action="/interaction/${esc(uid)}/login">
<fieldset><legend>Sign in as</legend>
${options}
</fieldset>
<label class="block" for="minutesAgo">Pretend the login happened this many minutes ago</label>
<input type="number" id="minutesAgo" name="minutesAgo" min="0" step="1" value="0">
<div><button type="submit">Sign in</button>
<button type="submit" formaction="/interaction/${esc(uid)}/abort">Cancel</button></div>
</form>`,
  );
}

async function readForm(req: http.IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 64 * 1024) throw new Error('request entity too large');
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function sendHtml(res: http.ServerResponse, status: number, html: string): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.end(html);
}

export async function startEntraStandIn(options: EntraStandInOptions = {}): Promise<EntraStandIn> {
  const host = options.host ?? '127.0.0.1';
  const appOrigin = (options.appOrigin ?? DEFAULT_APP_ORIGIN).replace(/\/+$/, '');

  let handler: http.RequestListener = (_req, res) => {
    res.statusCode = 503;
    res.end();
  };
  const { server, scheme } = createStandInServer((req, res) => handler(req, res), options.tls);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? ENTRA_STANDIN_DEFAULT_PORT, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `${scheme}://${host}:${port}`;
  const mountPath = `/${ENTRA_TENANT_ID}/v2.0`;
  const issuer = `${url}${mountPath}`;

  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const signingJwk = { ...privateKey.export({ format: 'jwk' }), kid: randomUUID(), use: 'sig', alg: 'RS256' };

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CONSOLE_CLIENT_ID,
        client_secret: CONSOLE_CLIENT_SECRET,
        client_name: 'tofaktor service desk console (local)',
        redirect_uris: [`${appOrigin}/api/staff-auth/callback/entra`],
        // Registered in Entra as one of the app's redirect URIs: where the console's sign-out comes back.
        post_logout_redirect_uris: [`${appOrigin}/api/servicedesk/signed-out`],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_basic',
        id_token_signed_response_alg: 'RS256',
      },
    ],
    jwks: { keys: [signingJwk] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    pkce: { required: () => true },
    scopes: ['openid', 'profile', 'email', 'offline_access'],
    clientAuthMethods: ['client_secret_basic', 'client_secret_post'],
    claims: {
      // Entra puts these in every v2.0 ID token of a work account (amr and auth_time as configured optional claims).
      openid: ['sub', 'oid', 'tid', 'roles', 'amr', 'auth_time', 'preferred_username', 'name', 'ver'],
      profile: ['name', 'preferred_username'],
    },
    conformIdTokenClaims: false,
    responseTypes: ['code'],
    routes: {
      authorization: '/oauth2/v2.0/authorize',
      token: '/oauth2/v2.0/token',
      jwks: '/discovery/v2.0/keys',
      end_session: '/oauth2/v2.0/logout',
      userinfo: '/oidc/userinfo',
    },
    subjectTypes: ['public'],
    features: {
      devInteractions: { enabled: false },
      userinfo: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        async logoutSource(ctx: any, form: string) {
          // Entra signs out without a question when it knows the account; here: submit at once, with a visible
          // button for a browser without JavaScript.
          const autoForm = form.replace('</form>', '<input type="hidden" name="logout" value="yes"/></form>');
          ctx.type = 'html';
          ctx.body = page(
            'Sign out – Microsoft Entra ID (local stand-in)',
            `<h1>Signing you out</h1>
${autoForm}
<button type="submit" form="op.logoutForm">Sign out</button>
<script>document.forms[0].submit()</script>`,
          );
        },
      },
    },
    ttl: {
      AccessToken: 3600,
      AuthorizationCode: 60,
      IdToken: 3600,
      Interaction: 3600,
      Session: 8 * 3600,
      Grant: 8 * 3600,
    },
    interactions: { url: (_ctx: any, interaction: any) => `/interaction/${interaction.uid}` },
    async loadExistingGrant(ctx: any) {
      const { oidc } = ctx;
      const grant = new oidc.provider.Grant({ clientId: oidc.client.clientId, accountId: oidc.session.accountId });
      grant.addOIDCScope([...oidc.requestParamOIDCScopes].join(' '));
      await grant.save();
      return grant;
    },
    async findAccount(_ctx: any, id: string) {
      const member = STAFF.find((candidate) => candidate.oid === id);
      if (!member) return undefined;
      return {
        accountId: id,
        async claims() {
          return {
            // Entra's sub is pairwise per app; oid is the object id every app sees.
            sub: `pairwise-${member.oid.slice(-8)}`,
            oid: member.oid,
            tid: ENTRA_TENANT_ID,
            // Entra leaves `roles` out when no app role is assigned.
            ...(member.roles.length > 0 ? { roles: member.roles } : {}),
            preferred_username: member.preferredUsername,
            name: member.name,
            ver: '2.0',
          };
        },
      };
    },
  });
  provider.proxy = false;
  const providerCallback = provider.callback();

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const requestUrl = new URL(req.url ?? '/', url);
    const interaction = /^\/interaction\/([^/]+)(?:\/(login|abort))?$/.exec(requestUrl.pathname);
    if (interaction) {
      const action = interaction[2];
      let details: any;
      try {
        details = await provider.interactionDetails(req, res);
      } catch (err) {
        return sendHtml(res, 400, page('Error', `<h1>Something went wrong</h1><p>${esc((err as Error).message)}</p>`));
      }
      if (!action && req.method === 'GET') return sendHtml(res, 200, loginPage(details.uid));
      if (action === 'abort' && req.method === 'POST') {
        return provider.interactionFinished(
          req,
          res,
          { error: 'access_denied', error_description: 'AADSTS50126: sign-in cancelled' },
          { mergeWithLastSubmission: false },
        );
      }
      if (action === 'login' && req.method === 'POST') {
        const form = await readForm(req);
        const member = STAFF.find((candidate) => candidate.key === form.get('staff'));
        const minutes = (form.get('minutesAgo') ?? '0').trim() || '0';
        if (!member || !/^\d{1,6}$/.test(minutes))
          return sendHtml(res, 400, loginPage(details.uid, 'Choose a staff member and a whole number of minutes.'));
        const ts = Math.floor(Date.now() / 1000) - Number(minutes) * 60;
        return provider.interactionFinished(
          req,
          res,
          { login: { accountId: member.oid, amr: member.amr, ts, remember: false } },
          { mergeWithLastSubmission: false },
        );
      }
      res.statusCode = 405;
      return void res.end();
    }
    if (requestUrl.pathname === mountPath || requestUrl.pathname.startsWith(`${mountPath}/`)) {
      // Mounted like Entra: everything of the provider lives under /{tenant}/v2.0.
      (req as any).originalUrl = req.url;
      req.url = (req.url ?? '/').slice(mountPath.length) || '/';
      return providerCallback(req, res);
    }
    res.statusCode = 404;
    res.end();
  }

  handler = (req, res) => {
    handle(req, res).catch((err: unknown) => {
      console.error('[entra stand-in]', err);
      if (!res.headersSent) {
        res.statusCode = 500;
        res.end();
      } else res.end();
    });
  };

  return {
    url,
    issuer,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

if (typeof require !== 'undefined' && require.main === module) {
  const port = Number(process.env.ENTRA_STANDIN_PORT ?? ENTRA_STANDIN_DEFAULT_PORT);
  startEntraStandIn({ port, appOrigin: process.env.APP_ORIGIN ?? DEFAULT_APP_ORIGIN })
    .then((standIn) => {
      console.log(`Entra ID stand-in listening on ${standIn.url} (issuer ${standIn.issuer})`);
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

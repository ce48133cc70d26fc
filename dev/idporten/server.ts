// Local stand-in for ID-porten: an OpenID provider built on oidc-provider (a certified OP library),
// shaped like ID-porten (PKCE S256 required, acr idporten-loa-substantial/high, pid claim, ui_locales,
// RP-initiated logout + front-channel logout) with a test login page where you type a synthetic
// national identity number, like ID-porten's own TestID.
//
// Run on its own: `npx tsx dev/idporten/server.ts` (port from IDPORTEN_STANDIN_PORT, default 4010;
// site origin from APP_ORIGIN, default http://localhost:3000).

/* eslint-disable @typescript-eslint/no-explicit-any -- oidc-provider has no type declarations */

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHmac, generateKeyPairSync, randomBytes, randomUUID, verify as verifySignature } from 'node:crypto';
import Provider, { interactionPolicy } from 'oidc-provider';
import fixtureJson from '../graph/fixture.json';
import {
  DEFAULT_APP_ORIGIN,
  IDPORTEN_ACR_VALUES,
  IDPORTEN_CLIENT_ID,
  IDPORTEN_CLIENT_SECRET,
  IDPORTEN_DEFAULT_PORT,
} from '../credentials';
import { createStandInServer, type StandInTls } from '../tls/stand-in-server';

type Lang = 'nb' | 'nn' | 'en';
type Acr = (typeof IDPORTEN_ACR_VALUES)[number];

interface FixturePersonSummary {
  key: string;
  nationalId: string;
  description: string;
}

const people = (fixtureJson as { people: FixturePersonSummary[] }).people;

/** Fixed key: the same pid gives the same `sub` across restarts (pairwise-looking, never the pid). */
const SUB_KEY = 'tofaktor-idporten-standin-pairwise-sub-key';

const ACR_RANK: Record<string, number> = { 'idporten-loa-substantial': 1, 'idporten-loa-high': 2 };

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

// ---------------------------------------------------------------------------------------------
// In-memory adapter (so that /_admin/sessions can list the sessions)

interface StoredEntry {
  payload: Record<string, any>;
  expiresAt: number | undefined;
}

function createAdapterClass(stores: Map<string, Map<string, StoredEntry>>) {
  return class MapAdapter {
    private readonly store: Map<string, StoredEntry>;

    constructor(name: string) {
      let store = stores.get(name);
      if (!store) {
        store = new Map();
        stores.set(name, store);
      }
      this.store = store;
    }

    private live(id: string): StoredEntry | undefined {
      const entry = this.store.get(id);
      if (!entry) return undefined;
      if (entry.expiresAt !== undefined && entry.expiresAt <= Date.now()) {
        this.store.delete(id);
        return undefined;
      }
      return entry;
    }

    async upsert(id: string, payload: Record<string, any>, expiresIn?: number): Promise<void> {
      this.store.set(id, {
        payload: structuredClone(payload),
        expiresAt: expiresIn ? Date.now() + expiresIn * 1000 : undefined,
      });
    }

    async find(id: string): Promise<Record<string, any> | undefined> {
      const entry = this.live(id);
      return entry ? structuredClone(entry.payload) : undefined;
    }

    async findByUid(uid: string): Promise<Record<string, any> | undefined> {
      for (const [id, entry] of this.store) {
        if (entry.payload.uid === uid) return this.find(id);
      }
      return undefined;
    }

    async findByUserCode(userCode: string): Promise<Record<string, any> | undefined> {
      for (const [id, entry] of this.store) {
        if (entry.payload.userCode === userCode) return this.find(id);
      }
      return undefined;
    }

    async consume(id: string): Promise<void> {
      const entry = this.live(id);
      if (entry) entry.payload.consumed = Math.floor(Date.now() / 1000);
    }

    async destroy(id: string): Promise<void> {
      this.store.delete(id);
    }

    async revokeByGrantId(grantId: string): Promise<void> {
      for (const [id, entry] of this.store) {
        if (entry.payload.grantId === grantId) this.store.delete(id);
      }
    }
  };
}

// ---------------------------------------------------------------------------------------------
// Texts and HTML

const TEXT = {
  nb: {
    title: 'Logg inn – ID-porten (lokal testinnlogging)',
    heading: 'ID-porten – lokal testinnlogging',
    intro:
      'Dette er en lokal erstatning for ID-porten. Skriv inn et syntetisk fødselsnummer. Ingen ekte personer og ingen ekte innlogging.',
    client: 'Du logger inn på',
    pid: 'Fødselsnummer (syntetisk)',
    pidHint: '11 siffer, for eksempel et av de syntetiske numrene i listen nedenfor.',
    acr: 'Sikkerhetsnivå',
    substantial: 'Betydelig (idporten-loa-substantial)',
    high: 'Høyt (idporten-loa-high)',
    minutesAgo: 'Lat som innloggingen skjedde for så mange minutter siden',
    noPid: 'Utenlandsk eID eller e-postinnlogging (ID-tokenet får ikke fødselsnummer)',
    submit: 'Logg inn',
    cancel: 'Avbryt',
    errorSummary: 'Skjemaet har feil',
    pidError: 'Fødselsnummeret må være 11 siffer.',
    minutesError: 'Antall minutter må være et helt tall fra 0 og oppover.',
    acrError: 'Velg et gyldig sikkerhetsnivå.',
    peopleHeading: 'Syntetiske personer du kan prøve',
    key: 'Nøkkel',
    number: 'Fødselsnummer',
    description: 'Beskrivelse',
    logoutTitle: 'Logger ut – ID-porten (lokal)',
    logoutHeading: 'Logger ut av ID-porten',
    logoutButton: 'Logg ut',
    loggedOutTitle: 'Logget ut – ID-porten (lokal)',
    loggedOut: 'Du er logget ut av ID-porten.',
    continue: 'Fortsett',
    errorTitle: 'Feil – ID-porten (lokal)',
    errorHeading: 'Noe gikk galt',
  },
  nn: {
    title: 'Logg inn – ID-porten (lokal testinnlogging)',
    heading: 'ID-porten – lokal testinnlogging',
    intro:
      'Dette er ein lokal erstatning for ID-porten. Skriv inn eit syntetisk fødselsnummer. Her er ingen ekte personar og inga ekte innlogging.',
    client: 'Du loggar inn på',
    pid: 'Fødselsnummer (syntetisk)',
    pidHint: '11 siffer, til dømes eitt av dei syntetiske nummera i lista nedanfor.',
    acr: 'Tryggleiksnivå',
    substantial: 'Betydeleg (idporten-loa-substantial)',
    high: 'Høgt (idporten-loa-high)',
    minutesAgo: 'Lat som om innlogginga skjedde for så mange minutt sidan',
    noPid: 'Utanlandsk eID eller e-postinnlogging (ID-tokenet får ikkje fødselsnummer)',
    submit: 'Logg inn',
    cancel: 'Avbryt',
    errorSummary: 'Skjemaet har feil',
    pidError: 'Fødselsnummeret må vere 11 siffer.',
    minutesError: 'Talet på minutt må vere eit heilt tal frå 0 og oppover.',
    acrError: 'Vel eit gyldig tryggleiksnivå.',
    peopleHeading: 'Syntetiske personar du kan prøve',
    key: 'Nøkkel',
    number: 'Fødselsnummer',
    description: 'Skildring',
    logoutTitle: 'Loggar ut – ID-porten (lokal)',
    logoutHeading: 'Loggar ut av ID-porten',
    logoutButton: 'Logg ut',
    loggedOutTitle: 'Logga ut – ID-porten (lokal)',
    loggedOut: 'Du er logga ut av ID-porten.',
    continue: 'Hald fram',
    errorTitle: 'Feil – ID-porten (lokal)',
    errorHeading: 'Noko gjekk gale',
  },
  en: {
    title: 'Log in – ID-porten (local test login)',
    heading: 'ID-porten – local test login',
    intro:
      'This is a local stand-in for ID-porten. Type a synthetic national identity number. No real people and no real login.',
    client: 'You are logging in to',
    pid: 'National identity number (synthetic)',
    pidHint: '11 digits, for example one of the synthetic numbers in the list below.',
    acr: 'Level of assurance',
    substantial: 'Substantial (idporten-loa-substantial)',
    high: 'High (idporten-loa-high)',
    minutesAgo: 'Pretend the login happened this many minutes ago',
    noPid: 'Foreign eID or e-mail login (the ID token gets no national identity number)',
    submit: 'Log in',
    cancel: 'Cancel',
    errorSummary: 'The form has errors',
    pidError: 'The national identity number must be 11 digits.',
    minutesError: 'The number of minutes must be a whole number, 0 or more.',
    acrError: 'Choose a valid level of assurance.',
    peopleHeading: 'Synthetic people to try',
    key: 'Key',
    number: 'National identity number',
    description: 'Description',
    logoutTitle: 'Logging out – ID-porten (local)',
    logoutHeading: 'Logging out of ID-porten',
    logoutButton: 'Log out',
    loggedOutTitle: 'Logged out – ID-porten (local)',
    loggedOut: 'You are logged out of ID-porten.',
    continue: 'Continue',
    errorTitle: 'Error – ID-porten (local)',
    errorHeading: 'Something went wrong',
  },
} as const;

function esc(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function pickLang(uiLocales: unknown): Lang {
  if (typeof uiLocales === 'string') {
    for (const tag of uiLocales.split(/\s+/)) {
      const base = tag.toLowerCase().split('-')[0];
      if (base === 'en') return 'en';
      if (base === 'nn') return 'nn';
      // ID-porten also speaks Northern Sami (se); the stand-in answers it in bokmål.
      if (base === 'nb' || base === 'no' || base === 'se') return 'nb';
    }
  }
  return 'nb';
}

const STYLE = `body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}
label{display:block;font-weight:600;margin-top:1rem}input[type=text],input[type=number],select{font-size:1rem;padding:.4rem;min-width:16rem}
.hint{color:#444;font-size:.9rem;margin:.1rem 0}.error{color:#b00020;font-weight:600}.checkbox label{display:inline;font-weight:400}
.checkbox{margin-top:1rem}button{font-size:1rem;padding:.5rem 1.2rem;margin-top:1.2rem;margin-right:.5rem}
table{border-collapse:collapse;margin-top:.5rem;font-size:.9rem}th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left}
.summary{border:2px solid #b00020;padding:.5rem 1rem}.badge{background:#fde68a;padding:.1rem .4rem;border-radius:.2rem}`;

function page(lang: Lang, title: string, body: string, head = ''): string {
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${STYLE}</style>
${head}
</head>
<body>
<main>
${body}
</main>
</body>
</html>`;
}

interface LoginFormState {
  pid: string;
  acr: string;
  minutesAgo: string;
  noPid: boolean;
  errors: { pid?: string; minutesAgo?: string; acr?: string };
}

function loginPage(lang: Lang, uid: string, clientName: string, state: LoginFormState): string {
  const t = TEXT[lang];
  const errs = Object.entries(state.errors).filter(([, v]) => v) as [string, string][];
  const summary = errs.length
    ? `<div class="summary" role="alert" tabindex="-1"><h2>${t.errorSummary}</h2><ul>${errs
        .map(([field, msg]) => `<li><a href="#${field}">${esc(msg)}</a></li>`)
        .join('')}</ul></div>`
    : '';
  const fieldError = (field: keyof LoginFormState['errors']) =>
    state.errors[field] ? `<p class="error" id="${field}-error">${esc(state.errors[field])}</p>` : '';
  const describedBy = (field: keyof LoginFormState['errors'], extra?: string) => {
    const ids = [extra, state.errors[field] ? `${field}-error` : undefined].filter(Boolean).join(' ');
    return ids ? ` aria-describedby="${ids}"` : '';
  };
  const invalid = (field: keyof LoginFormState['errors']) => (state.errors[field] ? ' aria-invalid="true"' : '');
  const option = (value: Acr, label: string) =>
    `<option value="${value}"${state.acr === value ? ' selected' : ''}>${esc(label)}</option>`;
  const rows = people
    .map(
      (p) =>
        `<tr><td><code>${esc(p.key)}</code></td><td><code>${esc(p.nationalId)}</code></td><td>${esc(p.description)}</td></tr>`,
    )
    .join('\n');
  const body = `
<h1>${t.heading}</h1>
<p><span class="badge">TEST</span> ${t.intro}</p>
<p>${t.client} <strong>${esc(clientName)}</strong>.</p>
${summary}
<form method="post" action="/interaction/${esc(uid)}/login" novalidate>
  <label for="pid">${t.pid}</label>
  <p class="hint" id="pid-hint">${t.pidHint}</p>
  ${fieldError('pid')}
  <input type="text" id="pid" name="pid" inputmode="numeric" autocomplete="off" list="synthetic-people"
    value="${esc(state.pid)}"${describedBy('pid', 'pid-hint')}${invalid('pid')}>
  <datalist id="synthetic-people">${people.map((p) => `<option value="${esc(p.nationalId)}">${esc(p.key)}</option>`).join('')}</datalist>

  <label for="acr">${t.acr}</label>
  ${fieldError('acr')}
  <select id="acr" name="acr"${describedBy('acr')}${invalid('acr')}>
    ${option('idporten-loa-substantial', t.substantial)}
    ${option('idporten-loa-high', t.high)}
  </select>

  <label for="minutesAgo">${t.minutesAgo}</label>
  ${fieldError('minutesAgo')}
  <input type="number" id="minutesAgo" name="minutesAgo" min="0" step="1" value="${esc(state.minutesAgo)}"${describedBy('minutesAgo')}${invalid('minutesAgo')}>

  <div class="checkbox">
    <input type="checkbox" id="noPid" name="noPid" value="1"${state.noPid ? ' checked' : ''}>
    <label for="noPid">${t.noPid}</label>
  </div>

  <button type="submit">${t.submit}</button>
  <button type="submit" formaction="/interaction/${esc(uid)}/abort">${t.cancel}</button>
</form>
<section aria-labelledby="people-heading">
<h2 id="people-heading">${t.peopleHeading}</h2>
<table>
<thead><tr><th scope="col">${t.key}</th><th scope="col">${t.number}</th><th scope="col">${t.description}</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</section>`;
  return page(lang, state.errors && errs.length ? `${t.errorSummary} – ${t.title}` : t.title, body);
}

// ---------------------------------------------------------------------------------------------

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

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.end(JSON.stringify(body));
}

export async function startIdportenStandIn(options: IdportenStandInOptions = {}): Promise<IdportenStandIn> {
  const host = options.host ?? '127.0.0.1';
  const appOrigin = (options.appOrigin ?? DEFAULT_APP_ORIGIN).replace(/\/+$/, '');

  // Listen first (port 0 allowed), then build the provider with the real issuer.
  let handler: http.RequestListener = (_req, res) => {
    res.statusCode = 503;
    res.end();
  };
  const { server, scheme } = createStandInServer((req, res) => handler(req, res), options.tls);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? IDPORTEN_DEFAULT_PORT, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const issuer = `${scheme}://${host}:${port}`;

  const stores = new Map<string, Map<string, StoredEntry>>();
  const accounts = new Map<string, { pid?: string; locale: Lang }>();

  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const signingJwk = { ...privateKey.export({ format: 'jwk' }), kid: randomUUID(), use: 'sig', alg: 'RS256' };

  // Step-up like ID-porten: an existing SSO session with a lower acr than requested needs a new login.
  const policy = interactionPolicy.base();
  const loginPrompt = policy.get('login');
  loginPrompt.checks.push(
    new interactionPolicy.Check(
      'acr_step_up',
      'requested acr is higher than the session acr',
      'login_required',
      (ctx: any) => {
        const { oidc } = ctx;
        if (!oidc.session.accountId || oidc.result?.login) return interactionPolicy.Check.NO_NEED_TO_PROMPT;
        const requested = String(oidc.params.acr_values ?? '')
          .split(' ')
          .map((v: string) => ACR_RANK[v] ?? 0);
        const wanted = requested.length ? Math.min(...requested.filter((r: number) => r > 0), Infinity) : 0;
        const have = ACR_RANK[oidc.session.acr] ?? 0;
        return Number.isFinite(wanted) && wanted > have
          ? interactionPolicy.Check.REQUEST_PROMPT
          : interactionPolicy.Check.NO_NEED_TO_PROMPT;
      },
    ),
  );

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: IDPORTEN_CLIENT_ID,
        client_secret: IDPORTEN_CLIENT_SECRET,
        client_name: 'tofaktor (lokal)',
        redirect_uris: [`${appOrigin}/api/auth/callback/idporten`],
        post_logout_redirect_uris: [
          `${appOrigin}/nb`,
          `${appOrigin}/nn`,
          `${appOrigin}/en`,
          // Since issue 17 the site comes back to a page that says the person is signed out.
          `${appOrigin}/nb/nullstill/logget-ut`,
          `${appOrigin}/nn/nullstill/logga-ut`,
          `${appOrigin}/en/reset/signed-out`,
        ],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        // oidc-provider 9 treats client_secret_basic and client_secret_post as interchangeable for a
        // client registered with either, so both work (Auth.js defaults to client_secret_basic).
        token_endpoint_auth_method: 'client_secret_basic',
        id_token_signed_response_alg: 'RS256',
        require_auth_time: true,
        frontchannel_logout_uri: `${appOrigin}/api/auth/frontchannel-logout`,
        frontchannel_logout_session_required: true,
      },
    ],
    extraClientMetadata: {
      properties: ['frontchannel_logout_uri', 'frontchannel_logout_session_required'],
    },
    adapter: createAdapterClass(stores),
    jwks: { keys: [signingJwk] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    pkce: { required: () => true },
    acrValues: [...IDPORTEN_ACR_VALUES],
    scopes: ['openid', 'profile'],
    clientAuthMethods: ['client_secret_basic', 'client_secret_post', 'private_key_jwt'],
    claims: {
      // acr, amr and auth_time are listed here so that they are always in the ID token (oidc-provider
      // otherwise adds them only when requested, e.g. with max_age or the claims parameter).
      openid: ['sub', 'pid', 'locale', 'acr', 'amr', 'auth_time'],
      profile: ['locale'],
    },
    conformIdTokenClaims: false,
    responseTypes: ['code'],
    // Endpoint paths like ID-porten's own (clients read them from discovery anyway).
    routes: {
      authorization: '/authorize',
      end_session: '/logout',
      jwks: '/jwks.json',
      pushed_authorization_request: '/par',
      revocation: '/revoke',
      token: '/token',
      userinfo: '/userinfo',
    },
    subjectTypes: ['public'],
    discovery: {
      ui_locales_supported: ['nb', 'nn', 'en', 'se'],
      frontchannel_logout_supported: true,
      frontchannel_logout_session_supported: true,
    },
    features: {
      devInteractions: { enabled: false },
      userinfo: { enabled: true },
      revocation: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        async logoutSource(ctx: any, form: string) {
          // No confirmation from a human, like ID-porten: submit at once; a visible button for no-JS.
          const lang = pickLang(ctx.oidc.params.ui_locales);
          const t = TEXT[lang];
          // Remembered for the front-channel logout page shown after the confirmation.
          if (ctx.oidc.session?.state) ctx.oidc.session.state.uiLocales = ctx.oidc.params.ui_locales;
          const autoForm = form.replace('</form>', '<input type="hidden" name="logout" value="yes"/></form>');
          ctx.type = 'html';
          ctx.body = page(
            lang,
            t.logoutTitle,
            `<h1>${t.logoutHeading}</h1>
${autoForm}
<button type="submit" form="op.logoutForm">${t.logoutButton}</button>
<script>document.forms[0].submit()</script>`,
          );
        },
        async postLogoutSuccessSource(ctx: any) {
          const lang = pickLang(ctx.oidc.params?.ui_locales);
          const t = TEXT[lang];
          ctx.type = 'html';
          ctx.body = page(lang, t.loggedOutTitle, `<h1>${t.loggedOut}</h1>`);
        },
      },
    },
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      IdToken: 600,
      Interaction: 3600,
      Session: 2 * 60 * 60,
      Grant: 2 * 60 * 60,
      ClientCredentials: 600,
      DeviceCode: 600,
      BackchannelAuthenticationRequest: 600,
      RefreshToken: 2 * 60 * 60,
    },
    interactions: {
      policy,
      url: (_ctx: any, interaction: any) => `/interaction/${interaction.uid}`,
    },
    // No consent screen: like ID-porten, the requested scopes and claims are granted automatically.
    async loadExistingGrant(ctx: any) {
      const { oidc } = ctx;
      const grantId = oidc.result?.consent?.grantId || oidc.session.grantIdFor(oidc.client.clientId);
      let grant = grantId ? await oidc.provider.Grant.find(grantId) : undefined;
      if (grant && grant.accountId !== oidc.session.accountId) grant = undefined;
      if (!grant) {
        grant = new oidc.provider.Grant({ clientId: oidc.client.clientId, accountId: oidc.session.accountId });
      }
      grant.addOIDCScope([...oidc.requestParamOIDCScopes].join(' '));
      const claims = [...oidc.requestParamClaims];
      if (claims.length) grant.addOIDCClaims(claims);
      await grant.save();
      return grant;
    },
    async findAccount(_ctx: any, id: string) {
      const account = accounts.get(id);
      if (!account) return undefined;
      return {
        accountId: id,
        async claims() {
          return { sub: id, ...(account.pid ? { pid: account.pid } : {}), locale: account.locale };
        },
      };
    },
    async renderError(ctx: any, out: Record<string, string>) {
      const lang = pickLang(ctx.oidc?.params?.ui_locales);
      const t = TEXT[lang];
      ctx.type = 'html';
      ctx.body = page(
        lang,
        t.errorTitle,
        `<h1>${t.errorHeading}</h1>${Object.entries(out)
          .map(([k, v]) => `<p><strong>${esc(k)}</strong>: ${esc(v)}</p>`)
          .join('')}`,
      );
    },
  });
  provider.proxy = false;

  // ID-porten always puts `sid` into the ID token (front-channel logout with session). oidc-provider
  // only does so for clients with backchannel_logout_uri + backchannel_logout_session_required
  // (Client#includeSid); front-channel logout is not in oidc-provider 9, so include it always.
  provider.Client.prototype.includeSid = () => true;

  /** The client's front-channel logout URLs (with iss and sid) for every client in an SSO session. */
  async function frontChannelTargets(authorizations: Record<string, { sid?: string }>): Promise<string[]> {
    const frames: string[] = [];
    for (const [clientId, auth] of Object.entries(authorizations)) {
      if (!auth?.sid) continue;
      let client: any;
      try {
        client = await provider.Client.find(clientId);
      } catch {
        client = undefined;
      }
      const uri: string | undefined = client?.frontchannelLogoutUri ?? client?.metadata?.()?.frontchannel_logout_uri;
      if (!uri) continue;
      const target = new URL(uri);
      target.searchParams.set('iss', issuer);
      target.searchParams.set('sid', auth.sid);
      frames.push(target.toString());
    }
    return frames;
  }

  /** ID-porten's single-logout page: one iframe per client's front-channel logout, then on to `location`. */
  function frontChannelPage(lang: Lang, frames: string[], location: string | null): string {
    const t = TEXT[lang];
    const onward = location
      ? `<p><a id="continue" href="${esc(location)}">${t.continue}</a></p>
<script>
(function(){var left=${frames.length},done=false;function go(){if(!done){done=true;location.replace(${JSON.stringify(location)});}}
document.querySelectorAll('iframe.fc-logout').forEach(function(f){f.addEventListener('load',function(){if(--left<=0)go();});});
if(left===0)go();setTimeout(go,3000);})();
</script>`
      : '';
    return page(
      lang,
      t.logoutTitle,
      `<h1>${t.logoutHeading}</h1>
${frames
  .map(
    (src, i) =>
      `<iframe class="fc-logout" title="front-channel logout ${i + 1}" src="${esc(src)}" width="1" height="1" style="border:0"></iframe>`,
  )
  .join('\n')}
${onward}`,
      location ? `<noscript><meta http-equiv="refresh" content="2;url=${esc(location)}"></noscript>` : '',
    );
  }

  // Front-channel logout: after the end-session confirmation the session is gone and oidc-provider
  // answers 303 to post_logout_redirect_uri. Replace that by a page that first loads each client's
  // frontchannel_logout_uri?iss=&sid= in an iframe, then redirects.
  provider.use(async (ctx: any, next: () => Promise<void>) => {
    await next();
    if (ctx.oidc?.route !== 'end_session_confirm' || ctx.status !== 303) return;
    const session = ctx.oidc.session;
    const frames = await frontChannelTargets(session?.authorizations ?? {});
    if (frames.length === 0) return;
    const location = ctx.response.get('location');
    const lang = pickLang(ctx.oidc.params?.ui_locales ?? session?.state?.uiLocales);
    ctx.status = 200;
    ctx.remove('location');
    ctx.type = 'html';
    ctx.body = frontChannelPage(lang, frames, location);
  });

  /**
   * RP-initiated logout by POST, which ID-porten recommends (the ID token stays out of URLs). oidc-provider
   * only takes POST with SameSite=None cookies, which plain http cannot have, so the stand-in does it
   * like ID-porten: the signed id_token_hint names the session (its sid), that session ends, every
   * client gets its front-channel logout, and the browser goes to the registered post_logout_redirect_uri.
   */
  async function postLogout(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
    const lang = pickLang(form.get('ui_locales'));
    const hint = parseIdTokenHint(form.get('id_token_hint'));
    const store = stores.get('Session');
    let frames: string[] = [];
    for (const [id, entry] of store ?? []) {
      const authorizations = (entry.payload.authorizations ?? {}) as Record<string, { sid?: string }>;
      if (!hint?.sid || !Object.values(authorizations).some((auth) => auth.sid === hint.sid)) continue;
      frames = await frontChannelTargets(authorizations);
      store?.delete(id);
    }
    // Without a valid hint the OP logs out but does not send the browser back (RP-Initiated Logout 1.0).
    let location: string | null = null;
    const redirect = form.get('post_logout_redirect_uri');
    if (hint && redirect) {
      const client = await provider.Client.find(hint.aud);
      if (client?.postLogoutRedirectUris?.includes(redirect)) {
        const target = new URL(redirect);
        const state = form.get('state');
        if (state) target.searchParams.set('state', state);
        location = target.toString();
      }
    }
    return sendHtml(res, 200, frontChannelPage(lang, frames, location));
  }

  /** The hint's sid and audience, when its signature is ours (an expired ID token is still a valid hint). */
  function parseIdTokenHint(token: string | null): { sid?: string; aud: string } | null {
    const [header, payload, signature] = (token ?? '').split('.');
    if (!header || !payload || !signature) return null;
    const signed = verifySignature(
      'sha256',
      Buffer.from(`${header}.${payload}`),
      publicKey,
      Buffer.from(signature, 'base64url'),
    );
    if (!signed) return null;
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as {
      sid?: string;
      aud?: string | string[];
      iss?: string;
    };
    const aud = Array.isArray(claims.aud) ? claims.aud[0] : claims.aud;
    return claims.iss === issuer && aud ? { sid: claims.sid, aud } : null;
  }

  const providerCallback = provider.callback();

  function acrFromParams(params: Record<string, any>): Acr {
    const requested = String(params.acr_values ?? '').split(' ');
    const known = requested.filter((v): v is Acr => (IDPORTEN_ACR_VALUES as readonly string[]).includes(v));
    return known[0] ?? 'idporten-loa-substantial';
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', issuer);
    const { pathname } = url;

    if (pathname === '/logout' && req.method === 'POST') return postLogout(req, res);

    if (pathname === '/_admin/sessions' && req.method === 'GET') {
      const sessions: { sid: string; accountId: string }[] = [];
      const store = stores.get('Session');
      for (const entry of store?.values() ?? []) {
        if (entry.expiresAt !== undefined && entry.expiresAt <= Date.now()) continue;
        const { accountId, authorizations } = entry.payload;
        if (!accountId) continue;
        for (const auth of Object.values((authorizations ?? {}) as Record<string, { sid?: string }>)) {
          if (auth.sid) sessions.push({ sid: auth.sid, accountId });
        }
      }
      return sendJson(res, 200, { sessions });
    }

    const interaction = /^\/interaction\/([^/]+)(?:\/(login|abort))?$/.exec(pathname);
    if (interaction) {
      const action = interaction[2];
      let details: any;
      try {
        details = await provider.interactionDetails(req, res);
      } catch (err) {
        const lang = pickLang(url.searchParams.get('ui_locales'));
        const t = TEXT[lang];
        return sendHtml(
          res,
          400,
          page(lang, t.errorTitle, `<h1>${t.errorHeading}</h1><p>${esc((err as Error).message)}</p>`),
        );
      }
      const { uid, prompt, params } = details;
      const lang = pickLang(params.ui_locales);
      const t = TEXT[lang];
      const client = await provider.Client.find(params.client_id);
      const clientName: string = client?.clientName ?? params.client_id;

      if (!action && req.method === 'GET') {
        if (prompt.name === 'login') {
          return sendHtml(
            res,
            200,
            loginPage(lang, uid, clientName, {
              pid: '',
              acr: acrFromParams(params),
              minutesAgo: '0',
              noPid: false,
              errors: {},
            }),
          );
        }
        // Any other prompt (consent): grant automatically, like ID-porten.
        const grant = new provider.Grant({ accountId: details.session?.accountId, clientId: params.client_id });
        grant.addOIDCScope(String(params.scope ?? 'openid'));
        const grantId = await grant.save();
        return provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
      }

      if (action === 'abort' && req.method === 'POST') {
        return provider.interactionFinished(
          req,
          res,
          { error: 'access_denied', error_description: 'End-User aborted interaction' },
          { mergeWithLastSubmission: false },
        );
      }

      if (action === 'login' && req.method === 'POST') {
        const form = await readForm(req);
        const pid = (form.get('pid') ?? '').replace(/\s+/g, '');
        const acr = form.get('acr') ?? '';
        const minutesRaw = (form.get('minutesAgo') ?? '').trim() || '0';
        const noPid = form.get('noPid') !== null;
        const errors: LoginFormState['errors'] = {};
        if (!noPid && !/^\d{11}$/.test(pid)) errors.pid = t.pidError;
        if (!(IDPORTEN_ACR_VALUES as readonly string[]).includes(acr)) errors.acr = t.acrError;
        if (!/^\d{1,6}$/.test(minutesRaw)) errors.minutesAgo = t.minutesError;
        if (Object.keys(errors).length > 0) {
          return sendHtml(
            res,
            400,
            loginPage(lang, uid, clientName, { pid, acr, minutesAgo: minutesRaw, noPid, errors }),
          );
        }
        const accountId = noPid
          ? `eidas-${randomBytes(12).toString('base64url')}`
          : createHmac('sha256', SUB_KEY).update(pid).digest('base64url');
        accounts.set(accountId, noPid ? { locale: lang } : { pid, locale: lang });
        const ts = Math.floor(Date.now() / 1000) - Number(minutesRaw) * 60;
        return provider.interactionFinished(
          req,
          res,
          { login: { accountId, acr, amr: ['TestID'], ts, remember: true } },
          { mergeWithLastSubmission: false },
        );
      }

      res.statusCode = 405;
      return void res.end();
    }

    return providerCallback(req, res);
  }

  handler = (req, res) => {
    handle(req, res).catch((err: unknown) => {
      console.error('[idporten stand-in]', err);
      if (!res.headersSent) sendJson(res, 500, { error: 'server_error', error_description: String(err) });
      else res.end();
    });
  };

  return {
    url: issuer,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

// Run directly: `npx tsx dev/idporten/server.ts`
if (typeof require !== 'undefined' && require.main === module) {
  const port = Number(process.env.IDPORTEN_STANDIN_PORT ?? IDPORTEN_DEFAULT_PORT);
  startIdportenStandIn({ port, appOrigin: process.env.APP_ORIGIN ?? DEFAULT_APP_ORIGIN })
    .then((standIn) => {
      console.log(`ID-porten stand-in listening on ${standIn.url}`);
      const stop = () => {
        standIn.close().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    })
    .catch((err: unknown) => {
      console.error(err);
      process.exit(1);
    });
}

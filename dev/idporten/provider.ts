// The ID-porten stand-in's OpenID provider: the site as its one client, ID-porten's endpoint paths, levels of
// assurance with step-up, the pid claim, and pages in the person's language.

/* eslint-disable @typescript-eslint/no-explicit-any -- oidc-provider has no type declarations */

import { interactionPolicy } from 'oidc-provider';
import { IDPORTEN_ACR_VALUES, IDPORTEN_CLIENT_ID, IDPORTEN_CLIENT_SECRET } from '../credentials';
import { escapeHtml as esc } from '../stand-in-http/html';
import { createOidcProvider, type SigningKey } from '../oidc-kit/provider';
import { autoSubmittedLogoutBody } from '../oidc-kit/page';
import type { Accounts } from './login';
import { errorPage, idportenPage } from './pages';
import { createAdapterClass, type SessionStores } from './session-store';
import { TEXT, pickLang } from './texts';

const ACR_RANK: Record<string, number> = { 'idporten-loa-substantial': 1, 'idporten-loa-high': 2 };

function siteClient(appOrigin: string): Record<string, unknown> {
  return {
    client_id: IDPORTEN_CLIENT_ID,
    client_secret: IDPORTEN_CLIENT_SECRET,
    client_name: 'tofaktor (lokal)',
    redirect_uris: [`${appOrigin}/api/auth/callback/idporten`],
    post_logout_redirect_uris: [
      `${appOrigin}/nb`,
      `${appOrigin}/nn`,
      `${appOrigin}/en`,
      // The pages that tell the person they are signed out.
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
  };
}

/** Step-up like ID-porten: an existing SSO session with a lower acr than requested needs a new login. */
function stepUpPolicy(): any {
  const policy = interactionPolicy.base();
  policy.get('login').checks.push(
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
  return policy;
}

const logoutPages = {
  enabled: true,
  async logoutSource(ctx: any, form: string) {
    const lang = pickLang(ctx.oidc.params.ui_locales);
    const t = TEXT[lang];
    // Remembered for the front-channel logout page shown after the confirmation.
    if (ctx.oidc.session?.state) ctx.oidc.session.state.uiLocales = ctx.oidc.params.ui_locales;
    ctx.type = 'html';
    ctx.body = idportenPage(lang, t.logoutTitle, autoSubmittedLogoutBody(form, t.logoutHeading, t.logoutButton));
  },
  async postLogoutSuccessSource(ctx: any) {
    const lang = pickLang(ctx.oidc.params?.ui_locales);
    const t = TEXT[lang];
    ctx.type = 'html';
    ctx.body = idportenPage(lang, t.loggedOutTitle, `<h1>${t.loggedOut}</h1>`);
  },
};

// No consent screen: like ID-porten, the requested scopes and claims are granted automatically.
async function grantRequested(ctx: any) {
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
}

async function renderError(ctx: any, out: Record<string, string>) {
  ctx.type = 'html';
  ctx.body = errorPage(
    pickLang(ctx.oidc?.params?.ui_locales),
    Object.entries(out)
      .map(([k, v]) => `<p><strong>${esc(k)}</strong>: ${esc(v)}</p>`)
      .join(''),
  );
}

const LIFETIMES = {
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
};

export function createIdportenProvider(
  issuer: string,
  appOrigin: string,
  signingKey: SigningKey,
  stores: SessionStores,
  accounts: Accounts,
): any {
  const provider = createOidcProvider(issuer, signingKey, {
    clients: [siteClient(appOrigin)],
    extraClientMetadata: { properties: ['frontchannel_logout_uri', 'frontchannel_logout_session_required'] },
    adapter: createAdapterClass(stores),
    acrValues: [...IDPORTEN_ACR_VALUES],
    scopes: ['openid', 'profile'],
    clientAuthMethods: ['client_secret_basic', 'client_secret_post', 'private_key_jwt'],
    claims: {
      // acr, amr and auth_time are listed here so that they are always in the ID token (oidc-provider
      // otherwise adds them only when requested, e.g. with max_age or the claims parameter).
      openid: ['sub', 'pid', 'locale', 'acr', 'amr', 'auth_time'],
      profile: ['locale'],
    },
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
    discovery: {
      ui_locales_supported: ['nb', 'nn', 'en', 'se'],
      frontchannel_logout_supported: true,
      frontchannel_logout_session_supported: true,
    },
    features: { revocation: { enabled: true }, rpInitiatedLogout: logoutPages },
    ttl: LIFETIMES,
    interactions: { policy: stepUpPolicy() },
    loadExistingGrant: grantRequested,
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
    renderError,
  });
  // ID-porten always puts `sid` into the ID token (front-channel logout with session). oidc-provider
  // only does so for clients with backchannel_logout_uri + backchannel_logout_session_required
  // (Client#includeSid); front-channel logout is not in oidc-provider 9, so include it always.
  provider.Client.prototype.includeSid = () => true;
  return provider;
}

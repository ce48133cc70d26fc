// The Entra ID stand-in's OpenID provider: the console's app registration as its one client, Entra's v2.0 endpoint
// paths and the claims of a work account's ID token.

/* eslint-disable @typescript-eslint/no-explicit-any -- oidc-provider has no type declarations */

import { CONSOLE_CLIENT_ID, CONSOLE_CLIENT_SECRET, ENTRA_TENANT_ID } from '../credentials';
import { createOidcProvider, createSigningKey } from '../oidc-kit/provider';
import { autoSubmittedLogoutBody } from '../oidc-kit/page';
import { entraPage } from './login';
import { STAFF } from './staff';

function consoleClient(appOrigin: string): Record<string, unknown> {
  return {
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
  };
}

async function findStaffAccount(_ctx: any, id: string) {
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
}

// No consent screen: the tenant's administrator consented for the organisation.
async function grantRequestedScopes(ctx: any) {
  const { oidc } = ctx;
  const grant = new oidc.provider.Grant({ clientId: oidc.client.clientId, accountId: oidc.session.accountId });
  grant.addOIDCScope([...oidc.requestParamOIDCScopes].join(' '));
  await grant.save();
  return grant;
}

async function signOutAtOnce(ctx: any, form: string) {
  ctx.type = 'html';
  ctx.body = entraPage(
    'Sign out – Microsoft Entra ID (local stand-in)',
    autoSubmittedLogoutBody(form, 'Signing you out', 'Sign out'),
  );
}

export function createEntraProvider(issuer: string, appOrigin: string): any {
  return createOidcProvider(issuer, createSigningKey(), {
    clients: [consoleClient(appOrigin)],
    scopes: ['openid', 'profile', 'email', 'offline_access'],
    clientAuthMethods: ['client_secret_basic', 'client_secret_post'],
    claims: {
      // Entra puts these in every v2.0 ID token of a work account (amr and auth_time as configured optional claims).
      openid: ['sub', 'oid', 'tid', 'roles', 'amr', 'auth_time', 'preferred_username', 'name', 'ver'],
      profile: ['name', 'preferred_username'],
    },
    routes: {
      authorization: '/oauth2/v2.0/authorize',
      token: '/oauth2/v2.0/token',
      jwks: '/discovery/v2.0/keys',
      end_session: '/oauth2/v2.0/logout',
      userinfo: '/oidc/userinfo',
    },
    features: { rpInitiatedLogout: { enabled: true, logoutSource: signOutAtOnce } },
    ttl: {
      AccessToken: 3600,
      AuthorizationCode: 60,
      IdToken: 3600,
      Interaction: 3600,
      Session: 8 * 3600,
      Grant: 8 * 3600,
    },
    loadExistingGrant: grantRequestedScopes,
    findAccount: findStaffAccount,
  });
}

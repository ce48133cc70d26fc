// Entra ID's side of the Graph stand-in: a tenant's discovery document and keys, and the token endpoint's client
// credentials grant (a client secret, or a certificate's client assertion) that gives the app its Graph token,
// with Entra's AADSTS errors for what it refuses.
import type http from 'node:http';
import { randomUUID } from 'node:crypto';
import { SignJWT, decodeJwt, exportJWK, generateKeyPair, type CryptoKey, type JWK } from 'jose';
import {
  ENTRA_CLIENT_ID,
  ENTRA_CLIENT_SECRET,
  ENTRA_TENANT_ID,
  ENTRA_UNCONSENTED_CLIENT_ID,
  ENTRA_UNCONSENTED_CLIENT_SECRET,
  GRAPH_APP_ROLES,
} from '../credentials';
import { readBody } from '../stand-in-http/body';
import { sendJson } from '../stand-in-http/json';
import { safeDecode } from './graph-messages';
import type { GraphState } from './state';

export const GRAPH_AUDIENCE = 'https://graph.microsoft.com';
export const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';

export interface TokenKeys {
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  /** The public key as the tenant's keys endpoint publishes it. */
  publicJwk: JWK;
  kid: string;
}

export async function createTokenKeys(): Promise<TokenKeys> {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = randomUUID();
  const publicJwk: JWK = { ...(await exportJWK(publicKey)), kid, use: 'sig', alg: 'RS256' };
  return { privateKey, publicKey, publicJwk, kid };
}

/** The registered apps: the site's, consented to every role it needs, and one nobody consented to. */
const KNOWN_CLIENTS: Record<string, { secret: string; roles: readonly string[]; oid: string; name: string }> = {
  [ENTRA_CLIENT_ID]: {
    secret: ENTRA_CLIENT_SECRET,
    roles: GRAPH_APP_ROLES,
    oid: '44444444-5555-6666-7777-888888888888',
    name: 'tofaktor (local)',
  },
  [ENTRA_UNCONSENTED_CLIENT_ID]: {
    secret: ENTRA_UNCONSENTED_CLIENT_SECRET,
    roles: [],
    oid: '55555555-6666-7777-8888-999999999999',
    name: 'unconsented (local)',
  },
};

interface EntraAnswer {
  status: number;
  body: Record<string, unknown>;
}

function entraError(status: number, error: string, code: number, description: string): EntraAnswer {
  const traceId = randomUUID();
  const correlationId = randomUUID();
  const timestamp = new Date()
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, 'Z');
  return {
    status,
    body: {
      error,
      error_description: `AADSTS${code}: ${description} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
      error_codes: [code],
      timestamp,
      trace_id: traceId,
      correlation_id: correlationId,
      error_uri: `https://login.microsoftonline.com/error?code=${code}`,
    },
  };
}

const missing = (parameter: string) =>
  entraError(400, 'invalid_request', 900144, `The request body must contain the following parameter: '${parameter}'.`);

function tenantMetadata(base: string, tenant: string): Record<string, unknown> {
  return {
    token_endpoint: `${base}/${tenant}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    jwks_uri: `${base}/${tenant}/discovery/v2.0/keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer: `${base}/${tenant}/v2.0`,
    request_uri_parameter_supported: false,
    userinfo_endpoint: `${base}/oidc/userinfo`,
    authorization_endpoint: `${base}/${tenant}/oauth2/v2.0/authorize`,
    device_authorization_endpoint: `${base}/${tenant}/oauth2/v2.0/devicecode`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${base}/${tenant}/oauth2/v2.0/logout`,
    claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'auth_time', 'acr', 'nonce', 'tid', 'ver', 'oid'],
    kerberos_endpoint: `${base}/${tenant}/kerberos`,
    tenant_region_scope: 'EU',
    cloud_instance_name: 'microsoftonline.com',
    cloud_graph_host_name: 'graph.windows.net',
    msgraph_host: 'graph.microsoft.com',
    rbac_url: 'https://pas.windows.net',
  };
}

/** client_id and client_secret from the form, or from HTTP Basic authentication, which wins. */
function clientCredentials(req: http.IncomingMessage, form: URLSearchParams) {
  let clientId = form.get('client_id') ?? undefined;
  let clientSecret = form.get('client_secret') ?? undefined;
  const authz = req.headers.authorization;
  if (authz?.toLowerCase().startsWith('basic ')) {
    const decoded = Buffer.from(authz.slice(6), 'base64').toString('utf8');
    const i = decoded.indexOf(':');
    if (i > 0) {
      clientId = decodeURIComponent(decoded.slice(0, i));
      clientSecret = decodeURIComponent(decoded.slice(i + 1));
    }
  }
  return { clientId, clientSecret };
}

/**
 * The client's proof: its secret, or a client assertion. The stand-in does not know the certificate, so of an
 * assertion it checks the form and that it names the client; Entra's appidacr says which it was (1 or 2).
 */
function authenticateClient(
  form: URLSearchParams,
  clientId: string,
  clientSecret: string | undefined,
): EntraAnswer | { appidacr: '1' | '2' } {
  const assertion = form.get('client_assertion');
  if (clientSecret !== undefined) {
    if (clientSecret === KNOWN_CLIENTS[clientId]!.secret) return { appidacr: '1' };
    return entraError(
      401,
      'invalid_client',
      7000215,
      `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${clientId}'.`,
    );
  }
  if (!assertion) {
    return entraError(
      401,
      'invalid_client',
      7000218,
      "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
    );
  }
  if (form.get('client_assertion_type') !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer') {
    return entraError(
      400,
      'invalid_request',
      90014,
      "The request body must contain the following parameter: 'client_assertion_type'.",
    );
  }
  let claims: Record<string, unknown>;
  try {
    claims = decodeJwt(assertion) as Record<string, unknown>;
  } catch {
    return entraError(401, 'invalid_client', 50027, 'JWT token is invalid or malformed.');
  }
  if (claims.iss !== clientId || claims.sub !== clientId) {
    return entraError(
      401,
      'invalid_client',
      700021,
      "Client assertion application identifier doesn't match 'client_id' parameter.",
    );
  }
  return { appidacr: '2' };
}

/** The client credentials grant takes exactly one `{resource}/.default` scope, and the resource must be Graph. */
function checkScope(form: URLSearchParams, tenant: string): EntraAnswer | undefined {
  const scope = form.get('scope') ?? '';
  if (!scope) return missing('scope');
  const scopes = scope.split(' ').filter(Boolean);
  if (scopes.length !== 1 || !scopes[0]!.endsWith('/.default')) {
    return entraError(
      400,
      'invalid_scope',
      1002012,
      `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
    );
  }
  const resource = scopes[0]!.slice(0, -'/.default'.length).replace(/\/$/, '');
  if (resource === GRAPH_AUDIENCE || resource === GRAPH_APP_ID) return undefined;
  return entraError(
    400,
    'invalid_resource',
    500011,
    `The resource principal named ${resource} was not found in the tenant named ${tenant}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.`,
  );
}

/** The app-only access token Entra issues for Graph: v1.0 claims, the app's roles when it has any. */
async function accessToken(keys: TokenKeys, issuer: string, tenant: string, clientId: string, appidacr: string) {
  const client = KNOWN_CLIENTS[clientId]!;
  const iat = Math.floor(Date.now() / 1000);
  const payload: Record<string, unknown> = {
    aud: GRAPH_AUDIENCE,
    iss: issuer,
    iat,
    nbf: iat,
    exp: iat + 3599,
    app_displayname: client.name,
    appid: clientId,
    appidacr,
    idp: issuer,
    idtyp: 'app',
    oid: client.oid,
    sub: client.oid,
    tid: tenant,
    uti: randomUUID().replace(/-/g, '').slice(0, 22),
    ver: '1.0',
  };
  if (client.roles.length > 0) payload.roles = [...client.roles];
  return new SignJWT(payload).setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: keys.kid }).sign(keys.privateKey);
}

async function tokenEndpoint(
  keys: TokenKeys,
  base: string,
  tenant: string,
  req: http.IncomingMessage,
  form: URLSearchParams,
): Promise<EntraAnswer> {
  if (tenant !== ENTRA_TENANT_ID) {
    return entraError(
      400,
      'invalid_request',
      90002,
      `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`,
    );
  }
  const { clientId, clientSecret } = clientCredentials(req, form);
  const grantType = form.get('grant_type');
  if (!grantType) return missing('grant_type');
  if (grantType !== 'client_credentials') {
    return entraError(
      400,
      'unsupported_grant_type',
      70003,
      `The app requested an unsupported grant type '${grantType}'.`,
    );
  }
  if (!clientId) return missing('client_id');
  if (!KNOWN_CLIENTS[clientId]) {
    return entraError(
      400,
      'unauthorized_client',
      700016,
      `Application with identifier '${clientId}' was not found in the directory '${tenant}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
    );
  }
  const client = authenticateClient(form, clientId, clientSecret);
  if ('status' in client) return client;
  const badScope = checkScope(form, tenant);
  if (badScope) return badScope;
  const token = await accessToken(keys, `${base}/${tenant}/v2.0`, tenant, clientId, client.appidacr);
  return {
    status: 200,
    body: { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: token },
  };
}

const ENTRA_PATH =
  /^\/([^/]+)\/(v2\.0\/\.well-known\/openid-configuration|discovery\/v2\.0\/keys|oauth2\/v2\.0\/token)$/;

/**
 * /{tenant}/v2.0/.well-known/openid-configuration, /{tenant}/discovery/v2.0/keys and /{tenant}/oauth2/v2.0/token;
 * resolves to false for any other path.
 */
export async function answerEntra(
  context: { state: GraphState; keys: TokenKeys; base: string },
  req: http.IncomingMessage,
  res: http.ServerResponse,
  pathname: string,
): Promise<boolean> {
  const match = ENTRA_PATH.exec(pathname);
  if (!match) return false;
  const tenant = safeDecode(match[1]!);
  const what = match[2]!;
  let answer: EntraAnswer;
  if (what.startsWith('v2.0/.well-known')) {
    answer =
      tenant === ENTRA_TENANT_ID
        ? { status: 200, body: tenantMetadata(context.base, tenant) }
        : entraError(400, 'invalid_tenant', 90002, `Tenant '${tenant}' not found.`);
  } else if (what.startsWith('discovery')) {
    answer = { status: 200, body: { keys: [context.keys.publicJwk] } };
  } else if (req.method !== 'POST') {
    answer = entraError(405, 'invalid_request', 900561, 'The endpoint only accepts POST requests.');
  } else {
    const form = new URLSearchParams(await readBody(req));
    context.state.tokenRequests += 1;
    context.state.tokenRequestsSinceStart += 1;
    answer = await tokenEndpoint(context.keys, context.base, tenant, req, form);
    sendJson(res, answer.status, answer.body, { 'Cache-Control': 'no-store, no-cache', Pragma: 'no-cache' });
    return true;
  }
  sendJson(res, answer.status, answer.body);
  return true;
}

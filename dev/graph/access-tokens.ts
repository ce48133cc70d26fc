// Graph's check of the bearer token on every call: signed by the stand-in's Entra, for Graph, of our tenant, not
// expired; its app roles decide what the call may do (permissions.ts). The 401s carry Graph's own messages.
import { jwtVerify, errors as joseErrors } from 'jose';
import { ENTRA_TENANT_ID } from '../credentials';
import { GRAPH_APP_ID, GRAPH_AUDIENCE, type TokenKeys } from './entra-token';
import { graphError, type GraphRequest, type GraphResponse } from './graph-messages';

export type AuthResult = { ok: true; roles: string[] } | { ok: false; response: GraphResponse };

function failureMessage(err: unknown): string {
  if (err instanceof joseErrors.JWTExpired) return 'Lifetime validation failed, the token is expired.';
  if (err instanceof joseErrors.JWTClaimValidationFailed && err.claim === 'aud') {
    return 'Access token validation failure. Invalid audience.';
  }
  if (err instanceof joseErrors.JWSSignatureVerificationFailed) {
    return 'Access token validation failure. Invalid signature.';
  }
  if (err instanceof joseErrors.JWSInvalid || err instanceof joseErrors.JWTInvalid) {
    return 'IDX14100: JWT is not well formed, there are no dots (.).';
  }
  return 'Access token validation failure.';
}

export async function authenticate(req: GraphRequest, keys: TokenKeys, base: string): Promise<AuthResult> {
  const wwwAuth = {
    'WWW-Authenticate': `Bearer realm="", authorization_uri="${base}/common/oauth2/authorize", client_id="${GRAPH_APP_ID}"`,
  };
  const refuse = (message: string): AuthResult => ({
    ok: false,
    response: graphError(req, 401, 'InvalidAuthenticationToken', message, wwwAuth),
  });
  const header = req.headers.authorization;
  if (!header || !/^Bearer\s+\S+/i.test(header)) return refuse('Access token is empty.');
  const token = header.replace(/^Bearer\s+/i, '').trim();
  try {
    const { payload } = await jwtVerify(token, keys.publicKey, {
      algorithms: ['RS256'],
      audience: [GRAPH_AUDIENCE, GRAPH_APP_ID],
      clockTolerance: 5,
    });
    if (payload.tid !== ENTRA_TENANT_ID) return refuse('Access token validation failure. Invalid issuer.');
    const roles = Array.isArray(payload.roles) ? payload.roles.filter((r): r is string => typeof r === 'string') : [];
    return { ok: true, roles };
  } catch (err) {
    return refuse(failureMessage(err));
  }
}

// What the ID-porten and Entra ID stand-ins share as OpenID providers: a fresh signing key per start, the code flow
// with PKCE required, no development login pages of oidc-provider's own (each stand-in draws its login), and
// `/interaction/{uid}` as the login's address. Each stand-in adds its clients, claims, routes and lifetimes.

/* eslint-disable @typescript-eslint/no-explicit-any -- oidc-provider has no type declarations */

import { generateKeyPairSync, randomBytes, randomUUID, type KeyObject } from 'node:crypto';
import Provider from 'oidc-provider';

export interface SigningKey {
  /** The private key as a JWK with kid, use and alg: what oidc-provider signs ID tokens with. */
  jwk: Record<string, unknown>;
  /** For checking what the provider signed (an id_token_hint). */
  publicKey: KeyObject;
}

export function createSigningKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    jwk: { ...privateKey.export({ format: 'jwk' }), kid: randomUUID(), use: 'sig', alg: 'RS256' },
    publicKey,
  };
}

function interactionUrl(_ctx: any, interaction: any): string {
  return `/interaction/${interaction.uid}`;
}

/**
 * An oidc-provider instance with the settings both stand-ins share; `configuration` is oidc-provider's own, and
 * its `features` and `interactions` are merged into the shared ones rather than replacing them.
 */
export function createOidcProvider(issuer: string, signingKey: SigningKey, configuration: Record<string, any>): any {
  const provider = new Provider(issuer, {
    jwks: { keys: [signingKey.jwk] },
    // Sessions need not outlive the process, so a key per start is enough.
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    pkce: { required: () => true },
    conformIdTokenClaims: false,
    responseTypes: ['code'],
    subjectTypes: ['public'],
    ...configuration,
    features: {
      devInteractions: { enabled: false },
      userinfo: { enabled: true },
      ...configuration.features,
    },
    interactions: { url: interactionUrl, ...configuration.interactions },
  });
  // The stand-ins are reached directly; a forwarded header must not change the issuer's scheme or host.
  provider.proxy = false;
  return provider;
}

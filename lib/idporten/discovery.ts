// ID-porten's discovery document. No `server-only`: proxy.ts reads the login and logout origins from it
// for the CSP's form-action, and the document is public anyway.
import { z } from 'zod';
import { getConfig } from '@/lib/config';
import { discoveryDocument } from '@/lib/oidc-discovery';

const DiscoverySchema = z.object({
  issuer: z.string().url(),
  authorization_endpoint: z.string().url(),
  end_session_endpoint: z.string().url(),
});
export type IdportenDiscovery = z.infer<typeof DiscoverySchema>;

/** ID-porten's discovery document, fetched once per process (Auth.js fetches its own copy for login). */
export function getIdportenDiscovery(): Promise<IdportenDiscovery> {
  return discoveryDocument(getConfig().idporten.issuer, DiscoverySchema, { provider: 'ID-porten', timeoutMs: 5_000 });
}

const RETRY_AFTER_FAILURE_MS = 30_000;
const WAIT_FOR_DISCOVERY_MS = 1_500;
let knownOrigins: string[] | undefined;
let lastFailure = 0;

/**
 * The origins the login and logout forms end at (ID-porten's authorize and end-session endpoints, which
 * are not the issuer's origin in production: idporten.no vs login.idporten.no). While ID-porten cannot
 * be reached, the issuer's origin stands in, and pages are not held up waiting for it.
 */
export async function idportenFormActionOrigins(now = Date.now()): Promise<string[]> {
  if (knownOrigins) return knownOrigins;
  const fallback = [new URL(getConfig().idporten.issuer).origin];
  if (now - lastFailure < RETRY_AFTER_FAILURE_MS) return fallback;
  try {
    const document = await Promise.race([
      getIdportenDiscovery(),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), WAIT_FOR_DISCOVERY_MS).unref()),
    ]);
    knownOrigins = [
      ...new Set([
        ...fallback,
        new URL(document.authorization_endpoint).origin,
        new URL(document.end_session_endpoint).origin,
      ]),
    ];
    return knownOrigins;
  } catch {
    lastFailure = now;
    return fallback;
  }
}

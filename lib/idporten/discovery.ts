// ID-porten's discovery document. No `server-only`: proxy.ts reads the login and logout origins from it
// for the CSP's form-action, and the document is public anyway.
import { z } from 'zod';
import { getConfig } from '@/lib/config';

const DiscoverySchema = z.object({
  issuer: z.string().url(),
  authorization_endpoint: z.string().url(),
  end_session_endpoint: z.string().url(),
});
export type IdportenDiscovery = z.infer<typeof DiscoverySchema>;

let discovery: Promise<IdportenDiscovery> | undefined;

/** ID-porten's discovery document, fetched once per process (Auth.js fetches its own copy for login). */
export function getIdportenDiscovery(): Promise<IdportenDiscovery> {
  discovery ??= fetch(
    new URL('.well-known/openid-configuration', `${getConfig().idporten.issuer.replace(/\/$/, '')}/`),
    {
      signal: AbortSignal.timeout(5_000),
    },
  )
    .then(async (response) => {
      if (!response.ok) throw new Error(`ID-porten discovery answered ${response.status}`);
      return DiscoverySchema.parse(await response.json());
    })
    .catch((error: unknown) => {
      discovery = undefined; // try again on the next request rather than caching a failure
      throw error;
    });
  return discovery;
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

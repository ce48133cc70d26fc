import 'server-only';
import { z } from 'zod';
import { getConfig } from '@/lib/config';

const DiscoverySchema = z.object({
  issuer: z.string().url(),
  end_session_endpoint: z.string().url(),
});

let discovery: Promise<z.infer<typeof DiscoverySchema>> | undefined;

/** ID-porten's discovery document, fetched once per process (Auth.js fetches its own copy for login). */
export function getIdportenDiscovery() {
  discovery ??= fetch(new URL('.well-known/openid-configuration', `${getConfig().idporten.issuer.replace(/\/$/, '')}/`))
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

// App-only token for Graph (client credentials). One MSAL client per provider; MSAL's in-memory cache
// returns the same token until shortly before it expires, so the token endpoint is not called per request.
import 'server-only';
import { readFile } from 'node:fs/promises';
import { ConfidentialClientApplication, type Configuration } from '@azure/msal-node';
import type { Config } from '@/lib/config';
import { DirectoryError } from '@/lib/directory/errors';
import { logger } from '@/lib/log';

const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';
const PUBLIC_AUTHORITY_HOST = 'login.microsoftonline.com';

export type AppTokenProvider = { getToken(): Promise<string> };

type EntraConfig = Config['entra'];

export function createAppTokenProvider(entra: EntraConfig): AppTokenProvider {
  let client: Promise<ConfidentialClientApplication> | undefined;

  return {
    async getToken() {
      // A failed start (unreadable certificate, stand-in down) must not be cached for the life of the process.
      client ??= createClient(entra).catch((error: unknown) => {
        client = undefined;
        throw error;
      });
      try {
        const result = await (await client).acquireTokenByClientCredential({ scopes: [GRAPH_SCOPE] });
        if (!result?.accessToken) throw new DirectoryError('token', 0, 'noAccessToken', null);
        return result.accessToken;
      } catch (error) {
        if (error instanceof DirectoryError) throw error;
        const code =
          error && typeof error === 'object' && 'errorCode' in error ? String(error.errorCode) : 'tokenUnavailable';
        logger.warn({ errorCode: code }, 'Graph app token unavailable');
        throw new DirectoryError('token', 0, code, null);
      }
    },
  };
}

async function createClient(entra: EntraConfig): Promise<ConfidentialClientApplication> {
  const credential =
    entra.credential.kind === 'secret'
      ? { clientSecret: entra.credential.secret }
      : { clientCertificate: await readCertificate(entra.credential.path, entra.credential.thumbprint) };

  return new ConfidentialClientApplication({
    auth: { clientId: entra.clientId, ...credential, ...(await authorityFor(entra)) },
    system: { loggerOptions: { piiLoggingEnabled: false } },
  });
}

async function readCertificate(path: string, thumbprint: string) {
  const privateKey = await readFile(path, 'utf8');
  // 64 hex digits is SHA-256 (preferred by MSAL); 40 is the older SHA-1 thumbprint.
  return thumbprint.length === 64 ? { privateKey, thumbprintSha256: thumbprint } : { privateKey, thumbprint };
}

/** Entra ID's own authority hosts (public and national clouds), which MSAL knows and discovers itself. */
const MICROSOFT_AUTHORITY_HOSTS = new Set([
  'login.microsoftonline.com',
  'login.microsoftonline.us',
  'login.chinacloudapi.cn',
  'login.partner.microsoftonline.cn',
]);

/**
 * MSAL refuses http authorities, and for an https host it does not know it asks login.microsoftonline.com
 * (instance discovery) first. For a stand-in on either scheme we keep the public https authority and hand MSAL
 * the stand-in's metadata, so its only request is the POST to the stand-in's token endpoint.
 */
async function authorityFor(
  entra: EntraConfig,
): Promise<Pick<Configuration['auth'], 'authority' | 'authorityMetadata' | 'knownAuthorities'>> {
  const host = new URL(entra.authorityHost);
  if (host.protocol === 'https:' && MICROSOFT_AUTHORITY_HOSTS.has(host.hostname)) {
    return { authority: `${entra.authorityHost}/${entra.tenantId}` };
  }

  const metadataUrl = `${entra.authorityHost}/${entra.tenantId}/v2.0/.well-known/openid-configuration`;
  const response = await fetch(metadataUrl).catch(() => null);
  if (!response?.ok) throw new DirectoryError('token', response?.status ?? 0, 'authorityMetadataUnavailable', null);
  return {
    authority: `https://${PUBLIC_AUTHORITY_HOST}/${entra.tenantId}`,
    authorityMetadata: JSON.stringify(await response.json()),
    knownAuthorities: [PUBLIC_AUTHORITY_HOST],
  };
}

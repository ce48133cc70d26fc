// The site as a university's operations team deploys it: nginx terminating TLS for the public origin on port 443,
// the standalone server behind it bound to an address of the operator's choice (HOSTNAME), the stand-ins on
// https. Used by the production-shape tests (tests/e2e-tls), which run in a private network and mount namespace
// (tests/e2e/run-e2e.ts) where `tofaktor.test` resolves to the loopback address and port 443 is free.
import path from 'node:path';
import { ENTRA_TENANT_ID, ENTRA_STANDIN_DEFAULT_PORT, GRAPH_DEFAULT_PORT, IDPORTEN_DEFAULT_PORT } from '../credentials';
import { localSiteEnv } from '../local-env';
import { nginxConfigFile } from '../testing/nginx';

export const PUBLIC_HOST = 'tofaktor.test';
export const PUBLIC_ORIGIN = `https://${PUBLIC_HOST}`;
export const SITE_PORT = 3000;
export const TLS_DIR = 'data/tls';

/** The bind addresses the production shape is tested with; `::` only where loopback has IPv6. */
export type BindAddress = '127.0.0.1' | '0.0.0.0' | '::';

export function certificatePaths(dir = TLS_DIR) {
  const absolute = path.resolve(dir);
  return {
    caFile: path.join(absolute, 'ca.pem'),
    keyFile: path.join(absolute, 'server.key'),
    certFile: path.join(absolute, 'server.pem'),
  };
}

/** Where nginx finds the site: the loopback address of the bind's family. */
export function upstreamFor(bind: BindAddress): string {
  return bind === '::' ? `[::1]:${SITE_PORT}` : `127.0.0.1:${SITE_PORT}`;
}

export const standInOrigins = {
  idporten: `https://127.0.0.1:${IDPORTEN_DEFAULT_PORT}`,
  graph: `https://127.0.0.1:${GRAPH_DEFAULT_PORT}`,
  entra: `https://127.0.0.1:${ENTRA_STANDIN_DEFAULT_PORT}`,
} as const;

/** The site's settings in production shape: every origin on https, nginx trusted as the only proxy. */
export function productionSiteEnv(bind: BindAddress, pgliteDir: string): Record<string, string> {
  const { caFile } = certificatePaths();
  return localSiteEnv({
    APP_ORIGIN: PUBLIC_ORIGIN,
    IDPORTEN_ISSUER: standInOrigins.idporten,
    IDPORTEN_ACR: 'idporten-loa-high',
    ENTRA_AUTHORITY_HOST: standInOrigins.graph,
    GRAPH_BASE_URL: standInOrigins.graph,
    CONSOLE_ENTRA_ISSUER: `${standInOrigins.entra}/${ENTRA_TENANT_ID}/v2.0`,
    TRUSTED_PROXIES: 'loopback',
    NODE_EXTRA_CA_CERTS: caFile,
    PGLITE_DIR: pgliteDir,
    DATABASE_URL: '',
    HOSTNAME: bind,
    PORT: String(SITE_PORT),
    SERVICE_DESK_URL: 'https://www.oslomet.no/',
  });
}

/** nginx as the TLS-terminating reverse proxy, in the foreground, writing only under `dir`. */
export function nginxConfig(dir: string, bind: BindAddress): string {
  const { keyFile, certFile } = certificatePaths();
  return nginxConfigFile(
    dir,
    `  server {
    listen 127.0.0.1:443 ssl;
    listen [::1]:443 ssl;
    server_name ${PUBLIC_HOST};
    ssl_certificate ${certFile};
    ssl_certificate_key ${keyFile};
    ssl_protocols TLSv1.2 TLSv1.3;
    location / {
      proxy_pass http://${upstreamFor(bind)};
      proxy_http_version 1.1;
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-Host $host;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header Connection "";
      # A login's response headers (the CSP, a Location with PKCE/state/nonce, the login cookies) pass 4 KB,
      # nginx's default buffer on x86_64: without this it answers 502 "upstream sent too big header".
      proxy_buffer_size 16k;
      proxy_buffers 8 16k;
    }
  }`,
  );
}

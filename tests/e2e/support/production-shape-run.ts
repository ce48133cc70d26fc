// Runs tests/e2e-tls once per bind address, each time in a private network and mount namespace: loopback up,
// port 443 free for nginx, and /etc/hosts replaced (inside that namespace only) so that tofaktor.test is the
// loopback address for the test runner, the site and Chromium alike. A fresh test CA and certificate per run.
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { makeTestCertificates } from '../../../dev/tls/certificates';
import { ensureNginx } from '../../../dev/testing/nginx';
import {
  PUBLIC_HOST,
  PUBLIC_ORIGIN,
  standInOrigins,
  TLS_DIR,
  type BindAddress,
} from '../../../dev/tls/production-shape';

/** unshare as root, or in a user namespace that maps us to root where we are not. */
function namespaceCommand(script: string): [string, string[]] {
  const asRoot = process.getuid?.() === 0;
  return ['unshare', [...(asRoot ? [] : ['-r']), '-n', '-m', 'sh', '-c', script]];
}

function loopbackHasIpv6(): boolean {
  const [command, args] = namespaceCommand('ip link set lo up && ip -6 addr show dev lo');
  const result = spawnSync(command, args, { encoding: 'utf8' });
  return result.status === 0 && result.stdout.includes('::1');
}

export function runProductionShape(files: string[]): number {
  ensureNginx();
  rmSync(TLS_DIR, { recursive: true, force: true });
  const certificates = makeTestCertificates(TLS_DIR, [PUBLIC_HOST]);
  const hostsFile = path.resolve(TLS_DIR, 'hosts');
  writeFileSync(hostsFile, `127.0.0.1 localhost ${PUBLIC_HOST}\n::1 localhost ${PUBLIC_HOST}\n`);

  const binds: BindAddress[] = ['127.0.0.1', '0.0.0.0'];
  if (loopbackHasIpv6()) binds.push('::');
  else console.log('Loopback has no IPv6 here: the production shape is not tested with HOSTNAME=::');

  for (const bind of binds) {
    console.log(`\nHOSTNAME=${bind}, behind nginx on ${PUBLIC_ORIGIN}`);
    const script = [
      'ip link set lo up',
      `mount --bind ${JSON.stringify(hostsFile)} /etc/hosts`,
      `exec npx playwright test -c playwright.tls.config.ts ${files.map((file) => JSON.stringify(file)).join(' ')}`,
    ].join(' && ');
    const [command, args] = namespaceCommand(script);
    const result = spawnSync(command, args, {
      stdio: 'inherit',
      env: {
        ...process.env,
        TLS_BIND: bind,
        NODE_EXTRA_CA_CERTS: certificates.caFile,
        E2E_SITE_ORIGIN: PUBLIC_ORIGIN,
        E2E_GRAPH_ORIGIN: standInOrigins.graph,
      },
    });
    if (result.status !== 0) return result.status ?? 1;
  }
  return 0;
}

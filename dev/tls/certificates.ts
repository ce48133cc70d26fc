// A certificate authority and one server certificate made at test time with openssl, for the production-shape
// tests: nginx terminates TLS for the public origin with it, and the stand-ins serve https with it. Nothing here
// is committed or reused: every run makes a new key pair in a folder of its own.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export type TestCertificates = {
  dir: string;
  /** The CA certificate (PEM): NODE_EXTRA_CA_CERTS for the site and the test runner. */
  caFile: string;
  keyFile: string;
  certFile: string;
};

function openssl(args: string[], cwd: string): void {
  const result = spawnSync('openssl', args, { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`openssl ${args[0]} failed: ${result.stderr}`);
}

/** Makes a CA and a certificate for `hostNames` and the loopback addresses, valid for one day. */
export function makeTestCertificates(dir: string, hostNames: string[]): TestCertificates {
  mkdirSync(dir, { recursive: true });
  const subjectAltName = [...hostNames.map((name) => `DNS:${name}`), 'IP:127.0.0.1', 'IP:::1'].join(',');
  writeFileSync(
    path.join(dir, 'server.ext'),
    `basicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\nsubjectAltName=${subjectAltName}\n`,
  );
  openssl(['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', 'ca.key'], dir);
  openssl(
    [
      'req',
      '-x509',
      '-new',
      '-key',
      'ca.key',
      '-sha256',
      '-days',
      '1',
      '-subj',
      '/CN=tofaktor test CA',
      '-out',
      'ca.pem',
    ],
    dir,
  );
  openssl(['ecparam', '-name', 'prime256v1', '-genkey', '-noout', '-out', 'server.key'], dir);
  openssl(['req', '-new', '-key', 'server.key', '-subj', `/CN=${hostNames[0]}`, '-out', 'server.csr'], dir);
  openssl(
    [
      'x509',
      '-req',
      '-in',
      'server.csr',
      '-CA',
      'ca.pem',
      '-CAkey',
      'ca.key',
      '-CAcreateserial',
      '-days',
      '1',
      '-sha256',
      '-extfile',
      'server.ext',
      '-out',
      'server.pem',
    ],
    dir,
  );
  const keyFile = path.join(dir, 'server.key');
  return {
    dir,
    caFile: path.join(dir, 'ca.pem'),
    keyFile,
    certFile: path.join(dir, 'server.pem'),
  };
}

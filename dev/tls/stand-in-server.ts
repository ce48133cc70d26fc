// The stand-ins listen on plain http by default and on https when given a key and certificate, as ID-porten,
// Entra ID and Graph do in production (the production-shape tests trust the test CA through NODE_EXTRA_CA_CERTS).
import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';

export type StandInTls = { keyFile: string; certFile: string };

/** `STANDIN_TLS_KEY_FILE` + `STANDIN_TLS_CERT_FILE`: both set → https, neither → http. */
export function standInTlsFromEnv(env: NodeJS.ProcessEnv = process.env): StandInTls | undefined {
  const keyFile = env.STANDIN_TLS_KEY_FILE?.trim();
  const certFile = env.STANDIN_TLS_CERT_FILE?.trim();
  if (!keyFile && !certFile) return undefined;
  if (!keyFile || !certFile) throw new Error('set both STANDIN_TLS_KEY_FILE and STANDIN_TLS_CERT_FILE, or neither');
  return { keyFile, certFile };
}

export function createStandInServer(
  listener: http.RequestListener,
  tls: StandInTls | undefined,
): { server: http.Server; scheme: 'http' | 'https' } {
  if (!tls) return { server: http.createServer(listener), scheme: 'http' };
  const options = { key: readFileSync(tls.keyFile), cert: readFileSync(tls.certFile) };
  return { server: https.createServer(options, listener), scheme: 'https' };
}

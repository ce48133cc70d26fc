// The client's address for the per-address limit, from trusted proxies only. The socket's peer comes from the
// standalone entry (server/start.cjs), which overwrites any copy a client sends. Without TRUSTED_PROXIES that
// peer is the client, whatever X-Forwarded-For or X-Real-IP say. With it, proxy-addr walks X-Forwarded-For from
// the right and stops at the first address not trusted; X-Real-IP is read only when CLIENT_ADDRESS_HEADER names
// it, and only from a trusted peer.
import { isIP } from 'node:net';
import type { IncomingMessage } from 'node:http';
import proxyAddr from 'proxy-addr';
import type { Config } from '@/lib/config';
import { SOCKET_ADDRESS_HEADER } from '@/lib/lifecycle';

type HeaderReader = { get(name: string): string | null };
type TrustFunction = (address: string, hop: number) => boolean;

const compiled = new Map<string, TrustFunction>();

function trustFunction(setting: string): TrustFunction {
  let trust = compiled.get(setting);
  if (!trust) {
    // A hop count trusts that many proxies in front of the server, whatever their addresses.
    trust = /^\d+$/.test(setting)
      ? (
          (hops: number) => (_address: string, hop: number) =>
            hop < hops
        )(Number(setting))
      : proxyAddr.compile(setting.split(',').map((entry) => entry.trim()));
    compiled.set(setting, trust);
  }
  return trust;
}

/** 'unknown' when there is no socket address (under `next dev`, which has no entry): one shared bucket. */
export function clientAddressFrom(headers: HeaderReader, settings: Config['clientAddress']): string {
  const peer = headers.get(SOCKET_ADDRESS_HEADER)?.trim();
  if (!peer) return 'unknown';
  if (!settings.trustedProxies) return peer;
  const trust = trustFunction(settings.trustedProxies);

  if (settings.header === 'x-real-ip') {
    const realIp = headers.get('x-real-ip')?.trim() ?? '';
    return trust(peer, 0) && isIP(realIp) ? realIp : peer;
  }
  const forwardedFor = headers.get('x-forwarded-for') ?? undefined;
  const request = {
    connection: { remoteAddress: peer },
    socket: { remoteAddress: peer },
    headers: { 'x-forwarded-for': forwardedFor },
  };
  return proxyAddr(request as unknown as IncomingMessage, trust);
}

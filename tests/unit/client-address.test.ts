/** @jest-environment node */
// The client's address comes from the socket unless a proxy is configured as trusted.
import { parse } from '@/lib/config';
import { clientAddressFrom } from '@/lib/client-address';
import { SOCKET_ADDRESS_HEADER } from '@/lib/lifecycle';
import { localSiteEnv } from '../../dev/local-env';

const request = (peer: string | null, extra: Record<string, string> = {}) =>
  new Headers({ ...(peer ? { [SOCKET_ADDRESS_HEADER]: peer } : {}), ...extra });

const noProxy = { trustedProxies: undefined, header: 'x-forwarded-for' as const };

describe('client address', () => {
  it('without trusted proxies is the socket peer, whatever X-Forwarded-For and X-Real-IP say', () => {
    const headers = request('198.51.100.4', { 'x-forwarded-for': '1.2.3.4, 5.6.7.8', 'x-real-ip': '9.9.9.9' });
    expect(clientAddressFrom(headers, noProxy)).toBe('198.51.100.4');
    expect(clientAddressFrom(headers, { trustedProxies: undefined, header: 'x-real-ip' })).toBe('198.51.100.4');
  });

  it('with a trusted proxy is the right-most X-Forwarded-For entry that is not a trusted proxy', () => {
    const settings = { trustedProxies: '10.0.0.0/8, loopback', header: 'x-forwarded-for' as const };
    // A client-written entry (6.6.6.6) to the left of what the proxies appended is ignored.
    expect(
      clientAddressFrom(request('10.1.2.3', { 'x-forwarded-for': '6.6.6.6, 203.0.113.9, 10.0.0.5' }), settings),
    ).toBe('203.0.113.9');
    // A peer that is not a trusted proxy is the client, even if it sends X-Forwarded-For.
    expect(clientAddressFrom(request('198.51.100.4', { 'x-forwarded-for': '6.6.6.6' }), settings)).toBe('198.51.100.4');
  });

  it('with a hop count trusts that many proxies, whatever their addresses', () => {
    const settings = { trustedProxies: '1', header: 'x-forwarded-for' as const };
    expect(clientAddressFrom(request('192.0.2.1', { 'x-forwarded-for': '6.6.6.6, 203.0.113.9' }), settings)).toBe(
      '203.0.113.9',
    );
  });

  it('reads X-Real-IP only when configured, and only from a trusted peer', () => {
    const settings = { trustedProxies: 'loopback', header: 'x-real-ip' as const };
    expect(clientAddressFrom(request('127.0.0.1', { 'x-real-ip': '203.0.113.9' }), settings)).toBe('203.0.113.9');
    expect(clientAddressFrom(request('198.51.100.4', { 'x-real-ip': '203.0.113.9' }), settings)).toBe('198.51.100.4');
    expect(clientAddressFrom(request('127.0.0.1', { 'x-real-ip': 'not an address' }), settings)).toBe('127.0.0.1');
    // Configured for X-Forwarded-For, X-Real-IP is not read at all.
    const forwarded = { trustedProxies: 'loopback', header: 'x-forwarded-for' as const };
    expect(clientAddressFrom(request('127.0.0.1', { 'x-real-ip': '203.0.113.9' }), forwarded)).toBe('127.0.0.1');
  });

  it('without a socket address (next dev, no entry) is one shared bucket', () => {
    expect(clientAddressFrom(request(null, { 'x-forwarded-for': '6.6.6.6' }), noProxy)).toBe('unknown');
  });

  it('configuration names a malformed TRUSTED_PROXIES or CLIENT_ADDRESS_HEADER', () => {
    const parsed = parse(
      'full',
      localSiteEnv({ TRUSTED_PROXIES: '10.0.0.0/99, proxy.example', CLIENT_ADDRESS_HEADER: 'forwarded' }),
    );
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.problems.join('\n')).toMatch(/^TRUSTED_PROXIES: must be a hop count/m);
      expect(parsed.problems.join('\n')).toMatch(/^CLIENT_ADDRESS_HEADER: must be one of x-forwarded-for, x-real-ip/m);
    }
    const good = parse('full', localSiteEnv({ TRUSTED_PROXIES: '10.0.0.0/8,loopback', RECORDS_RETENTION_DAYS: '30' }));
    expect(good.ok && good.config.clientAddress.trustedProxies).toBe('10.0.0.0/8,loopback');
    expect(good.ok && good.config.retention.recordsDays).toBe(30);
  });
});

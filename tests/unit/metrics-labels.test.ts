/** @jest-environment node */
// Every label of the site's metrics is a closed vocabulary: whatever a caller passes, a value outside its list is
// counted as "other", so a national id, an account id, an address or a pass can never become a series.
import {
  closedLabel,
  countAttempt,
  countLoginFailure,
  countNotMeLockdown,
  countRefusal,
  metrics,
  observeGraphCall,
  statusClass,
} from '@/lib/metrics/metrics';

describe('metric labels', () => {
  it('keeps a known value and maps anything else to "other"', () => {
    expect(closedLabel(['no-account', 'stale-login'] as const, 'stale-login')).toBe('stale-login');
    expect(closedLabel(['no-account'] as const, '04866110781')).toBe('other');
    expect(closedLabel(['no-account'] as const, undefined)).toBe('other');
    expect(closedLabel(['no-account'] as const, { toString: () => 'no-account' })).toBe('other');
  });

  it('turns HTTP statuses into classes, and no answer into "no-response"', () => {
    expect([200, 204, 404, 429, 503, 0, 42, NaN].map(statusClass)).toEqual([
      '2xx',
      '2xx',
      '4xx',
      '4xx',
      '5xx',
      'no-response',
      'no-response',
      'no-response',
    ]);
  });

  it('never lets what a caller passes into the text', async () => {
    const secrets = ['04866110781', 'kari.nordmann@oslomet.no', 'd1d1d1d1-0000-4000-8000-000000000108', 'Tap!9xQ'];
    for (const secret of secrets) {
      countAttempt(secret as never, secret);
      countRefusal(secret as never, secret as never, secret);
      countLoginFailure(secret);
      observeGraphCall(secret, 200, 0.1);
    }
    const text = await metrics().registry.metrics();
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(text).toContain('tofaktor_reset_attempts_total{channel="other",outcome="other"} 4');
    expect(text).toContain('tofaktor_logins_failed_total{reason="other"} 4');
  });

  it('starts every series an alert counts on at 0, so the first failure after a start is an increase', async () => {
    const text = await metrics().registry.metrics();
    for (const series of [
      'tofaktor_notices_total{channel="self-service",result="failed"}',
      'tofaktor_notices_total{channel="service-desk",result="failed"}',
      'tofaktor_reset_attempts_total{channel="service-desk",outcome="partial"}',
      'tofaktor_rate_limit_hits_total{limit="agent"}',
      'tofaktor_logins_failed_total{reason="unavailable"}',
      'tofaktor_not_me_lockdowns_total{channel="service-desk"}',
      'tofaktor_passes_issued_total{channel="self-service"}',
    ])
      expect(text).toContain(`${series} 0`);
  });

  it('counts a "this wasn\'t me" lock-down by the channel of the reset undone, anything else as "other"', async () => {
    countNotMeLockdown('service-desk');
    countNotMeLockdown('04866110781' as never);
    const text = await metrics().registry.metrics();
    expect(text).toContain('tofaktor_not_me_lockdowns_total{channel="service-desk"} 1');
    expect(text).toContain('tofaktor_not_me_lockdowns_total{channel="other"} 1');
    expect(text).not.toContain('04866110781');
  });

  it('is one registry per process, however many copies of the module are loaded', () => {
    const first = metrics();
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const copy = require('@/lib/metrics/metrics') as typeof import('@/lib/metrics/metrics');
      expect(copy.metrics()).toBe(first);
    });
  });
});

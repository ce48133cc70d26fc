import { formatDate, formatDateTime } from '@/lib/i18n/date-format';
import { composeNotice } from '@/lib/reset/notice';

// 19:37 UTC on 2 December 2026 is 20:37 in Oslo (winter time).
const moment = new Date('2026-12-02T19:37:00Z');

describe('dates and times in each language', () => {
  it('writes English the British way, not the US way', () => {
    expect(formatDateTime('en', moment)).toBe('2 December 2026, 20:37');
    expect(formatDate('en', moment)).toBe('2 December 2026');
  });

  it('writes bokmål and nynorsk as Norwegian does', () => {
    expect(formatDateTime('nb', moment)).toBe('2. desember 2026 kl. 20:37');
    expect(formatDateTime('nn', moment)).toBe('2. desember 2026 kl. 20:37');
    expect(formatDate('nb', moment)).toBe('2. desember 2026');
  });

  it('uses Norwegian time in summer too', () => {
    expect(formatDateTime('en', new Date('2026-07-01T06:05:00Z'))).toBe('1 July 2026, 08:05');
  });

  it('puts the British date in the English notice e-mail', () => {
    const { text } = composeNotice(
      {
        locale: 'en',
        displayName: 'Kari Nordmann',
        removed: [],
        at: moment,
        reference: 'ref-1',
        serviceDesk: { url: 'https://www.oslomet.no/' },
      },
      [],
    );
    expect(text).toContain('was reset on 2 December 2026, 20:37.');
    expect(text).not.toMatch(/December 2, 2026|PM/);
  });
});

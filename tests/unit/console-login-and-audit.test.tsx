/** @jest-environment node */
// The console's rules for a staff login, the audit filter parsing, and the statistics: computed counts, and the
// chart's bars against the table's cells rendered from the same numbers.
import { renderToStaticMarkup } from 'react-dom/server';
import {
  StatisticsChart,
  StatisticsNarrowChart,
  StatisticsTable,
  type StatisticsLabels,
} from '@/components/console/statistics-chart';
import { filterRange, parseAuditFilter } from '@/lib/console/audit-filter';
import { isFreshLogin, judgeStaffLogin, StaffClaimsSchema } from '@/lib/console/console-token';
import { computeStatistics, type StatisticsRecord } from '@/lib/console/statistics';
import { OUTCOMES } from '@/lib/records/vocabulary';

const TENANT = '11111111-2222-3333-4444-555555555555';
const claims = (overrides: Record<string, unknown> = {}) =>
  StaffClaimsSchema.parse({
    tid: TENANT,
    oid: 'oid-1',
    preferred_username: 'anne@oslomet.no',
    name: 'Anne',
    roles: ['ServiceDesk.Agent'],
    amr: ['pwd', 'mfa'],
    iat: 1_800_000_000,
    ...overrides,
  });

describe('staff login', () => {
  it('accepts our tenant with MFA and a console role, keeping the roles it knows', () => {
    const verdict = judgeStaffLogin(
      claims({ roles: ['ServiceDesk.Agent', 'ServiceDesk.Auditor', 'Other.Role'], auth_time: 1_799_999_000 }),
      TENANT,
    );
    expect(verdict).toEqual({
      ok: true,
      token: {
        kind: 'console',
        oid: 'oid-1',
        tid: TENANT,
        username: 'anne@oslomet.no',
        name: 'Anne',
        roles: ['agent', 'auditor'],
        mfa: true,
        authTime: 1_799_999_000,
      },
    });
  });

  it('refuses another tenant, a login without MFA and a login without a console role', () => {
    expect(judgeStaffLogin(claims({ tid: '99999999-2222-3333-4444-555555555555' }), TENANT)).toEqual({
      ok: false,
      reason: 'wrong-tenant',
    });
    expect(judgeStaffLogin(claims({ amr: ['pwd'] }), TENANT)).toEqual({ ok: false, reason: 'no-mfa' });
    expect(judgeStaffLogin(claims({ amr: undefined }), TENANT)).toEqual({ ok: false, reason: 'no-mfa' });
    expect(judgeStaffLogin(claims({ roles: undefined }), TENANT)).toEqual({ ok: false, reason: 'no-role' });
    expect(judgeStaffLogin(claims({ roles: ['servicedesk.agent'] }), TENANT)).toEqual({ ok: false, reason: 'no-role' });
  });

  it('falls back to the token time when Entra sends no auth_time, and judges freshness with a little skew', () => {
    const verdict = judgeStaffLogin(claims(), TENANT);
    expect(verdict.ok && verdict.token.authTime).toBe(1_800_000_000);
    const now = new Date(1_800_000_000 * 1000);
    expect(isFreshLogin(1_800_000_000 - 900, 900, now)).toBe(true);
    expect(isFreshLogin(1_800_000_000 - 901, 900, now)).toBe(false);
    expect(isFreshLogin(1_800_000_000 + 120, 900, now)).toBe(false);
  });
});

describe('audit filter', () => {
  it('keeps valid filters and drops malformed ones, saying so', () => {
    expect(
      parseAuditFilter({
        outcome: 'refused',
        channel: 'service-desk',
        from: '2026-11-01',
        to: '2026-11-03',
        username: 'kari.nord@oslomet.no',
      }),
    ).toEqual({
      outcome: 'refused',
      channel: 'service-desk',
      from: '2026-11-01',
      to: '2026-11-03',
      username: 'kari.nord@oslomet.no',
      invalid: false,
    });
    const bad = parseAuditFilter({
      outcome: "success' or 1=1",
      channel: 'phone',
      from: '2026-13-45',
      username: 'no at sign',
    });
    expect(bad).toEqual({
      outcome: undefined,
      channel: undefined,
      from: undefined,
      to: undefined,
      username: undefined,
      invalid: true,
    });
    expect(parseAuditFilter({})).toMatchObject({ invalid: false });
  });

  it('takes the "to" day whole', () => {
    expect(filterRange({ from: '2026-11-01', to: '2026-11-03' })).toEqual({
      from: new Date('2026-11-01T00:00:00Z'),
      to: new Date('2026-11-04T00:00:00Z'),
    });
  });
});

describe('statistics', () => {
  const now = new Date('2026-11-25T15:00:00Z');
  const at = (day: string) => new Date(`${day}T10:00:00Z`);
  const records: StatisticsRecord[] = [
    ...Array.from({ length: 3 }, () => ({
      createdAt: at('2026-11-25'),
      outcome: 'success' as const,
      channel: 'self-service' as const,
      reason: null,
    })),
    { createdAt: at('2026-11-25'), outcome: 'partial', channel: 'service-desk', reason: 'default-method' },
    { createdAt: at('2026-11-20'), outcome: 'failed', channel: 'service-desk', reason: 'remove-method: 500' },
    { createdAt: at('2026-11-20'), outcome: 'refused', channel: 'self-service', reason: 'stale-login' },
    { createdAt: at('2026-11-19'), outcome: 'refused', channel: 'service-desk', reason: 'protected-account' },
    { createdAt: at('2026-11-19'), outcome: 'refused', channel: 'service-desk', reason: 'protected-account' },
    { createdAt: at('2026-10-27'), outcome: 'success', channel: 'self-service', reason: null }, // the first of the 30 days
    { createdAt: at('2026-10-26'), outcome: 'success', channel: 'self-service', reason: null }, // a day too old
  ];

  it('counts per day by outcome and channel over exactly 30 days, with reasons and shares', () => {
    const stats = computeStatistics(records, now);
    expect(stats.days).toHaveLength(30);
    expect([stats.from, stats.to]).toEqual(['2026-10-27', '2026-11-25']);
    expect(stats.total).toBe(9);
    const today = stats.days.at(-1)!;
    expect(today.byOutcome).toEqual({
      success: 3,
      partial: 1,
      failed: 0,
      refused: 0,
      'nothing-to-remove': 0,
      'in-progress': 0,
      interrupted: 0,
    });
    expect(today.byChannel).toEqual({ 'self-service': 3, 'service-desk': 1 });
    expect(stats.refusalReasons).toEqual([
      { reason: 'protected-account', count: 2 },
      { reason: 'stale-login', count: 1 },
    ]);
    expect(stats.resets).toBe(6);
    expect(stats.partialShare).toBe(16.7);
    expect(stats.failedShare).toBe(16.7);
  });

  it('draws each bar with its table cell count, heights in proportion', () => {
    const stats = computeStatistics(records, now);
    const outcomes = {
      success: 'OK',
      partial: 'Partial',
      failed: 'Failed',
      refused: 'Refused',
      'nothing-to-remove': 'Nothing',
      'in-progress': 'In progress',
      interrupted: 'Interrupted',
    };
    const labels: StatisticsLabels = {
      chartTitle: 'Chart',
      chartDescription: 'Bars',
      tableCaption: 'Table',
      day: 'Day',
      total: 'Total',
      outcomes,
      channels: { 'self-service': 'Self', 'service-desk': 'Desk' },
      narrowHint: 'One line a day',
      dayCount: (count) => `${count} attempts`,
    };
    const svg = renderToStaticMarkup(<StatisticsChart stats={stats} labels={labels} />);
    const table = renderToStaticMarkup(<StatisticsTable stats={stats} labels={labels} />);
    expect(svg).not.toContain('style=');
    const bars = [
      ...svg.matchAll(/<rect data-day="([^"]+)" data-outcome="([^"]+)" data-count="(\d+)"[^>]*height="([\d.]+)"/g),
    ].map((m) => ({ day: m[1], outcome: m[2], count: Number(m[3]), height: Number(m[4]) }));
    const cells = [...table.matchAll(/<tr data-day="([^"]+)">(.*?)<\/tr>/g)].flatMap((row) =>
      [...row[2]!.matchAll(/data-outcome="([^"]+)">(\d+)</g)].map((cell) => ({
        day: row[1],
        outcome: cell[1],
        count: Number(cell[2]),
      })),
    );
    expect(cells).toHaveLength(30 * OUTCOMES.length);
    for (const cell of cells)
      expect(bars.find((bar) => bar.day === cell.day && bar.outcome === cell.outcome)?.count ?? 0).toBe(cell.count);
    expect(bars.reduce((sum, bar) => sum + bar.count, 0)).toBe(stats.total);
    const perUnit = bars[0]!.height / bars[0]!.count;
    for (const bar of bars) expect(bar.height).toBeCloseTo(bar.count * perUnit, 1);

    // The narrow screens' lines: the day's total as text, the bar as long as the total in proportion to the busiest day.
    const narrow = renderToStaticMarkup(<StatisticsNarrowChart stats={stats} labels={labels} />);
    expect(narrow).not.toContain('style=');
    const lines = [...narrow.matchAll(/<li data-day="([^"]+)"[^>]*>(.*?)<\/li>/g)];
    expect(lines).toHaveLength(30);
    const busiest = Math.max(...stats.days.map((day) => day.total));
    for (const [, day, inner] of lines) {
      const total = stats.days.find((row) => row.day === day)!.total;
      expect(inner).toContain(`${total} attempts`);
      const width = [...inner!.matchAll(/width="([\d.]+)"/g)].reduce((sum, m) => sum + Number(m[1]), 0);
      expect(width).toBeCloseTo((total / busiest) * 100, 0);
    }
  });
});

// Done when 4 (issue 10): with a seeded set of records (support/console-seed.ts, written before the site starts),
// the audit view's filters and the statistics table show exactly the seeded counts, and the chart's bars match the
// table cell for cell.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { consolePaths, loginToConsole } from './support/console';
import { SEED_FILE, SEED_ROWS } from './support/console-seed';

const seededDays = () => (JSON.parse(readFileSync(SEED_FILE, 'utf8')) as { days: Record<string, string> }).days;
const seeded = (filter: (row: (typeof SEED_ROWS)[number]) => boolean) =>
  SEED_ROWS.filter(filter).reduce((total, row) => total + row.count, 0);

async function auditCount(page: Page, query: Record<string, string>) {
  await page.goto(`${consolePaths.audit.nb}?${new URLSearchParams(query)}`);
  return Number(await page.getByTestId('audit-count').getAttribute('data-count'));
}

test('the audit view filters by channel, outcome and date range to exactly the seeded attempts', async ({ page }) => {
  const days = seededDays();
  await loginToConsole(page, 'auditor');
  const range = { from: days['8']!, to: days['3']! };
  expect(await auditCount(page, { channel: 'service-desk', ...range })).toBe(
    seeded((row) => row.channel === 'service-desk'),
  );
  expect(await auditCount(page, { channel: 'self-service', ...range })).toBe(
    seeded((row) => row.channel === 'self-service'),
  );
  expect(await auditCount(page, { outcome: 'refused', from: days['5']!, to: days['5']! })).toBe(2);
  expect(
    await auditCount(page, { outcome: 'success', channel: 'self-service', from: days['3']!, to: days['3']! }),
  ).toBe(2);
  expect(await auditCount(page, { from: days['8']!, to: days['8']! })).toBe(seeded((row) => row.daysAgo === 8));
  // The rows name channel and outcome; a national id (or its hash) and a pass are not among the columns.
  const rows = page.getByTestId('audit-table').locator('tbody tr');
  await expect(rows).toHaveCount(4);
  await expect(page.getByTestId('audit-table')).not.toContainText('seedhash-');
  // A malformed filter is dropped and said so, not passed on.
  await page.goto(`${consolePaths.audit.nb}?outcome=everything&from=yesterday`);
  await expect(page.getByTestId('audit-filter-invalid')).toBeVisible();
});

test('the statistics table shows the seeded counts and every bar of the chart matches its table cell', async ({
  page,
}) => {
  const days = seededDays();
  await loginToConsole(page, 'auditor', { locale: 'en' });
  await page.goto(consolePaths.statistics.en);
  const table = page.getByTestId('statistics-table');
  for (const [daysAgo, day] of Object.entries(days)) {
    const row = table.locator(`tr[data-day="${day}"]`);
    for (const outcome of ['success', 'partial', 'failed', 'refused', 'nothing-to-remove'] as const) {
      const expected = seeded((seed) => String(seed.daysAgo) === daysAgo && seed.outcome === outcome);
      await expect(row.locator(`td[data-outcome="${outcome}"]`)).toHaveText(String(expected));
    }
    for (const channel of ['self-service', 'service-desk'] as const) {
      const expected = seeded((seed) => String(seed.daysAgo) === daysAgo && seed.channel === channel);
      await expect(row.locator(`td[data-channel="${channel}"]`)).toHaveText(String(expected));
    }
  }
  await expect(page.getByTestId('statistics-reasons').locator('tr[data-reason="protected-account"] td')).toHaveText(
    '2',
  );

  // Every day's bars against its table row: a missing bar is a zero, heights are proportional to the counts.
  const cells = await table.locator('tbody tr').evaluateAll((rows) =>
    rows.map((row) => ({
      day: row.getAttribute('data-day') ?? '',
      counts: Object.fromEntries(
        [...row.querySelectorAll('td[data-outcome]')].map((td) => [
          td.getAttribute('data-outcome'),
          Number(td.textContent),
        ]),
      ),
    })),
  );
  const bars = await page
    .getByTestId('statistics-chart')
    .locator('rect[data-day]')
    .evaluateAll((rects) =>
      rects.map((rect) => ({
        day: rect.getAttribute('data-day') ?? '',
        outcome: rect.getAttribute('data-outcome') ?? '',
        count: Number(rect.getAttribute('data-count')),
        height: Number(rect.getAttribute('height')),
      })),
    );
  expect(cells).toHaveLength(30);
  for (const { day, counts } of cells) {
    for (const [outcome, count] of Object.entries(counts)) {
      const bar = bars.find((candidate) => candidate.day === day && candidate.outcome === outcome);
      expect(bar?.count ?? 0, `${day} ${outcome}`).toBe(count);
    }
  }
  expect(bars.length).toBeGreaterThan(0);
  const perUnit = bars[0]!.height / bars[0]!.count;
  for (const bar of bars) expect(Math.abs(bar.height - bar.count * perUnit)).toBeLessThan(0.05);
});

// An unexpected error inside a page: the error page in the page's language, status 500, a reference to
// quote, no stack trace, and one log line that carries the same reference.
import { expect, test } from '@playwright/test';
import { awaitNewLines, siteLogLines } from './support/site-log';

const cases = [
  { path: '/nb/error-probe', lang: 'nb', title: 'Noe gikk galt hos oss' },
  { path: '/nn/error-probe', lang: 'nn', title: 'Noko gjekk gale hos oss' },
  { path: '/en/error-probe', lang: 'en', title: 'Something went wrong on our side' },
] as const;

for (const probe of cases) {
  test(`an error in a ${probe.lang} page shows the ${probe.lang} error page and logs it once`, async ({ page }) => {
    const before = siteLogLines().length;
    const response = await page.goto(probe.path);
    expect(response?.status()).toBe(500);
    const html = (await response?.text()) ?? '';
    expect(html).not.toContain('failed on purpose');
    expect(html).not.toMatch(/\bat \S+:\d+:\d+/);
    await expect(page.locator('html')).toHaveAttribute('lang', probe.lang);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(probe.title);
    const reference = (await page.getByTestId('error-reference').textContent()) ?? '';
    expect(reference).toMatch(/^\S+$/);
    const lines = await awaitNewLines(before, (line) => line.event === 'request-error');
    expect(lines).toHaveLength(1);
    expect(lines[0]?.digest).toBe(reference);
  });
}

// The strict CSP must not cost anything: every guide and the whole reset flow, with JavaScript on, run
// without a single violation — and still work.
import { expect, test } from '@playwright/test';
import { watchCspViolations } from './support/csp-violations';
import { graphAdmin, removable } from './support/graph-admin';
import { confirmReset, loginFromResetGuide } from './support/login';
import { locales, publicPages } from './support/pages';
import { person } from './support/people';

for (const locale of locales) {
  test(`every public page in ${locale} loads and runs without a CSP violation`, async ({ page }) => {
    const violations = await watchCspViolations(page);
    for (const publicPage of publicPages) {
      await page.goto(publicPage[locale], { waitUntil: 'networkidle' });
      await expect(page.locator('h1')).toHaveCount(1);
    }
    // The language link's script runs: it carries the step anchor across.
    await page.goto(`${publicPages.find((p) => p.name === 'activate')![locale]}#step-3`);
    await page.locator('header a[hreflang]').first().click();
    await expect(page).toHaveURL(/#step-3$/);
    expect(violations).toEqual([]);
  });
}

test('guide → ID-porten → confirm → reset → result → logout, with no CSP violation', async ({ page }) => {
  const someone = person('csp-flow');
  const violations = await watchCspViolations(page);
  await loginFromResetGuide(page, someone.nationalId);
  await expect(page.getByTestId('methods-to-remove')).toBeVisible();
  await confirmReset(page);
  await expect(page.getByTestId('outcome-success')).toBeVisible();
  expect(removable(await graphAdmin.user(someone.nationalId))).toEqual([]);
  // Logout: the site's hand-over page posts to ID-porten by its hashed script, then ID-porten sends us home.
  await page.getByRole('button', { name: 'Logg ut', exact: true }).click();
  await page.waitForURL(/localhost:3000\/nb\/nullstill\/logget-ut$/);
  expect(violations).toEqual([]);
});

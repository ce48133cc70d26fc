// The reset flow's own pages (confirm, result, a refusal) meet the checks the accessibility statement
// names, in every language: axe finds nothing, nothing scrolls sideways at 320 px, Tab reaches everything.
import { expect, test } from '@playwright/test';
import { expectKeyboardReachesEverything, expectNoAxeViolationsAndReflow } from './support/accessibility';
import { graphAdmin } from './support/graph-admin';
import { confirmPath, confirmReset, loginFromResetGuide, type Locale } from './support/login';
import { person } from './support/people';

// People whose records no other file counts, and who have resets to spare under the daily limit of three.
const runs: { locale: Locale; key: string }[] = [
  { locale: 'nb', key: 'ignores-client-account' },
  { locale: 'nn', key: 'pid-leak-check' },
  { locale: 'en', key: 'five-authenticators' },
];

for (const run of runs) {
  test(`${run.locale}: the confirm and result pages pass axe, reflow at 320 px and work with the keyboard`, async ({
    page,
  }) => {
    await graphAdmin.reset();
    await loginFromResetGuide(page, person(run.key).nationalId, { locale: run.locale });
    await expect(page).toHaveURL(new RegExp(`${confirmPath[run.locale]}$`));
    await expect(page.locator('h1')).toHaveCount(1);
    await expectNoAxeViolationsAndReflow(page);
    await expectKeyboardReachesEverything(page);

    await confirmReset(page, run.locale);
    await expect(page.getByTestId('outcome-success')).toBeVisible();
    await expect(page.locator('h1')).toHaveCount(1);
    await expectNoAxeViolationsAndReflow(page);
    await expectKeyboardReachesEverything(page);
  });

  test(`${run.locale}: a refusal page passes axe, reflows at 320 px and works with the keyboard`, async ({ page }) => {
    await loginFromResetGuide(page, person('nothing-to-remove').nationalId, { locale: run.locale, minutesAgo: 15 });
    await expect(page.getByTestId('refusal-stale-login')).toBeVisible();
    await expect(page.locator('h1')).toHaveCount(1);
    await expectNoAxeViolationsAndReflow(page);
    await expectKeyboardReachesEverything(page);
  });
}

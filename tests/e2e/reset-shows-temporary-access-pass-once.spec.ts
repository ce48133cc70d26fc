// Done when 3 (issue 8): with TAP_ENABLED, the result page shows the pass the stand-in holds, once; a reload, a
// back navigation and a second visit show only that it was issued. A pass that exists is replaced, and with the
// tenant's TAP policy off the reset still succeeds and the page explains the way without a pass.
import { expect, test } from '@playwright/test';
import { graphAdmin, passes, removable } from './support/graph-admin';
import { confirmReset, loginFromResetGuide } from './support/login';
import { person } from './support/people';
import { recordsOf } from './support/records';

test('the pass the stand-in holds is shown once: not after a reload, a back navigation or a second visit', async ({
  page,
  context,
}) => {
  await graphAdmin.reset();
  const someone = person('tap-once');
  await loginFromResetGuide(page, someone.nationalId);
  const [resultResponse] = await Promise.all([
    page.waitForResponse(
      (response) =>
        new URL(response.url()).pathname === '/nb/nullstill/resultat' || response.request().method() === 'POST',
    ),
    confirmReset(page),
  ]);
  expect(resultResponse.headers()['cache-control']).toContain('no-store');
  await expect(page.getByTestId('tap-shown')).toBeVisible();
  const shown = (await page.getByTestId('tap-value').textContent())?.trim() ?? '';

  const [pass, ...more] = passes(await graphAdmin.user(someone.nationalId));
  expect(more).toEqual([]);
  expect(pass?.temporaryAccessPass).toBe(shown);
  expect(pass?.isUsableOnce).toBe(true);
  expect(pass?.lifetimeInMinutes).toBe(60);
  const resultUrl = page.url();

  // Straight away and back, from the page that showed the pass: the browser must not bring it back.
  await page.getByRole('link', { name: 'Gå til veiledningen for aktivering' }).click();
  await page.waitForURL(/\/nb\/aktiver/);
  await page.goBack();
  await page.waitForURL(resultUrl);
  await expect(page.getByTestId('tap-issued-before')).toBeVisible();
  expect(await page.content()).not.toContain(shown);

  // Reload: the page answers again, fresh (no-store), and knows the pass was shown.
  const reloaded = await page.reload();
  expect(reloaded?.headers()['cache-control']).toContain('no-store');
  await expect(page.getByTestId('tap-issued-before')).toBeVisible();
  await expect(page.getByTestId('tap-value')).toHaveCount(0);
  expect(await page.content()).not.toContain(shown);

  // A second visit in another tab with the same session.
  const second = await context.newPage();
  await second.goto(resultUrl);
  await expect(second.getByTestId('tap-issued-before')).toContainText('gyldig til');
  expect(await second.content()).not.toContain(shown);

  const [record] = await recordsOf(someone.nationalId);
  expect(record).toMatchObject({ outcome: 'success', tapIssued: true, tapReason: null });
  expect(record?.tapShownAt).not.toBeNull();
  const expiresAt = new Date(record?.tapExpiresAt ?? 0).getTime();
  expect(Math.abs(expiresAt - (Date.now() + 60 * 60_000))).toBeLessThan(5 * 60_000);
});

test('an existing pass is replaced by the new one', async ({ page }) => {
  await graphAdmin.reset();
  const someone = person('tap-replace');
  const [old] = passes(await graphAdmin.user(someone.nationalId));
  expect(old?.temporaryAccessPass).toBe('old-PASS');
  await loginFromResetGuide(page, someone.nationalId);
  await confirmReset(page);
  await expect(page.getByTestId('tap-shown')).toBeVisible();
  const [current, ...more] = passes(await graphAdmin.user(someone.nationalId));
  expect(more).toEqual([]);
  expect(current?.id).not.toBe(old?.id);
  await expect(page.getByTestId('tap-value')).toHaveText(current?.temporaryAccessPass ?? 'missing');
});

test('with the tenant TAP policy off the reset succeeds and the page explains the way without a pass', async ({
  page,
}) => {
  await graphAdmin.reset();
  await graphAdmin.tapPolicy({ state: 'disabled' });
  const someone = person('tap-policy-off');
  await loginFromResetGuide(page, someone.nationalId);
  await confirmReset(page);
  await expect(page.getByTestId('outcome-success')).toBeVisible();
  await expect(page.getByTestId('tap-not-issued')).toContainText(
    'Logg inn på mysignins.microsoft.com med passordet ditt',
  );
  await expect(page.getByTestId('tap-value')).toHaveCount(0);
  const after = await graphAdmin.user(someone.nationalId);
  expect(removable(after)).toEqual([]);
  expect(passes(after)).toEqual([]);
  const [record] = await recordsOf(someone.nationalId);
  expect(record).toMatchObject({
    outcome: 'success',
    tapIssued: false,
    tapExpiresAt: null,
    tapReason: 'create-tap: 400 badRequest',
  });
});

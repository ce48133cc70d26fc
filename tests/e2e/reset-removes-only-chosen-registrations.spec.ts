// Done when 2 (issue 8): a person with two phones keeps the one they still have. Ids of somebody else's
// registration and garbage posted alongside are never sent to Graph and are listed in the record. The same
// without JavaScript; nothing chosen removes nothing (issue 17: an error on the confirm page, no record); a default
// method that must stay is explained.
import { expect, test, type Page } from '@playwright/test';
import { graphAdmin, passes, removable, type StandInUser } from './support/graph-admin';
import { confirmReset, loginFromResetGuide } from './support/login';
import { person } from './support/people';
import { recordsOf } from './support/records';

const GARBAGE = ['not-a-method', '../../users/d1d1d1d1-0000-4000-8000-000000000101', "'; drop table reset_records; --"];

/** Adds `method` fields the page never offered, as a hostile form would (DOM only, works with JS off too). */
async function smuggleMethodIds(page: Page, ids: string[]) {
  await page.locator('form:has(button:text("Nullstill nå"))').evaluate((form, values) => {
    for (const value of values) {
      const input = document.createElement('input');
      input.type = 'hidden';
      input.name = 'method';
      input.value = value;
      form.appendChild(input);
    }
  }, ids);
}

async function untick(page: Page, user: StandInUser, deviceName: string) {
  for (const method of removable(user).filter((candidate) => candidate.displayName === deviceName)) {
    await page.locator(`input[type="checkbox"][name="method"][value="${method.id}"]`).uncheck();
  }
}

for (const variant of [
  { key: 'two-phones', javaScriptEnabled: true },
  { key: 'two-phones-nojs', javaScriptEnabled: false },
]) {
  test.describe(`JavaScript ${variant.javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled: variant.javaScriptEnabled });

    test('unticking the phone still in use removes only the other phone; foreign and garbage ids are ignored and recorded', async ({
      page,
    }) => {
      await graphAdmin.reset();
      const someone = person(variant.key);
      const before = await graphAdmin.user(someone.nationalId);
      const other = await graphAdmin.user(person('authenticator-and-passkey').nationalId);
      const foreignId = removable(other)[0]?.id ?? '';
      const lost = removable(before).filter((method) => method.displayName === 'iPhone 15');
      const kept = removable(before).filter((method) => method.displayName === 'Pixel 8a');
      expect(lost).toHaveLength(1);
      expect(kept.map((method) => method.type).sort()).toEqual(['fido2', 'microsoftAuthenticator']);

      await loginFromResetGuide(page, someone.nationalId);
      const boxes = page.locator('input[type="checkbox"][name="method"]');
      await expect(boxes).toHaveCount(3);
      for (const box of await boxes.all()) await expect(box).toBeChecked();
      await untick(page, before, 'Pixel 8a');
      await smuggleMethodIds(page, [foreignId, ...GARBAGE]);
      await confirmReset(page);

      await expect(page.getByTestId('outcome-success')).toBeVisible();
      await expect(page.getByTestId('removed-methods').getByRole('listitem')).toHaveCount(1);
      await expect(page.getByTestId('removed-methods')).toContainText('iPhone 15');
      // Something removable stays, so no pass is due.
      await expect(page.getByTestId('tap-shown')).toHaveCount(0);

      const after = await graphAdmin.user(someone.nationalId);
      expect(removable(after)).toEqual(kept);
      expect(passes(after)).toEqual([]);
      expect(await graphAdmin.user(person('authenticator-and-passkey').nationalId)).toEqual(other);
      const paths = (await graphAdmin.requests()).requests
        .map((request) => decodeURIComponent(request.path))
        .join('\n');
      expect(paths).not.toContain(foreignId);
      for (const garbage of GARBAGE) expect(paths).not.toContain(garbage);
      for (const method of kept) expect(paths).not.toContain(method.id);

      const [record, ...others] = await recordsOf(someone.nationalId);
      expect(others).toEqual([]);
      expect(record).toMatchObject({ outcome: 'success', chosen: lost.map((method) => method.id), tapIssued: null });
      expect(record?.ignored).toEqual([foreignId, ...GARBAGE]);
    });
  });
}

test('nothing ticked removes nothing and says so; a default method that must stay is explained', async ({ page }) => {
  await graphAdmin.reset();
  const someone = person('two-phones-default');
  const before = await graphAdmin.user(someone.nationalId);
  await loginFromResetGuide(page, someone.nationalId);
  for (const box of await page.locator('input[type="checkbox"][name="method"]').all()) await box.uncheck();
  await page.getByRole('button', { name: 'Nullstill nå' }).click();
  await page.waitForURL(/\/nb\/nullstill\/bekreft\?error=nothing-chosen/);
  await expect(page.getByTestId('error-summary')).toContainText('Huk av for minst én registrering');
  expect(await graphAdmin.user(someone.nationalId)).toEqual(before);
  expect((await graphAdmin.requests()).requests.filter((request) => request.method !== 'GET')).toEqual([]);

  // Still on the choice: remove the default phone (iPhone 13) and keep the other: Graph keeps the default.
  // The error page offers the choice afresh (every box ticked again): keep Galaxy S24 this time.
  await untick(page, before, 'Galaxy S24');
  await confirmReset(page);
  await expect(page.getByTestId('outcome-failed')).toBeVisible();
  await expect(page.getByTestId('default-method-kept')).toContainText('standardmetoden');
  await expect(page.getByTestId('not-removed-methods')).toContainText('iPhone 13');
  expect(removable(await graphAdmin.user(someone.nationalId))).toEqual(removable(before));

  const records = await recordsOf(someone.nationalId);
  // Nothing ticked left no record: the one record is the attempt that tried the default phone.
  expect(records.map((record) => [record.outcome, record.reason])).toEqual([['failed', 'default-method']]);
  expect(records[0]?.notRemoved.map((method) => method.reason)).toEqual(['default-method']);
});

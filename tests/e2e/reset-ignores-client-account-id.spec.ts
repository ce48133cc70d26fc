// The server action takes no account identifier from the client: whatever the form carries, the
// target is the account of the signed-in person.
import { expect, test } from '@playwright/test';
import { graphAdmin, removable } from './support/graph-admin';
import { confirmReset, loginFromResetGuide } from './support/login';
import { person } from './support/people';

test('account ids and national ids posted with the form are ignored', async ({ page }) => {
  await graphAdmin.reset();
  const attacker = person('ignores-client-account');
  const victim = person('one-authenticator');
  const victimBefore = await graphAdmin.user(victim.nationalId);

  await loginFromResetGuide(page, attacker.nationalId);
  // Smuggle every plausible identifier of somebody else into the reset form.
  await page.locator('form:has(button:text("Nullstill nå"))').evaluate(
    (form, values) => {
      for (const [name, value] of Object.entries(values)) {
        const input = document.createElement('input');
        input.type = 'hidden';
        input.name = name;
        input.value = value;
        form.appendChild(input);
      }
    },
    {
      accountId: victimBefore.id,
      userId: victimBefore.id,
      id: victimBefore.id,
      userPrincipalName: victimBefore.userPrincipalName,
      nationalId: victim.nationalId,
      pid: victim.nationalId,
    },
  );
  await confirmReset(page);
  await expect(page.getByTestId('outcome-success')).toBeVisible();

  expect(removable(await graphAdmin.user(attacker.nationalId))).toEqual([]);
  expect(await graphAdmin.user(victim.nationalId)).toEqual(victimBefore);
  const touchedPaths = (await graphAdmin.requests()).requests.map((request) => request.path).join('\n');
  expect(touchedPaths).not.toContain(victimBefore.id);
});

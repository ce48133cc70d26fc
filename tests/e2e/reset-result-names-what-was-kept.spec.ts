// Done when 2 (issue 17): a result says honestly what happened. Keeping one phone is not "two-factor has been
// reset": the page names what was kept, says it still works for sign-in, and does not warn that anyone with the
// password could register another phone (not true while one is registered). Nothing ticked is an error on the
// confirm page, in every language, and leaves no record. With and without JavaScript.
import { expect, test } from '@playwright/test';
import { graphAdmin, passes, removable } from './support/graph-admin';
import { confirmPath, confirmReset, loginFromResetGuide, type Locale } from './support/login';
import { person } from './support/people';
import { recordsOf } from './support/records';

for (const javaScriptEnabled of [true, false]) {
  test.describe(`JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled });

    test('keeping the iPhone: the result names it as still registered, with no "anyone could register" warning', async ({
      page,
    }) => {
      await graphAdmin.reset();
      const someone = person('result-keeps-iphone');
      await loginFromResetGuide(page, someone.nationalId);
      const before = await graphAdmin.user(someone.nationalId);
      const iphone = removable(before).find((method) => method.displayName === 'iPhone 15');
      await page.locator(`input[type="checkbox"][name="method"][value="${iphone?.id}"]`).uncheck();
      await confirmReset(page);

      await expect(page.getByTestId('outcome-headline')).toHaveText('Det du valgte, er fjernet');
      await expect(page.getByTestId('outcome-success')).not.toContainText('Tofaktor er nullstilt');
      await expect(page.getByTestId('removed-methods')).toContainText('Pixel 8');
      await expect(page.getByTestId('kept-methods')).toContainText(
        'Microsoft Authenticator på «iPhone 15» er fortsatt registrert: Du kan fortsatt logge inn med den.',
      );
      await expect(page.getByTestId('anyone-could-register')).toHaveCount(0);
      await expect(page.locator('main')).not.toContainText('kan den som kjenner passordet ditt');
      // Something still signs the person in, so no pass was due.
      await expect(page.getByTestId('tap-shown')).toHaveCount(0);

      const after = await graphAdmin.user(someone.nationalId);
      expect(removable(after).map((method) => method.displayName)).toEqual(['iPhone 15']);
      expect(passes(after)).toEqual([]);
      // The person's record of this attempt (the other describe block resets the same person).
      const ref = new URL(page.url()).searchParams.get('ref');
      const record = (await recordsOf(someone.nationalId)).find((entry) => entry.requestId === ref);
      expect(record).toMatchObject({ outcome: 'success', tapIssued: null });
      expect(record?.kept).toEqual([{ id: iphone?.id, type: 'microsoftAuthenticator', label: 'iPhone 15' }]);
    });
  });
}

const errorText: Record<Locale, string> = {
  nb: 'Huk av for minst én registrering som skal fjernes.',
  nn: 'Kryss av for minst éi registrering som skal fjernast.',
  en: 'Tick at least one registration to remove.',
};
const resetButton: Record<Locale, string> = { nb: 'Nullstill nå', nn: 'Nullstill no', en: 'Reset now' };

for (const locale of ['nb', 'nn', 'en'] as const) {
  test(`nothing ticked (${locale}): an error on the confirm page, nothing changed, nothing recorded`, async ({
    page,
  }) => {
    await graphAdmin.reset();
    const someone = person('nothing-ticked');
    const before = await graphAdmin.user(someone.nationalId);
    const recordsBefore = await recordsOf(someone.nationalId);
    await loginFromResetGuide(page, someone.nationalId, { locale });
    // The phone number starts unticked; untick the Authenticator too.
    for (const box of await page.locator('input[type="checkbox"][name="method"]').all()) await box.uncheck();
    await page.getByRole('button', { name: resetButton[locale] }).click();
    await page.waitForURL((url) => url.pathname === confirmPath[locale] && url.search === '?error=nothing-chosen');

    await expect(page.getByTestId('error-summary')).toHaveAttribute('role', 'alert');
    await expect(page.getByTestId('error-summary')).toContainText(errorText[locale]);
    await expect(page.getByTestId('nothing-chosen-error')).toHaveText(errorText[locale]);
    await expect(page.getByRole('group')).toHaveAccessibleDescription(new RegExp(errorText[locale]));
    // The choice is offered again, as it was.
    await expect(page.getByRole('button', { name: resetButton[locale] })).toBeVisible();
    expect(await graphAdmin.user(someone.nationalId)).toEqual(before);
    expect((await graphAdmin.requests()).requests.filter((request) => request.method !== 'GET')).toEqual([]);
    expect(await recordsOf(someone.nationalId)).toEqual(recordsBefore);
  });
}

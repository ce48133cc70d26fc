// Done when 1 (issue 17): after a full reset the Temporary Access Pass cannot be lost by the page's own links. It
// survives a language switch, a reload and a way out and back until "I have written it down"; the links that
// would leave the page open in a new tab or appear only after that press. After the press it is gone for good.
// Logging in again with nothing left to sign in with offers a new pass, and the stand-in then holds exactly one.
// With and without JavaScript.
import { expect, test, type Page } from '@playwright/test';
import { graphAdmin, passes, removable } from './support/graph-admin';
import { confirmReset, loginFromResetGuide } from './support/login';
import { person } from './support/people';
import { recordsOf } from './support/records';

async function shownPass(page: Page): Promise<string> {
  await expect(page.getByTestId('tap-shown')).toBeVisible();
  return (await page.getByTestId('tap-value').textContent())?.trim() ?? '';
}

for (const variant of [
  { key: 'pass-stays', javaScriptEnabled: true },
  { key: 'pass-stays-nojs', javaScriptEnabled: false },
]) {
  test.describe(`JavaScript ${variant.javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled: variant.javaScriptEnabled });

    test('the pass stays until "I have written it down", then is gone for good; a new login offers a new one', async ({
      page,
    }) => {
      await graphAdmin.reset();
      const someone = person(variant.key);
      await loginFromResetGuide(page, someone.nationalId);
      await confirmReset(page);
      const pass = await shownPass(page);
      const [held] = passes(await graphAdmin.user(someone.nationalId));
      expect(pass).toBe(held?.temporaryAccessPass);
      const ref = new URL(page.url()).searchParams.get('ref');

      // The links inside the page: mysignins opens in a new tab; the guide link waits for the press.
      const mysignins = page.getByRole('link', { name: /mysignins\.microsoft\.com/ });
      await expect(mysignins).toHaveAttribute('target', '_blank');
      await expect(mysignins).toHaveAttribute('rel', /noopener/);
      await expect(page.getByRole('link', { name: 'Gå til veiledningen for aktivering' })).toHaveCount(0);

      // A language switch and back, and a reload: the same pass each time.
      await page.getByRole('link', { name: 'Read this page in English' }).click();
      await page.waitForURL(`/en/reset/result?ref=${ref}`);
      expect(await shownPass(page)).toBe(pass);
      await page.reload();
      expect(await shownPass(page)).toBe(pass);
      await page.getByRole('link', { name: 'Les denne siden på bokmål' }).click();
      await page.waitForURL(`/nb/nullstill/resultat?ref=${ref}`);
      expect(await shownPass(page)).toBe(pass);

      // Out through the site's own navigation and back: still there.
      await page.getByRole('navigation', { name: 'Veiledninger' }).getByRole('link', { name: 'Aktiver' }).click();
      await page.waitForURL(/\/nb\/aktiver/);
      await page.goBack();
      await page.waitForURL(`/nb/nullstill/resultat?ref=${ref}`);
      expect(await shownPass(page)).toBe(pass);

      // "I have written it down": gone, and the guide link is there now.
      await page.getByRole('button', { name: 'Jeg har skrevet det ned' }).click();
      await expect(page.getByTestId('tap-issued-before')).toContainText('fordi du har skrevet det ned');
      await expect(page.getByTestId('tap-value')).toHaveCount(0);
      await expect(page.getByRole('link', { name: 'Gå til veiledningen for aktivering' })).toBeVisible();
      expect(await page.content()).not.toContain(pass);
      // Gone for good: a reload, a language switch, a way back.
      await page.reload();
      await expect(page.getByTestId('tap-issued-before')).toBeVisible();
      expect(await page.content()).not.toContain(pass);
      await page.getByRole('link', { name: 'Read this page in English' }).click();
      await page.waitForURL(`/en/reset/result?ref=${ref}`);
      await expect(page.getByTestId('tap-issued-before')).toContainText('because you have written it down');
      expect(await page.content()).not.toContain(pass);
      await page.goBack();
      await page.waitForURL(`/nb/nullstill/resultat?ref=${ref}`);
      await expect(page.getByTestId('tap-value')).toHaveCount(0);
      expect(await page.content()).not.toContain(pass);

      const [record] = await recordsOf(someone.nationalId);
      expect(record).toMatchObject({ outcome: 'success', tapIssued: true, kept: [] });
      expect(record?.tapShownAt).not.toBeNull();

      // A new login with nothing left to sign in with: a new pass is offered, and replaces the old one.
      await loginFromResetGuide(page, someone.nationalId);
      await expect(page.getByTestId('new-pass-offer')).toBeVisible();
      await page.getByRole('button', { name: 'Hent nytt midlertidig tilgangspass' }).click();
      await page.waitForURL(/\/nb\/nullstill\/resultat\?ref=/);
      await expect(page.getByTestId('outcome-headline')).toHaveText('Du har fått et nytt midlertidig tilgangspass');
      const second = await shownPass(page);
      expect(second).not.toBe(pass);
      const after = await graphAdmin.user(someone.nationalId);
      expect(removable(after)).toEqual([]);
      const held2 = passes(after);
      expect(held2).toHaveLength(1);
      expect(held2[0]?.temporaryAccessPass).toBe(second);

      const records = await recordsOf(someone.nationalId);
      expect(records.map((entry) => [entry.outcome, entry.reason, entry.tapIssued])).toEqual([
        ['success', null, true],
        ['nothing-to-remove', 'new-pass', true],
      ]);
      expect(JSON.stringify(records)).not.toContain(pass);
      expect(JSON.stringify(records)).not.toContain(second);
    });
  });
}

test('signing out while the pass is on screen closes it for good, and a new login offers a new one', async ({
  page,
  context,
}) => {
  await graphAdmin.reset();
  const someone = person('pass-signed-out');
  await loginFromResetGuide(page, someone.nationalId);
  await confirmReset(page);
  const pass = await shownPass(page);
  const resultUrl = page.url();

  await page.getByRole('button', { name: 'Logg ut', exact: true }).click();
  await page.waitForURL(/localhost:3000\/nb\/nullstill\/logget-ut$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Du er logget ut' })).toBeVisible();
  expect((await context.cookies('http://localhost:3000')).map((cookie) => cookie.name)).not.toContain('tofaktor-tap');
  const [record] = await recordsOf(someone.nationalId);
  expect(record?.tapShownAt).not.toBeNull();

  // A new login: the old result names the pass without showing it, and the confirm page offers a new one.
  await loginFromResetGuide(page, someone.nationalId);
  await expect(page.getByTestId('new-pass-offer')).toBeVisible();
  await page.goto(resultUrl);
  await expect(page.getByTestId('tap-issued-before')).toContainText('fordi du har skrevet det ned eller logget ut');
  expect(await page.content()).not.toContain(pass);
});

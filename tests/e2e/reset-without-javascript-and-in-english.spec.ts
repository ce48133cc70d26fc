// The same reset in both languages, with and without JavaScript: forms all the way.
import { expect, test } from '@playwright/test';
import { graphAdmin, removable } from './support/graph-admin';
import { confirmPath, confirmReset, loginFromResetGuide, type Locale } from './support/login';
import { person } from './support/people';
import { recordsOf } from './support/records';

const variants: { locale: Locale; javaScriptEnabled: boolean; key: string; success: RegExp }[] = [
  {
    locale: 'en',
    javaScriptEnabled: true,
    key: 'two-authenticators-en',
    success: /Two-factor authentication has been reset/,
  },
  { locale: 'nb', javaScriptEnabled: false, key: 'two-authenticators-nojs', success: /Tofaktor er nullstilt/ },
  {
    locale: 'en',
    javaScriptEnabled: false,
    key: 'two-authenticators-nojs-en',
    success: /Two-factor authentication has been reset/,
  },
];

for (const variant of variants) {
  test.describe(`${variant.locale}, JavaScript ${variant.javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled: variant.javaScriptEnabled, locale: variant.locale === 'en' ? 'en-GB' : 'nb-NO' });

    test('log in, see both registrations, reset, read the outcome in the same language', async ({ page }) => {
      await graphAdmin.reset();
      const someone = person(variant.key);
      await loginFromResetGuide(page, someone.nationalId, { locale: variant.locale });
      await expect(page).toHaveURL(new RegExp(`${confirmPath[variant.locale]}$`));
      await expect(page.locator('html')).toHaveAttribute('lang', variant.locale);
      await expect(page.getByTestId('methods-to-remove').getByRole('listitem')).toHaveCount(2);
      await confirmReset(page, variant.locale);
      await expect(page.getByRole('heading', { level: 2, name: variant.success })).toBeVisible();
      await expect(page.getByTestId('removed-methods').getByRole('listitem')).toHaveCount(2);

      const after = await graphAdmin.user(someone.nationalId);
      expect(removable(after)).toEqual([]);
      expect(after.sessionsRevokedAt).not.toBeNull();
      expect((await recordsOf(someone.nationalId)).map((record) => record.outcome)).toEqual(['success']);
    });
  });
}

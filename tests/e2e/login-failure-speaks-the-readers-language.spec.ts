// When ID-porten cannot be reached or the login cannot be finished, the person lands on a page in the
// language they were reading, which says what happened — never a 500 or another language's page.
import { expect, test } from '@playwright/test';
import { IDPORTEN_DOWN_SITE } from './support/site-env';

const cases = [
  {
    locale: 'nb',
    guide: '/nb/nullstill',
    button: 'Nullstill med ID-porten',
    lands: '/nb/nullstill/innlogging-feilet',
    says: 'ID-porten svarte ikke',
  },
  {
    locale: 'nn',
    guide: '/nn/nullstill',
    button: 'Nullstill med ID-porten',
    lands: '/nn/nullstill/innlogging-feila',
    says: 'ID-porten svarte ikkje',
  },
  {
    locale: 'en',
    guide: '/en/reset',
    button: 'Reset with ID-porten',
    lands: '/en/reset/login-failed',
    says: 'ID-porten did not answer',
  },
] as const;

for (const javaScriptEnabled of [true, false]) {
  test.describe(`JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled });
    for (const reader of cases) {
      test(`with ID-porten down, the login button in ${reader.locale} says so in ${reader.locale}`, async ({
        page,
      }) => {
        const statuses: number[] = [];
        page.on('response', (response) => statuses.push(response.status()));
        await page.goto(`${IDPORTEN_DOWN_SITE.origin}${reader.guide}`);
        await page.getByRole('button', { name: reader.button }).click();
        await page.waitForURL(`${IDPORTEN_DOWN_SITE.origin}${reader.lands}?reason=unavailable`);
        await expect(page.locator('html')).toHaveAttribute('lang', reader.locale);
        await expect(page.getByTestId('login-failed-reason')).toContainText(reader.says);
        expect(statuses.filter((status) => status >= 500)).toEqual([]);
      });
    }
  });
}

test('a callback that fails (state mismatch) goes to the page in the language the login started in', async ({
  context,
  page,
}) => {
  // Auth.js keeps where the login started in its callback-url cookie.
  await context.addCookies([
    { name: 'authjs.callback-url', value: encodeURIComponent('/en/reset/confirm'), url: 'http://localhost:3000' },
  ]);
  await page.goto('/api/auth/callback/idporten?code=forged&state=forged&iss=http%3A%2F%2F127.0.0.1%3A4010');
  await expect(page).toHaveURL(/\/en\/reset\/login-failed\?reason=failed$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('The sign-in was not completed');
});

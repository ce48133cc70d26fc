// The self-service reset in nynorsk end to end: ID-porten is asked for nynorsk (ui_locales=nn), its
// stand-in answers in nynorsk, and the confirm, result and refusal pages come back in nynorsk.
import { expect, test, type Page } from '@playwright/test';
import { graphAdmin, removable } from './support/graph-admin';
import { confirmPath, confirmReset, loginFromResetGuide } from './support/login';
import { person } from './support/people';

test.use({ locale: 'nn-NO' });

/** Every authorization request the browser sent to the ID-porten stand-in. */
function authorizeRequests(page: Page): URL[] {
  const seen: URL[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.host === '127.0.0.1:4010' && url.searchParams.has('client_id')) seen.push(url);
  });
  return seen;
}

for (const javaScriptEnabled of [true, false]) {
  test(`JavaScript ${javaScriptEnabled ? 'on' : 'off'}: log in with ui_locales=nn, confirm and read the outcome in nynorsk`, async ({ browser }) => {
    const context = await browser.newContext({ locale: 'nn-NO', javaScriptEnabled });
    const page = await context.newPage();
    await graphAdmin.reset();
    // Each person may reset three times a day; these two are shared with other files, once each.
    const someone = person(javaScriptEnabled ? 'two-authenticators' : 'two-authenticators-nojs');
    const requests = authorizeRequests(page);

    await page.goto('/nn/nullstill');
    await expect(page.getByText('Ikkje vel utanlandsk eID eller innlogging med e-post i ID-porten.').first()).toBeVisible();
    await page.getByRole('button', { name: 'Nullstill med ID-porten' }).click();
    await page.waitForURL(/127\.0\.0\.1:4010/);
    expect(requests.map((url) => url.searchParams.get('ui_locales'))).toEqual(['nn']);
    await expect(page.locator('html')).toHaveAttribute('lang', 'nn');
    await expect(page.getByLabel('Tryggleiksnivå')).toBeVisible();
    await page.locator('input[name="pid"]').fill(someone.nationalId);
    await page.locator('select[name="acr"]').selectOption('idporten-loa-high');
    await page.getByRole('button', { name: 'Logg inn', exact: true }).click();

    await page.waitForURL(new RegExp(`${confirmPath.nn}$`));
    await expect(page.locator('html')).toHaveAttribute('lang', 'nn');
    await expect(page.getByRole('heading', { level: 1, name: 'Stadfest nullstillinga' })).toBeVisible();
    await expect(page.getByTestId('methods-to-remove').getByRole('listitem')).toHaveCount(2);
    await confirmReset(page, 'nn');
    await expect(page.locator('html')).toHaveAttribute('lang', 'nn');
    await expect(page.getByRole('heading', { level: 2, name: 'Tofaktor er nullstilt' })).toBeVisible();
    await expect(page.getByText('Vi fjerna 2 registreringar:')).toBeVisible();
    expect(removable(await graphAdmin.user(someone.nationalId))).toEqual([]);
    await context.close();
  });
}

const refusals = [
  { key: 'no-account', options: {}, testId: 'refusal-no-account', heading: 'Vi fann ingen konto' },
  { key: 'shared-number', options: {}, testId: 'refusal-several-accounts', heading: 'Vi fann fleire kontoar' },
  { key: 'stale-login', options: { minutesAgo: 15 }, testId: 'refusal-stale-login', heading: 'Innlogginga er for gammal' },
  {
    key: 'low-assurance',
    options: { acr: 'idporten-loa-substantial' as const },
    testId: 'refusal-low-assurance',
    heading: 'Innlogginga har for lågt tryggleiksnivå',
  },
];

for (const refusal of refusals) {
  test(`${refusal.key}: the refusal is in nynorsk and nothing changes`, async ({ page }) => {
    const someone = person(refusal.key);
    const before = await graphAdmin.users(someone.nationalId);
    await loginFromResetGuide(page, someone.nationalId, { locale: 'nn', ...refusal.options });
    await expect(page.locator('html')).toHaveAttribute('lang', 'nn');
    const notice = page.getByTestId(refusal.testId);
    await expect(notice).toBeVisible();
    await expect(notice.getByRole('heading', { name: refusal.heading })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Nullstill no' })).toHaveCount(0);
    expect(await graphAdmin.users(someone.nationalId)).toEqual(before);
  });
}

test('a login without a national identity number ends on the nynorsk page that points to the service desk', async ({ page }) => {
  await loginFromResetGuide(page, person('two-authenticators').nationalId, { locale: 'nn', noPid: true });
  await expect(page).toHaveURL(/\/nn\/nullstill\/manglar-fodselsnummer$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'nn');
  await expect(page.getByRole('heading', { level: 1, name: 'Vi kan ikkje nullstille for deg her' })).toBeVisible();
  await page.goto(confirmPath.nn);
  await expect(page.getByRole('heading', { name: 'Du er ikkje logga inn' })).toBeVisible();
});

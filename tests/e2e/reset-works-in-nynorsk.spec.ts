// The self-service reset in nynorsk end to end: ID-porten is asked for nynorsk (ui_locales=nn), its
// stand-in answers in nynorsk, and the confirm, result and refusal pages come back in nynorsk.
import { expect, test, type Page } from '@playwright/test';
import { isNationalId } from '../../lib/national-id';
import { graphAdmin, removable } from './support/graph-admin';
import { confirmPath, confirmReset, loginFromResetGuide } from './support/login';
import { allNationalIds, person } from './support/people';

// Other files count the records of most synthetic people exactly, so this file uses people whose records
// nobody counts (and who have resets to spare under the daily limit of three), plus a valid synthetic
// number that no account has. The one exception is shared-number, the only person with two accounts:
// reset-records.spec.ts counts its records, and this file sorts after it, so it runs later.
const unknownNationalId = (() => {
  for (let individual = 100; individual < 999; individual += 1) {
    for (let checks = 0; checks < 100; checks += 1) {
      const candidate = `018190${individual}${String(checks).padStart(2, '0')}`;
      if (isNationalId(candidate) && !allNationalIds.includes(candidate)) return candidate;
    }
  }
  throw new Error('no synthetic national id left');
})();

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
  test(`JavaScript ${javaScriptEnabled ? 'on' : 'off'}: log in with ui_locales=nn, confirm and read the outcome in nynorsk`, async ({
    browser,
  }) => {
    const context = await browser.newContext({ locale: 'nn-NO', javaScriptEnabled });
    const page = await context.newPage();
    await graphAdmin.reset();
    const someone = person(javaScriptEnabled ? 'logout' : 'one-authenticator');
    const count = removable(await graphAdmin.user(someone.nationalId)).length;
    expect(count).toBeGreaterThan(0);
    const requests = authorizeRequests(page);

    await page.goto('/nn/nullstill');
    await expect(
      page.getByText('Ikkje vel utanlandsk eID eller innlogging med e-post i ID-porten.').first(),
    ).toBeVisible();
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
    await expect(page.getByTestId('methods-to-remove').getByRole('listitem')).toHaveCount(count);
    await confirmReset(page, 'nn');
    await expect(page.locator('html')).toHaveAttribute('lang', 'nn');
    await expect(page.getByRole('heading', { level: 2, name: 'Tofaktor er nullstilt' })).toBeVisible();
    await expect(
      page.getByText(count === 1 ? 'Vi fjerna 1 registrering:' : `Vi fjerna ${count} registreringar:`),
    ).toBeVisible();
    expect(removable(await graphAdmin.user(someone.nationalId))).toEqual([]);
    await context.close();
  });
}

const refusals = [
  { nationalId: unknownNationalId, options: {}, testId: 'refusal-no-account', heading: 'Vi fann ingen konto' },
  {
    nationalId: person('shared-number').nationalId,
    options: {},
    testId: 'refusal-several-accounts',
    heading: 'Vi fann fleire kontoar',
  },
  {
    nationalId: person('nothing-to-remove').nationalId,
    options: { minutesAgo: 15 },
    testId: 'refusal-stale-login',
    heading: 'Innlogginga er for gammal',
  },
  {
    nationalId: person('nothing-to-remove').nationalId,
    options: { acr: 'idporten-loa-substantial' as const },
    testId: 'refusal-low-assurance',
    heading: 'Innlogginga har for lågt tryggleiksnivå',
  },
];

for (const refusal of refusals) {
  test(`${refusal.testId}: the refusal is in nynorsk and nothing changes`, async ({ page }) => {
    const before = await graphAdmin.users(refusal.nationalId);
    await loginFromResetGuide(page, refusal.nationalId, { locale: 'nn', ...refusal.options });
    await expect(page.locator('html')).toHaveAttribute('lang', 'nn');
    const notice = page.getByTestId(refusal.testId);
    await expect(notice).toBeVisible();
    await expect(notice.getByRole('heading', { name: refusal.heading })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Nullstill no' })).toHaveCount(0);
    expect(await graphAdmin.users(refusal.nationalId)).toEqual(before);
  });
}

test('a login without a national identity number ends on the nynorsk page that points to the service desk', async ({
  page,
}) => {
  await loginFromResetGuide(page, person('nothing-to-remove').nationalId, { locale: 'nn', noPid: true });
  await expect(page).toHaveURL(/\/nn\/nullstill\/manglar-fodselsnummer$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'nn');
  await expect(page.getByRole('heading', { level: 1, name: 'Vi kan ikkje nullstille for deg her' })).toBeVisible();
  await page.goto(confirmPath.nn);
  await expect(page.getByRole('heading', { name: 'Du er ikkje logga inn' })).toBeVisible();
});

// ID-porten requires both: RP-initiated logout and front-channel logout.
import { expect, test, type Page } from '@playwright/test';
import { confirmPath, loginFromResetGuide } from './support/login';
import { person } from './support/people';

const notSignedIn = 'Du er ikke logget inn';

async function idportenSids(): Promise<string[]> {
  const { sessions } = (await (await fetch('http://127.0.0.1:4010/_admin/sessions')).json()) as {
    sessions: { sid: string }[];
  };
  return sessions.map((session) => session.sid);
}

/** Logs in and returns the sid of the ID-porten session this login created. */
async function loginAndGetSid(page: Page): Promise<string> {
  const before = await idportenSids();
  await loginFromResetGuide(page, person('logout').nationalId);
  await expect(page.getByTestId('methods-to-remove')).toBeVisible();
  const created = (await idportenSids()).filter((sid) => !before.includes(sid));
  expect(created).toHaveLength(1);
  return created[0] ?? '';
}

test('"Cancel and sign out" ends the local session and ID-porten\'s, and ends on a page that says so', async ({
  page,
}) => {
  const sid = await loginAndGetSid(page);
  await page.getByRole('button', { name: 'Avbryt og logg ut' }).click();
  await page.waitForURL(/localhost:3000\/nb\/nullstill\/logget-ut$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Du er logget ut' })).toBeVisible();
  expect(await idportenSids()).not.toContain(sid);
  await page.goto(confirmPath.nb);
  await expect(page.getByRole('heading', { name: notSignedIn })).toBeVisible();
});

test('front-channel logout from ID-porten ends the matching session on the site', async ({ page, request }) => {
  const sid = await loginAndGetSid(page);

  const wrongIssuer = await request.get(
    `/api/auth/frontchannel-logout?iss=${encodeURIComponent('https://evil.example')}&sid=${sid}`,
  );
  expect(wrongIssuer.status()).toBe(400);
  await page.reload();
  await expect(page.getByTestId('methods-to-remove')).toBeVisible();

  const logout = await request.get(
    `/api/auth/frontchannel-logout?iss=${encodeURIComponent('http://127.0.0.1:4010')}&sid=${sid}`,
  );
  expect(logout.status()).toBe(200);
  await page.reload();
  await expect(page.getByRole('heading', { name: notSignedIn })).toBeVisible();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('signing out takes one extra press and still ends both sessions', async ({ page }) => {
    const sid = await loginAndGetSid(page);
    await page.getByRole('button', { name: 'Avbryt og logg ut' }).click();
    // The hand-over page to ID-porten: a POST form the person sends on, styled like the site (issue 17).
    const onwards = page.getByRole('button', { name: 'Fortsett utloggingen' });
    await expect(onwards).toHaveCSS('background-color', 'rgb(7, 89, 133)');
    await expect(page.locator('main')).toHaveCSS('max-width', '768px');
    await onwards.click();
    await page.waitForURL(/localhost:3000\/nb\/nullstill\/logget-ut$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Du er logget ut' })).toBeVisible();
    expect(await idportenSids()).not.toContain(sid);
    await page.goto(confirmPath.nb);
    await expect(page.getByRole('heading', { name: notSignedIn })).toBeVisible();
  });
});

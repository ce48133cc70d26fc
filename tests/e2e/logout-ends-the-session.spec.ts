// ID-porten requires both: RP-initiated logout and front-channel logout.
import { expect, test } from '@playwright/test';
import { confirmPath, loginFromResetGuide } from './support/login';
import { person } from './support/people';

const notSignedIn = 'Du er ikke logget inn';

test('"Cancel and sign out" ends the local session and ID-porten\'s, and comes back to the site', async ({ page }) => {
  await loginFromResetGuide(page, person('logout').nationalId);
  await expect(page.getByTestId('methods-to-remove')).toBeVisible();
  await page.getByRole('button', { name: 'Avbryt og logg ut' }).click();
  await page.waitForURL(/localhost:3000\/nb(\?|$)/);
  const sessions = (await (await fetch('http://127.0.0.1:4010/_admin/sessions')).json()) as { sessions: unknown[] };
  expect(sessions.sessions).toEqual([]);
  await page.goto(confirmPath.nb);
  await expect(page.getByRole('heading', { name: notSignedIn })).toBeVisible();
});

test('front-channel logout from ID-porten ends the matching session on the site', async ({ page, request }) => {
  await loginFromResetGuide(page, person('logout').nationalId);
  await expect(page.getByTestId('methods-to-remove')).toBeVisible();
  const { sessions } = (await (await fetch('http://127.0.0.1:4010/_admin/sessions')).json()) as {
    sessions: { sid: string }[];
  };
  const sid = sessions.at(-1)?.sid;
  expect(sid).toBeTruthy();

  const wrongIssuer = await request.get(`/api/auth/frontchannel-logout?iss=${encodeURIComponent('https://evil.example')}&sid=${sid}`);
  expect(wrongIssuer.status()).toBe(400);
  await page.reload();
  await expect(page.getByTestId('methods-to-remove')).toBeVisible();

  const logout = await request.get(`/api/auth/frontchannel-logout?iss=${encodeURIComponent('http://127.0.0.1:4010')}&sid=${sid}`);
  expect(logout.status()).toBe(200);
  await page.reload();
  await expect(page.getByRole('heading', { name: notSignedIn })).toBeVisible();
});

// Clickjacking: another site puts the confirm page ("Reset now") in a frame. The browser must render nothing.
import { createServer, type Server } from 'node:http';
import { expect, test } from '@playwright/test';
import { loginFromResetGuide } from './support/login';
import { person } from './support/people';

const ATTACKER_PORT = 3300;
let attacker: Server;

test.beforeAll(async () => {
  attacker = createServer((request, response) => {
    const target = new URL(request.url ?? '/', 'http://localhost').searchParams.get('target') ?? '';
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(`<!doctype html><html lang="en"><title>Win a prize</title><h1>Click the button</h1>
      <iframe id="victim" title="victim" src="${target}" width="800" height="600"></iframe>`);
  });
  await new Promise<void>((resolve) => attacker.listen(ATTACKER_PORT, '127.0.0.1', resolve));
});

test.afterAll(() => new Promise<void>((resolve) => attacker.close(() => resolve())));

test("the confirm page, signed in, renders nothing inside another origin's frame", async ({ page }) => {
  await loginFromResetGuide(page, person('frame-check').nationalId);
  await expect(page.getByRole('button', { name: 'Nullstill nå' })).toBeVisible();

  const blocked = page.waitForEvent('console', (message) => message.text().includes('frame-ancestors'));
  await page.goto(
    `http://127.0.0.1:${ATTACKER_PORT}/?target=${encodeURIComponent('http://localhost:3000/nb/nullstill/bekreft')}`,
  );
  await blocked;
  // The browser replaced the frame with its own error document: none of the site's page is in it, not even
  // the signed-out view, so there is nothing to click.
  const frameUrl = () =>
    page
      .frames()
      .find((candidate) => candidate !== page.mainFrame())
      ?.url() ?? '';
  await expect.poll(frameUrl).toMatch(/^chrome-error:/);
  const inFrame = page.frameLocator('#victim');
  await expect(inFrame.locator('#main')).toHaveCount(0);
  await expect(inFrame.getByText('Nullstill nå')).toHaveCount(0);
  await expect(inFrame.getByText('Du er ikke logget inn')).toHaveCount(0);
  // The same page on its own still works.
  await page.goto('/nb/nullstill/bekreft');
  await expect(page.getByRole('button', { name: 'Nullstill nå' })).toBeVisible();
});

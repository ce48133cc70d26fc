// Done when 3 (issue 16): every console route, and every console page posted to as a server action (with the id of
// a real action of the site, which Next would otherwise forward and run), answers an object body, an array, a wrong
// content type and an oversized body with a 4xx in the visitor's language, never a 500; signed in or not; and the
// next normal request is served.
import { expect, test, type Page } from '@playwright/test';
import { consolePaths, loginToConsole } from './support/console';
import { rawRequest } from './support/raw-http';

const SITE = 'http://localhost:3000';

const ROUTES = [
  '/api/servicedesk/sign-in',
  '/api/servicedesk/sign-out',
  '/api/servicedesk/reset',
  '/api/servicedesk/signed-out',
  '/api/staff-auth/callback/entra',
];
const PAGES = [...Object.values(consolePaths).map((paths) => paths.nb), consolePaths.reset.en];

const BODIES: { name: string; type: string; body: string | Buffer }[] = [
  { name: 'an object (JSON)', type: 'application/json', body: '{"locale":"nb","account":"someone"}' },
  { name: 'an array (JSON)', type: 'application/json', body: '[{"locale":"nb"},"someone"]' },
  // How Next's own client posts an action's arguments when they are not a form.
  { name: 'an object as text', type: 'text/plain;charset=UTF-8', body: '{"locale":"nb"}' },
  { name: 'an array as text', type: 'text/plain;charset=UTF-8', body: '[{"locale":"nb"}]' },
  { name: 'a wrong content type', type: 'application/xml', body: '<form><locale>nb</locale></form>' },
  { name: 'an oversized form', type: 'application/x-www-form-urlencoded', body: Buffer.alloc(2 * 1024 * 1024, 'a') },
];

/** A real server action id of the site: the ID-porten sign-in form on the reset guide carries one. */
async function realActionId(): Promise<string> {
  const html = await (await fetch(`${SITE}/nb/nullstill`)).text();
  const id = /name="\$ACTION_ID_([0-9a-f]+)"/.exec(html)?.[1];
  if (!id) throw new Error('no server action id found on the reset guide');
  return id;
}

async function cookieOf(page: Page): Promise<string> {
  return (await page.context().cookies(SITE)).map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');
}

async function expectAll4xx(cookie: string) {
  const action = await realActionId();
  const targets = [
    ...ROUTES.map((path) => ({ path, headers: {} as Record<string, string> })),
    ...PAGES.map((path) => ({ path, headers: { 'next-action': action } as Record<string, string> })),
  ];
  const answers: string[] = [];
  for (const target of targets) {
    for (const body of BODIES) {
      const response = await rawRequest(`${SITE}${target.path}`, {
        method: 'POST',
        headers: { origin: SITE, cookie, 'content-type': body.type, 'accept-language': 'nb', ...target.headers },
        body: body.body,
      });
      answers.push(`${target.path} ${body.name}: ${response.status}`);
      expect(response.status, `${target.path} ${body.name}`).toBeGreaterThanOrEqual(400);
      expect(response.status, `${target.path} ${body.name}`).toBeLessThan(500);
      expect(response.body).not.toMatch(/\bat \S+:\d+:\d+|node_modules/);
    }
  }
  expect(answers).toHaveLength(targets.length * BODIES.length);
  const next = await fetch(`${SITE}${consolePaths.home.nb}`, { headers: { cookie } });
  expect(next.status).toBe(200);
}

test('console routes and pages answer hostile bodies with a 4xx, without a session', async () => {
  await expectAll4xx('');
});

test('console routes and pages answer hostile bodies with a 4xx for a signed-in agent, whose console still works', async ({
  page,
}) => {
  await loginToConsole(page, 'agent');
  await expectAll4xx(await cookieOf(page));
  await page.goto(`${consolePaths.search.nb}?q=kari.skrank`);
  await expect(page.getByTestId('search-results')).toContainText('Kari Skrankesen');
});

test('a console page refuses a post with 405 in the page language, naming the methods it takes', async () => {
  const response = await rawRequest(`${SITE}${consolePaths.audit.en}`, {
    method: 'POST',
    headers: { origin: SITE, 'content-type': 'application/x-www-form-urlencoded' },
    body: 'locale=en',
  });
  expect(response.status).toBe(405);
  expect(response.headers.allow).toBe('GET, HEAD');
  expect(response.headers['content-language']).toBe('en');
  expect(response.body).toContain('nothing has been changed');
});

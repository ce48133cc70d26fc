// The national identity number never reaches the browser, a URL, a cookie in clear text or a log line; the
// Temporary Access Pass reaches the browser once, on the result, and nowhere else.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { graphAdmin, passes } from './support/graph-admin';
import { consolePaths, loginToConsole } from './support/console';
import { confirmReset, loginFromResetGuide } from './support/login';
import { allNationalIds, person } from './support/people';
import { recordsOf, recordsSince } from './support/records';
import { E2E_LOG_FILE } from './support/site-env';

// The browser fetches the site icon on its own, outside the page, and Playwright cannot read that body; it is a
// file from the build, the same for everyone.
const browserIcon = (url: string) => ['/icon.svg', '/favicon.ico', '/apple-icon.png'].includes(new URL(url).pathname);

/** The text of a value plus the decoded payload of every JWT inside it (a base64 pid is still a pid). */
function withDecodedJwts(value: string): string {
  const payloads = [...value.matchAll(/eyJ[\w-]+\.(eyJ[\w-]+)\.[\w-]*/g)].map((match) =>
    Buffer.from(match[1] ?? '', 'base64url').toString('utf8'),
  );
  return [value, ...payloads].join('\n');
}

test('a full reset and sign-out expose the number nowhere the browser or the logs can see it', async ({
  page,
  context,
}) => {
  await graphAdmin.reset();
  const someone = person('pid-leak-check');
  const seen: { url: string; method: string }[] = [];
  const siteBodies: Promise<{ url: string; body: string }>[] = [];
  page.on('request', (request) => seen.push({ url: request.url(), method: request.method() }));
  page.on('response', (response) => {
    // The ID-porten stand-in's own login page shows what the person typed; only the site's answers count.
    if (new URL(response.url()).host === 'localhost:3000' && response.status() < 300) {
      siteBodies.push(
        response.text().then(
          (body) => ({ url: response.url(), body }),
          () => ({ url: response.url(), body: '' }),
        ),
      );
    }
  });

  await loginFromResetGuide(page, someone.nationalId);
  await expect(page.getByTestId('methods-to-remove')).toBeVisible();
  await confirmReset(page);
  await expect(page.getByTestId('outcome-success')).toBeVisible();
  // Auth.js' session endpoint is closed: nothing about the person can be read from it.
  const session = await page.request.get('/api/auth/session');
  expect(session.status()).toBe(404);
  expect(await session.text()).not.toContain(someone.nationalId);
  for (const cookie of await context.cookies('http://localhost:3000')) {
    expect(withDecodedJwts(cookie.value)).not.toContain(someone.nationalId);
  }
  await page.getByRole('button', { name: 'Logg ut' }).click();
  await page.waitForURL(/localhost:3000\/nb\/nullstill\/logget-ut$/);

  const bodies = await Promise.all(siteBodies);
  expect(bodies.length).toBeGreaterThan(3);
  for (const { url, body } of bodies) {
    expect(body).not.toContain(someone.nationalId);
    // The one exception, required by ID-porten: the logout hands the ID token (which carries the pid) to
    // the browser as id_token_hint, in a self-submitting POST form to ID-porten (checked below).
    if (new URL(url).pathname === '/api/auth/idporten-logout') continue;
    expect(withDecodedJwts(body)).not.toContain(someone.nationalId);
  }
  // ID-porten recommends POST for logout so that the hint stays out of history and access logs.
  const logout = seen.find((request) => request.url.startsWith('http://127.0.0.1:4010/logout'));
  expect(logout).toEqual({ url: 'http://127.0.0.1:4010/logout', method: 'POST' });
  for (const { url } of seen) expect(withDecodedJwts(decodeURIComponent(url))).not.toContain(someone.nationalId);

  // Every line the site logged in this run, including every earlier test's resets.
  const log = readFileSync(E2E_LOG_FILE, 'utf8');
  expect(log).toContain('reset.success');
  for (const nationalId of allNationalIds) expect(withDecodedJwts(log)).not.toContain(nationalId);
});

// Without JavaScript every answer is a whole document or a redirect, so each body can be read back (with
// JavaScript, the browser drops some streamed and prefetched bodies before a test can read them).
test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the Temporary Access Pass appears only in views of the result page until it is written down, and in no URL, cookie in clear, log line, record or e-mail', async ({
    page,
    context,
  }) => {
    await graphAdmin.reset();
    const someone = person('tap-leak-check');
    const seenUrls: string[] = [];
    // body null: the browser no longer had it when asked (it happens to the action's streamed answer now and then).
    const siteResponses: Promise<{
      url: string;
      method: string;
      status: number;
      body: string | null;
      headers: string;
    }>[] = [];
    page.on('request', (request) => seenUrls.push(request.url()));
    page.on('response', (response) => {
      if (new URL(response.url()).host !== 'localhost:3000') return;
      siteResponses.push(
        response.text().then(
          (body) => ({
            url: response.url(),
            method: response.request().method(),
            status: response.status(),
            body,
            headers: JSON.stringify(response.headers()),
          }),
          () => ({
            url: response.url(),
            method: response.request().method(),
            status: response.status(),
            body: null,
            headers: JSON.stringify(response.headers()),
          }),
        ),
      );
    });

    await loginFromResetGuide(page, someone.nationalId);
    await confirmReset(page);
    await expect(page.getByTestId('tap-shown')).toBeVisible();
    const pass = (await page.getByTestId('tap-value').textContent())?.trim() ?? '';
    const [held] = passes(await graphAdmin.user(someone.nationalId));
    expect(pass).toBe(held?.temporaryAccessPass);
    expect(pass.length).toBeGreaterThanOrEqual(8);

    // While the handover cookie still exists: it carries the pass only sealed.
    const cookies = await context.cookies('http://localhost:3000');
    expect(
      cookies.some((cookie) => cookie.name === 'tofaktor-tap' && cookie.httpOnly && cookie.sameSite === 'Strict'),
    ).toBe(true);
    for (const cookie of cookies) {
      expect(withDecodedJwts(cookie.value)).not.toContain(pass);
      expect(Buffer.from(cookie.value, 'base64url').toString('latin1')).not.toContain(pass);
    }

    // The pass stays on this session's result page (a reload shows it again) until "I have written it down"
    // (issue 17); after that press no answer carries it, not even back from the next page.
    const resultUrl = page.url();
    await page.reload();
    await expect(page.getByTestId('tap-value')).toHaveText(pass);
    const answersBeforePress = siteResponses.length;
    await page.getByRole('button', { name: 'Jeg har skrevet det ned' }).click();
    await expect(page.getByTestId('tap-issued-before')).toBeVisible();
    expect((await context.cookies('http://localhost:3000')).map((cookie) => cookie.name)).not.toContain('tofaktor-tap');
    await page.getByRole('link', { name: 'Gå til veiledningen for aktivering' }).click();
    await page.waitForURL(/\/nb\/aktiver/);
    // Read every body of the guide page before leaving it: a browser drops what it no longer shows.
    await Promise.all(siteResponses);
    await page.goBack();
    await page.waitForURL(resultUrl);
    await expect(page.getByTestId('tap-issued-before')).toBeVisible();
    expect(await page.content()).not.toContain(pass);
    // And a second visit to the confirm page: no pass there either.
    await page.goto('/nb/nullstill/bekreft');

    const responses = await Promise.all(siteResponses);
    for (const response of responses) expect(response.headers).not.toContain(pass);
    const carrying = responses.filter((response) => response.body?.includes(pass));
    // Redirects have no body to read (their headers were checked above).
    const unreadable = responses.filter(
      (response) =>
        response.body === null && (response.status < 300 || response.status >= 400) && !browserIcon(response.url),
    );
    // Every body was read back; the pass was only ever in views of the result page, and in none after the press.
    expect(unreadable).toEqual([]);
    expect(carrying.map((response) => [response.method, new URL(response.url).pathname])).toEqual([
      ['GET', '/nb/nullstill/resultat'],
      ['GET', '/nb/nullstill/resultat'],
    ]);
    expect(responses.slice(answersBeforePress).filter((response) => response.body?.includes(pass))).toEqual([]);

    for (const url of seenUrls) expect(decodeURIComponent(url)).not.toContain(pass);

    const records = await recordsOf(someone.nationalId);
    expect(records).toHaveLength(1);
    expect(JSON.stringify(records)).not.toContain(pass);
    expect(records[0]?.tapIssued).toBe(true);
    const mail = await graphAdmin.mail();
    expect(mail).toHaveLength(1);
    expect(JSON.stringify(mail)).not.toContain(pass);
    const log = readFileSync(E2E_LOG_FILE, 'utf8');
    expect(log).toContain('reset.tap-issued');
    expect(log).not.toContain(pass);
  });
});

// The service desk console (issue 10), also without JavaScript: the pass reaches the agent once, on the console's
// result page, and no answer of the whole console flow carries the person's national identity number.
test.describe('the service desk console, without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('an assisted reset shows the pass in exactly one response and the national id in none', async ({
    page,
    context,
  }) => {
    await graphAdmin.reset();
    const since = new Date();
    const mari = person('desk-leak-check');
    const seenUrls: string[] = [];
    const siteResponses: Promise<{
      url: string;
      method: string;
      status: number;
      body: string | null;
      headers: string;
    }>[] = [];
    // Watched from the agent's login on (nothing before it knows the person or a pass); the build's immutable
    // files carry no per-request data and are left out.
    await loginToConsole(page, 'agent');
    page.on('request', (request) => seenUrls.push(request.url()));
    page.on('response', (response) => {
      const url = new URL(response.url());
      if (url.host !== 'localhost:3000' || url.pathname.startsWith('/_next/static/')) return;
      siteResponses.push(
        response.text().then(
          (body) => ({
            url: response.url(),
            method: response.request().method(),
            status: response.status(),
            body,
            headers: JSON.stringify(response.headers()),
          }),
          () => ({
            url: response.url(),
            method: response.request().method(),
            status: response.status(),
            body: null,
            headers: JSON.stringify(response.headers()),
          }),
        ),
      );
    });

    // The whole flow by plain forms and links.
    await page.goto(consolePaths.search.nb);
    await page.getByLabel('Navn eller brukernavn').fill('mari.skrank');
    await page.getByRole('button', { name: 'Søk', exact: true }).click();
    await page.getByRole('link', { name: 'Nullstill for Mari Skrankelekk' }).click();
    await page.getByRole('radio', { name: 'Norsk førerkort' }).check();
    await page.getByRole('button', { name: 'Nullstill nå' }).click();
    await page.waitForURL(new RegExp(`${consolePaths.result.nb}\\?ref=`));
    await expect(page.getByTestId('tap-shown')).toBeVisible();
    const pass = (await page.getByTestId('tap-value').textContent())?.trim() ?? '';
    const [held] = passes(await graphAdmin.user(mari.nationalId));
    expect(pass).toBe(held?.temporaryAccessPass);
    expect(pass.length).toBeGreaterThanOrEqual(8);

    for (const cookie of await context.cookies('http://localhost:3000')) {
      expect(withDecodedJwts(cookie.value)).not.toContain(pass);
      expect(Buffer.from(cookie.value, 'base64url').toString('latin1')).not.toContain(pass);
    }
    await page.reload();
    await expect(page.getByTestId('tap-issued-before')).toBeVisible();
    await page.goto(`${consolePaths.audit.nb}?channel=service-desk`);
    await expect(page.getByTestId('audit-table')).toBeVisible();

    const responses = await Promise.all(siteResponses);
    const unreadable = responses.filter(
      (response) =>
        response.body === null && (response.status < 300 || response.status >= 400) && !browserIcon(response.url),
    );
    expect(unreadable).toEqual([]);
    const carrying = responses.filter((response) => response.body?.includes(pass) || response.headers.includes(pass));
    expect(carrying.map((response) => [response.method, new URL(response.url).pathname])).toEqual([
      ['GET', consolePaths.result.nb],
    ]);
    for (const response of responses) {
      expect(withDecodedJwts(`${response.headers}\n${response.body ?? ''}`)).not.toContain(mari.nationalId);
    }
    for (const url of seenUrls) {
      expect(decodeURIComponent(url)).not.toContain(pass);
      expect(decodeURIComponent(url)).not.toContain(mari.nationalId);
    }

    const records = (await recordsSince(since)).filter((record) => record.channel === 'service-desk');
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ tapIssued: true, verificationKind: 'norwegian-driving-licence' });
    expect(JSON.stringify(records)).not.toContain(pass);
    expect(JSON.stringify(records)).not.toContain(mari.nationalId);
    expect(JSON.stringify(await graphAdmin.mail())).not.toContain(pass);
    const log = readFileSync(E2E_LOG_FILE, 'utf8');
    expect(log).toContain('reset.tap-issued');
    expect(log).not.toContain(pass);
    expect(log).not.toContain(mari.nationalId);
  });
});

// Issue 17's pages, without JavaScript so every body can be read: "this wasn't me" and the person's history show the
// number nowhere, and a reference of somebody else's attempt, in the URL or posted, shows nothing of theirs.
test.describe('"this wasn\'t me" and the history, without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test("expose no national id, and never show or act on somebody else's attempt", async ({ page, browser }) => {
    await graphAdmin.reset();
    const someone = person('new-pages-leak-check');
    const other = person('new-pages-leak-other');
    // The other person's attempt, in a browser of their own.
    const otherContext = await browser.newContext({ javaScriptEnabled: false });
    const otherPage = await otherContext.newPage();
    await loginFromResetGuide(otherPage, other.nationalId);
    await confirmReset(otherPage);
    await otherContext.close();
    const [otherRecord] = await recordsOf(other.nationalId);
    const otherRef = otherRecord?.requestId ?? 'missing';

    const urls: string[] = [];
    const bodies: Promise<{ url: string; body: string }>[] = [];
    page.on('request', (request) => urls.push(request.url()));
    page.on('response', (response) => {
      if (new URL(response.url()).host !== 'localhost:3000' || response.status() >= 300) return;
      bodies.push(
        response.text().then(
          (body) => ({ url: response.url(), body }),
          () => ({ url: response.url(), body: '' }),
        ),
      );
    });

    await loginFromResetGuide(page, someone.nationalId);
    await confirmReset(page);
    await page.goto('/nb/nullstill/ikke-meg');
    await page.getByRole('button', { name: 'Dette var ikke meg – angre' }).click();
    await page.waitForURL(/\/nb\/nullstill\/ikke-meg\?done=/);
    await expect(page.getByTestId('not-me-done')).toBeVisible();
    await page.goto('/nb/nullstill/historikk');
    await expect(page.getByTestId('history-attempt')).toHaveCount(2);

    // Somebody else's reference: in the "done" view, on the result page, and posted to "I have written it down".
    await page.goto(`/nb/nullstill/ikke-meg?done=${otherRef}`);
    await expect(page.getByTestId('not-me-done')).toHaveCount(0);
    await page.goto(`/nb/nullstill/resultat?ref=${otherRef}`);
    await expect(page.getByTestId('outcome-success')).toHaveCount(0);
    const posted = await page.request.post('/api/reset/pass-written-down', {
      form: { locale: 'nb', ref: otherRef },
      headers: { origin: 'http://localhost:3000' },
      maxRedirects: 0,
    });
    expect(posted.status()).toBe(303);
    expect(posted.headers()['location']).toMatch(/\/nb\/nullstill\/bekreft$/);
    expect((await recordsOf(other.nationalId))[0]?.tapShownAt).toBeNull();
    // A foreign origin may not post there at all.
    const foreign = await page.request.post('/api/reset/pass-written-down', {
      form: { locale: 'nb', ref: otherRef },
      headers: { origin: 'https://evil.example' },
      maxRedirects: 0,
    });
    expect(foreign.status()).toBe(403);

    for (const { url, body } of await Promise.all(bodies)) {
      expect(body, url).not.toContain(someone.nationalId);
      expect(body, url).not.toContain(other.nationalId);
      // Nothing of the other person's attempt (the reference itself is in the URLs the test asked for).
      expect(body, url).not.toContain('Honor 90');
      expect(body, url).not.toContain('Otto Andresen');
    }
    for (const url of urls) {
      expect(decodeURIComponent(url)).not.toContain(someone.nationalId);
    }
    const alerts = (await graphAdmin.mail()).filter((mail) =>
      mail.toRecipients.includes('it-servicedesk@oslomet.example'),
    );
    expect(alerts).toHaveLength(1);
    expect(JSON.stringify(alerts)).not.toContain(someone.nationalId);
    const log = readFileSync(E2E_LOG_FILE, 'utf8');
    expect(log).toContain('not-me.undone');
    for (const nationalId of allNationalIds) expect(withDecodedJwts(log)).not.toContain(nationalId);
  });
});

// Every kind of page, in every locale, graded by the MDN HTTP Observatory's own tests as a production
// deployment (https origin) would serve it; and the headers each kind of page must carry.
import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { SITE_ORIGIN } from './support/origins';
import { gradeResponse } from './support/observatory';
import { person } from './support/people';
import { locales, publicPages } from './support/pages';
import { mintSessionCookie } from './support/session-cookie';
import { HTTPS_SITE } from './support/site-env';

const confirmPath = { nb: '/nb/nullstill/bekreft', nn: '/nn/nullstill/stadfest', en: '/en/reset/confirm' } as const;
const resultPath = { nb: '/nb/nullstill/resultat', nn: '/nn/nullstill/resultat', en: '/en/reset/result' } as const;
const notFoundPath = { nb: '/nb/finnes-ikke', nn: '/nn/finst-ikkje', en: '/en/does-not-exist' } as const;
const prerendered = publicPages.filter((page) => page.name !== 'confirm (signed out)');

function get(path: string, cookie?: string) {
  return fetch(`http://localhost:${HTTPS_SITE.port}${path}`, { redirect: 'manual', headers: cookie ? { cookie } : {} });
}

function scriptSources(csp: string): string[] {
  return (
    csp
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .find(([name]) => name === 'script-src')
      ?.slice(1) ?? []
  );
}

function expectSecurityHeaders(headers: Headers) {
  const csp = headers.get('content-security-policy') ?? '';
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("base-uri 'none'");
  expect(csp).toContain('upgrade-insecure-requests');
  expect(csp).toContain(`form-action 'self' ${HTTPS_SITE.idportenIssuer};`);
  expect(scriptSources(csp).some((source) => source.includes('unsafe'))).toBe(false);
  expect(headers.get('x-frame-options')).toBe('DENY');
  expect(headers.get('strict-transport-security')).toBe('max-age=63072000; includeSubDomains');
  expect(headers.get('cross-origin-opener-policy')).toBe('same-origin');
  expect(headers.get('cross-origin-resource-policy')).toBe('same-origin');
  expect(headers.get('x-content-type-options')).toBe('nosniff');
  expect(headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  expect(headers.get('permissions-policy')).toContain('camera=()');
}

async function expectAPlus(response: Response, path: string) {
  const grade = await gradeResponse(response, `${HTTPS_SITE.publicOrigin}${path}`);
  expect(grade.failed, `${path}: ${JSON.stringify(grade.failed)}`).toEqual([]);
  expect(grade.score).toBeGreaterThanOrEqual(100);
  expect(grade.grade).toBe('A+');
}

for (const locale of locales) {
  for (const page of prerendered) {
    test(`${page.name} (${locale}): A+, no inline script allowed, cacheable by a shared cache`, async () => {
      const response = await get(page[locale]);
      expect(response.status).toBe(200);
      expectSecurityHeaders(response.headers);
      // A prerendered page ships without the framework's runtime, so it has no inline script to allow.
      expect(scriptSources(response.headers.get('content-security-policy')!)).toEqual(["'self'"]);
      expect(await response.clone().text()).not.toMatch(/<script(?![^>]*\bsrc=)/);
      expect(response.headers.getSetCookie()).toEqual([]);
      // Canonical and alternates as absolute URLs on the build's public origin, as in the HTML.
      expect(response.headers.get('link')).toContain(`<${SITE_ORIGIN}${page[locale]}>; rel="canonical"`);
      expect(response.headers.get('cache-control')).toBe('public, max-age=300, s-maxage=3600');
      expect(response.headers.get('vary') ?? '').not.toMatch(/cookie/i);
      await expectAPlus(response, page[locale]);
    });
  }

  test(`the 404 page (${locale}): A+, complete static HTML without scripts, status 404, not stored`, async () => {
    const response = await get(notFoundPath[locale]);
    expect(response.status).toBe(404);
    expectSecurityHeaders(response.headers);
    expect(scriptSources(response.headers.get('content-security-policy')!)).toEqual(["'self'"]);
    expect(await response.clone().text()).not.toContain('<script');
    expect(response.headers.get('cache-control')).toContain('no-store');
    expect(await response.clone().text()).toContain(`<html lang="${locale}"`);
    await expectAPlus(response, notFoundPath[locale]);
  });

  test(`confirm page signed out and signed in, result page (${locale}): A+, nonce, never stored`, async () => {
    const cookie = await mintSessionCookie({
      nationalId: person('two-authenticators').nationalId,
      locale,
      secure: true,
    });
    const pages = [
      { path: confirmPath[locale], cookie: undefined, status: 200 },
      { path: confirmPath[locale], cookie, status: 200, shows: 'Bjørn Prøvesen' },
      { path: `${resultPath[locale]}?ref=${randomUUID()}`, cookie, status: 200 },
    ];
    for (const page of pages) {
      const response = await get(page.path, page.cookie);
      expect(response.status, page.path).toBe(page.status);
      expectSecurityHeaders(response.headers);
      const sources = scriptSources(response.headers.get('content-security-policy')!);
      expect(sources).toEqual([expect.stringMatching(/^'nonce-[A-Za-z0-9+/]{22}==?'$/), "'strict-dynamic'", "'self'"]);
      expect(response.headers.get('cache-control')).toContain('no-store');
      if (page.shows) expect(await response.clone().text()).toContain(page.shows);
      await expectAPlus(response, page.path);
    }
  });
}

test('API routes, files and refusals carry the headers too', async () => {
  for (const path of [
    '/api/auth/session',
    '/favicon.ico',
    '/illustrations/nb/app-add-account.svg',
    '/robots.txt',
    '/faq',
  ]) {
    const response = await get(path);
    expect(response.headers.get('x-frame-options'), path).toBe('DENY');
    expect(response.headers.get('content-security-policy'), path).toContain("frame-ancestors 'none'");
    expect(response.headers.get('strict-transport-security'), path).toBe('max-age=63072000; includeSubDomains');
  }
});

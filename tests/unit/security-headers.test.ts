/** @jest-environment node */
import { createHash } from 'node:crypto';
import { inlineScriptHashes } from '@/lib/prerendered-script-hashes';
import { contentSecurityPolicy, securityHeaders, scriptHash } from '@/lib/security-headers';
import { checkCallerOrigin } from '@/lib/origin-policy';
import { localeOfCallbackUrl, reasonForAuthError } from '@/lib/session/login-failure';
import globalErrorTexts from '@/messages/global-error.json';
import { routing } from '@/lib/i18n/routing';

const base = { appOrigin: 'https://tofaktor.example', formActionOrigins: ['https://login.idporten.no'] };

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );
}

describe('the Content-Security-Policy', () => {
  it('allows a dynamic page only its nonce, and never inline or eval', () => {
    const csp = directives(contentSecurityPolicy({ ...base, scripts: { nonce: 'abc123' } }));
    expect(csp.get('script-src')).toEqual(["'nonce-abc123'", "'strict-dynamic'", "'self'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'self'", 'https://login.idporten.no']);
    expect(csp.has('upgrade-insecure-requests')).toBe(true);
    expect([...csp.values()].flat().some((value) => value.includes('unsafe'))).toBe(false);
  });

  it('allows a prerendered page exactly the hashes of its inline scripts', () => {
    const csp = directives(contentSecurityPolicy({ ...base, scripts: { hashes: ['sha256-AAA=', 'sha256-BBB='] } }));
    expect(csp.get('script-src')).toEqual(["'self'", "'sha256-AAA='", "'sha256-BBB='"]);
  });

  it('adds eval only for next dev, and reporting only when configured', () => {
    const dev = directives(contentSecurityPolicy({ ...base, scripts: { nonce: 'n' }, development: true }));
    expect(dev.get('script-src')).toContain("'unsafe-eval'");
    const reported = securityHeaders({ ...base, scripts: { nonce: 'n' }, reportUri: 'https://reports.example/csp' });
    expect(directives(reported['Content-Security-Policy']!).get('report-uri')).toEqual(['https://reports.example/csp']);
    expect(reported['Reporting-Endpoints']).toBe('csp="https://reports.example/csp"');
    expect(securityHeaders({ ...base, scripts: { nonce: 'n' } })['Reporting-Endpoints']).toBeUndefined();
  });

  it('sends HSTS and upgrade-insecure-requests only for an https origin', () => {
    const https = securityHeaders({ ...base, scripts: { nonce: 'n' } });
    expect(https['Strict-Transport-Security']).toBe('max-age=63072000; includeSubDomains');
    const http = securityHeaders({ ...base, appOrigin: 'http://localhost:3000', scripts: { nonce: 'n' } });
    expect(http['Strict-Transport-Security']).toBeUndefined();
    expect(directives(http['Content-Security-Policy']!).has('upgrade-insecure-requests')).toBe(false);
    expect(http).toMatchObject({
      'X-Frame-Options': 'DENY',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'X-Content-Type-Options': 'nosniff',
    });
  });
});

describe('inline script hashes of a prerendered page', () => {
  it('hashes each inline script once and ignores scripts loaded from files', () => {
    const html =
      '<script src="/_next/static/chunks/a.js" async=""></script><script>self.__next_f.push([1,"x"])</script>' +
      '<script id="_R_">boot()</script><script>self.__next_f.push([1,"x"])</script>';
    const expected = (text: string) => `sha256-${createHash('sha256').update(text).digest('base64')}`;
    expect(inlineScriptHashes(html)).toEqual([expected('self.__next_f.push([1,"x"])'), expected('boot()')]);
    expect(scriptHash('boot()')).toBe(expected('boot()'));
  });
});

describe('the reset action caller check', () => {
  const origin = 'https://tofaktor.example';
  it('accepts the site origin, or Sec-Fetch-Site: same-origin when a browser sent no Origin', () => {
    expect(checkCallerOrigin(new Headers({ origin }), origin)).toEqual({ ok: true });
    expect(checkCallerOrigin(new Headers({ 'sec-fetch-site': 'same-origin' }), origin)).toEqual({ ok: true });
  });
  it('refuses a foreign Origin even with a same-origin fetch header, and a request with neither', () => {
    expect(
      checkCallerOrigin(new Headers({ origin: 'https://evil.example', 'sec-fetch-site': 'same-origin' }), origin),
    ).toEqual({
      ok: false,
      reason: 'foreign-origin',
    });
    expect(checkCallerOrigin(new Headers({ 'sec-fetch-site': 'cross-site' }), origin)).toEqual({
      ok: false,
      reason: 'missing-origin',
    });
    expect(checkCallerOrigin(new Headers(), origin)).toEqual({ ok: false, reason: 'missing-origin' });
  });
});

describe('a failed login', () => {
  it('goes back to the language it started in, read from Auth.js callback-url cookie on the site origin only', () => {
    const origin = 'https://tofaktor.example';
    expect(localeOfCallbackUrl('/en/reset/confirm', origin)).toBe('en');
    expect(localeOfCallbackUrl(`${origin}/nb/nullstill/bekreft`, origin)).toBe('nb');
    expect(localeOfCallbackUrl('https://evil.example/en/x', origin)).toBeUndefined();
    expect(localeOfCallbackUrl('/xx/reset', origin)).toBeUndefined();
    expect(localeOfCallbackUrl(undefined, origin)).toBeUndefined();
  });
  it('names a refusal as cancelled and anything else as failed', () => {
    expect(reasonForAuthError('AccessDenied')).toBe('cancelled');
    expect(reasonForAuthError('Configuration')).toBe('failed');
    expect(reasonForAuthError(null)).toBe('failed');
  });
});

describe('the global error page texts', () => {
  it('exist for every locale of the site, with the same keys and no empty text', () => {
    const texts = globalErrorTexts as Record<string, Record<string, string>>;
    expect(Object.keys(texts).sort()).toEqual([...routing.locales].sort());
    const keys = Object.keys(texts[routing.defaultLocale]!).sort();
    for (const locale of routing.locales) {
      expect(Object.keys(texts[locale]!).sort()).toEqual(keys);
      expect(Object.values(texts[locale]!).every((text) => text.trim().length > 0)).toBe(true);
    }
  });
});

/** @jest-environment node */
// The absolute canonical and alternate links go out in a Link header built from APP_ORIGIN, never from the request.
import { canonicalLinkHeader, pageAddressOf } from '@/lib/i18n/link-header';
import { routing } from '@/lib/i18n/routing';

describe('canonical Link header', () => {
  it('recognises the site’s localized paths, nested ones included, and nothing else', () => {
    expect(pageAddressOf('/nb/aktiver')).toEqual({ locale: 'nb', pathname: '/activate' });
    expect(pageAddressOf('/en/reset/confirm')).toEqual({ locale: 'en', pathname: '/reset/confirm' });
    expect(pageAddressOf('/nb')).toEqual({ locale: 'nb', pathname: '/' });
    expect(pageAddressOf('/nb/aktiver/')).toEqual({ locale: 'nb', pathname: '/activate' });
    expect(pageAddressOf('/en/aktiver')).toBeNull(); // the Norwegian slug under English is not a page
    expect(pageAddressOf('/xx/activate')).toBeNull();
    expect(pageAddressOf('/')).toBeNull();
  });

  it('names the canonical URL, every language and x-default on the given origin', () => {
    const header = canonicalLinkHeader('https://tofaktor.example', { locale: 'en', pathname: '/faq' });
    expect(header.split(', ')).toEqual([
      '<https://tofaktor.example/en/faq>; rel="canonical"',
      ...routing.locales.map((locale) =>
        expect.stringMatching(
          new RegExp(`^<https://tofaktor\\.example/${locale}/[a-z-]+>; rel="alternate"; hreflang="${locale}"$`),
        ),
      ),
      '<https://tofaktor.example/nb/sporsmal-og-svar>; rel="alternate"; hreflang="x-default"',
    ]);
  });
});

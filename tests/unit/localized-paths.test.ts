/** @jest-environment node */
// lib/i18n/navigation.ts answers from the routing table itself; next-intl's own getPathname is the reference.
import { createNavigation } from 'next-intl/navigation';
import { getPathname } from '@/lib/i18n/navigation';
import { routing, type AppPathname } from '@/lib/i18n/routing';

const reference = createNavigation(routing);

describe('localized paths', () => {
  const pathnames = Object.keys(routing.pathnames) as AppPathname[];
  it.each(routing.locales.flatMap((locale) => pathnames.map((href) => [locale, href] as const)))(
    '%s %s is where next-intl puts it',
    (locale, href) => {
      expect(getPathname({ locale, href })).toBe(reference.getPathname({ locale, href }));
    },
  );

  it('names the localized paths', () => {
    expect(getPathname({ locale: 'nb', href: '/' })).toBe('/nb');
    expect(getPathname({ locale: 'nn', href: '/reset/confirm' })).toBe('/nn/nullstill/stadfest');
    expect(getPathname({ locale: 'en', href: '/servicedesk' })).toBe('/en/servicedesk');
  });
});

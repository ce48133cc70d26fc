import NextLink from 'next/link';
import type { ComponentProps } from 'react';
import { getPathname } from '@/lib/i18n/navigation';
import type { AppPathname, Locale } from '@/lib/i18n/routing';

/**
 * A link to a page in a given language. The href is resolved on the server, so no i18n provider
 * or locale hook is needed in the browser.
 */
export function LocalizedLink(
  props: Omit<ComponentProps<typeof NextLink>, 'href'> & { locale: Locale; href: AppPathname; hash?: string },
) {
  const { locale, href, hash, ...rest } = props;
  const path = getPathname({ locale, href });
  return <NextLink {...rest} href={hash ? `${path}#${hash}` : path} />;
}

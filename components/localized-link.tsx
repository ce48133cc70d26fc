import type { ComponentProps } from 'react';
import { getPathname } from '@/lib/i18n/navigation';
import type { AppPathname, Locale } from '@/lib/i18n/routing';

/**
 * A link to a page in a given language, resolved on the server. A plain `<a>`, not next/link: the guides are
 * static HTML in a shared cache, so a full page load is fast, and next/link would ship its router code and
 * prefetch every link in view on every page.
 */
export function LocalizedLink(
  props: Omit<ComponentProps<'a'>, 'href'> & { locale: Locale; href: AppPathname; hash?: string },
) {
  const { locale, href, hash, ...rest } = props;
  const path = getPathname({ locale, href });
  return <a {...rest} href={hash ? `${path}#${hash}` : path} />;
}

import { routing, type AppPathname, type Locale } from './routing';

/**
 * The address of a page in a language: '/reset' in nb is '/nb/nullstill'. Every pathname is static and every
 * locale is prefixed, so this is a lookup in the routing table. Not next-intl's createNavigation: that module
 * also brings next-intl's client-side Link, and Turbopack then ships it (with formatjs, ≈ 10 KB compressed)
 * to every page, although no page renders it. tests/unit/localized-paths.test.ts holds it to next-intl's answer.
 */
export function getPathname(props: { locale: Locale; href: AppPathname }): string {
  const localized = routing.pathnames[props.href];
  const path = typeof localized === 'string' ? localized : localized[props.locale];
  return path === '/' ? `/${props.locale}` : `/${props.locale}${path}`;
}

// Signing a member of staff out of Entra ID too, not only out of the console: on a desk computer the Entra
// session would otherwise stay open for every other Microsoft service in that browser. (The console itself asks
// for a new login anyway: its sign-in sends prompt=login.)
import 'server-only';
import { z } from 'zod';
import { getConfig } from '@/lib/config';
import { getPathname } from '@/lib/i18n/navigation';
import { discoveryDocument } from '@/lib/oidc-discovery';
import type { Locale } from '@/lib/i18n/routing';

const DiscoverySchema = z.object({ end_session_endpoint: z.string().url() });

/** Where Entra ID sends the browser back after signing out; registered as a redirect URI of the console's app. */
export const SIGNED_OUT_PATH = '/api/servicedesk/signed-out';
/** Carries the console's language across Entra's sign-out (the return URL must be one fixed, registered URL). */
export const SIGNED_OUT_LOCALE_COOKIE = 'tofaktor-console-signed-out';

/** Entra ID's sign-out URL for the console's app, returning to SIGNED_OUT_PATH. Rejects when Entra cannot be reached. */
export async function entraSignOutUrl(): Promise<URL> {
  const config = getConfig();
  const discovery = await discoveryDocument(config.console.issuer, DiscoverySchema, {
    provider: 'Entra ID',
    timeoutMs: 3_000,
  });
  const url = new URL(discovery.end_session_endpoint);
  url.searchParams.set('client_id', config.console.clientId);
  url.searchParams.set('post_logout_redirect_uri', `${config.appOrigin}${SIGNED_OUT_PATH}`);
  return url;
}

/** The console's front page saying that the member of staff is signed out. */
export function signedOutLandingPath(locale: Locale): string {
  return `${getPathname({ locale, href: '/servicedesk' })}?signed-out=1`;
}

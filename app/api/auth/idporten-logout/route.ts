// RP-initiated logout: ends the local session, then sends the browser to ID-porten's end-session
// endpoint with id_token_hint and post_logout_redirect_uri. ID-porten's ID token carries the national
// identity number, so it travels in a POST body (RP-Initiated Logout 1.0 requires OPs to accept POST),
// never in a URL where browser history, proxies and access logs would keep it.
import { getTranslations } from 'next-intl/server';
import { signOut } from '@/lib/auth/idporten';
import { getConfig } from '@/lib/config';
import { localeFromForm } from '@/lib/i18n/locale-form';
import { getPathname } from '@/lib/i18n/navigation';
import { getIdportenDiscovery } from '@/lib/idporten/discovery';
import { LOGOUT_AUTOSUBMIT_SCRIPT } from '@/lib/security-headers';
import { securityEvent } from '@/lib/log';
import { checkCallerOrigin } from '@/lib/origin-policy';
import { forgetPass } from '@/lib/reset/pass-handover';
import { getRecords } from '@/lib/wiring/root';
import { endableSessionId, getResetSession } from '@/lib/session/reset-session';

// The hand-over page is plain HTML (no React, no build CSS); a static stylesheet from public/ styles it within the
// site's CSP (style-src 'self'), so it looks like the site also when JavaScript is off and the person must press.
const SIGNING_OUT_STYLESHEET = '/signing-out.css';

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

export async function POST(request: Request) {
  const config = getConfig();
  if (!checkCallerOrigin(request.headers, config.appOrigin).ok) {
    return new Response('Cross-site logout refused', { status: 403 });
  }

  const locale = localeFromForm(await request.formData());
  const session = await getResetSession();
  // First of all, end the session where every instance looks: a copy of the cookie is dead from now on,
  // whether or not ID-porten's front-channel call ever arrives.
  const endableId = session ? endableSessionId(session) : undefined;
  const records = await getRecords();
  if (endableId) await records.endSession(endableId);
  // Signing out is one of the two ways a pass leaves the screen for good (the other is "I have written it down").
  if (session) await records.closeOpenPasses(session.pid, new Date());
  await signOut({ redirect: false });
  securityEvent('logout', { initiatedBy: 'person' });
  await forgetPass();
  if (!session?.idToken) {
    return Response.redirect(new URL(getPathname({ locale, href: '/reset/signed-out' }), config.appOrigin), 303);
  }

  const { end_session_endpoint: endSession } = await getIdportenDiscovery();
  const t = await getTranslations({ locale, namespace: 'ResetFlow' });
  const fields = {
    id_token_hint: session.idToken,
    // Back to a page that says the person is signed out (registered with ID-porten, see README).
    post_logout_redirect_uri: `${config.appOrigin}${getPathname({ locale, href: '/reset/signed-out' })}`,
    ui_locales: locale,
  };
  const hidden = Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`)
    .join('');
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="stylesheet" href="${SIGNING_OUT_STYLESHEET}"><title>${escapeHtml(t('signingOutTitle'))}</title></head><body><main><h1>${escapeHtml(t('signingOutTitle'))}</h1><p>${escapeHtml(t('signingOutText'))}</p><form method="post" action="${escapeHtml(endSession)}">${hidden}<button type="submit">${escapeHtml(t('signingOutContinue'))}</button></form></main><script>${LOGOUT_AUTOSUBMIT_SCRIPT}</script></body></html>`;
  return new Response(html, {
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
    },
  });
}

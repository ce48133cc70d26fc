// Single logout like ID-porten's: when a session ends, every client that logged in through it gets its
// frontchannel_logout_uri (with iss and sid) loaded in an iframe, then the browser goes on to the client's
// post_logout_redirect_uri. oidc-provider 9 has no front-channel logout, so the stand-in adds it.

/* eslint-disable @typescript-eslint/no-explicit-any -- oidc-provider has no type declarations */

import type http from 'node:http';
import type { KeyObject } from 'node:crypto';
import { compactVerify } from 'jose';
import { readForm } from '../stand-in-http/body';
import { escapeHtml as esc, sendHtml } from '../stand-in-http/html';
import { idportenPage } from './pages';
import { endSessionsWithSid, type SessionStores } from './session-store';
import { TEXT, pickLang, type Lang } from './texts';

interface LogoutContext {
  provider: any;
  issuer: string;
  /** Checks that an id_token_hint is one the stand-in signed. */
  publicKey: KeyObject;
  stores: SessionStores;
}

/** The client's front-channel logout URLs (with iss and sid) for every client in an SSO session. */
async function frontChannelTargets(
  { provider, issuer }: LogoutContext,
  authorizations: Record<string, { sid?: string }>,
): Promise<string[]> {
  const frames: string[] = [];
  for (const [clientId, auth] of Object.entries(authorizations)) {
    if (!auth?.sid) continue;
    let client: any;
    try {
      client = await provider.Client.find(clientId);
    } catch {
      client = undefined;
    }
    const uri: string | undefined = client?.frontchannelLogoutUri ?? client?.metadata?.()?.frontchannel_logout_uri;
    if (!uri) continue;
    const target = new URL(uri);
    target.searchParams.set('iss', issuer);
    target.searchParams.set('sid', auth.sid);
    frames.push(target.toString());
  }
  return frames;
}

/** ID-porten's single-logout page: one iframe per client's front-channel logout, then on to `location`. */
function frontChannelPage(lang: Lang, frames: string[], location: string | null): string {
  const t = TEXT[lang];
  const onward = location
    ? `<p><a id="continue" href="${esc(location)}">${t.continue}</a></p>
<script>
(function(){var left=${frames.length},done=false;function go(){if(!done){done=true;location.replace(${JSON.stringify(location)});}}
document.querySelectorAll('iframe.fc-logout').forEach(function(f){f.addEventListener('load',function(){if(--left<=0)go();});});
if(left===0)go();setTimeout(go,3000);})();
</script>`
    : '';
  return idportenPage(
    lang,
    t.logoutTitle,
    `<h1>${t.logoutHeading}</h1>
${frames
  .map(
    (src, i) =>
      `<iframe class="fc-logout" title="front-channel logout ${i + 1}" src="${esc(src)}" width="1" height="1" style="border:0"></iframe>`,
  )
  .join('\n')}
${onward}`,
    location ? `<noscript><meta http-equiv="refresh" content="2;url=${esc(location)}"></noscript>` : '',
  );
}

/**
 * After the end-session confirmation the session is gone and oidc-provider answers 303 to post_logout_redirect_uri;
 * this replaces that answer by the single-logout page, which redirects once the iframes have loaded.
 */
export function addFrontChannelLogout(context: LogoutContext): void {
  context.provider.use(async (ctx: any, next: () => Promise<void>) => {
    await next();
    if (ctx.oidc?.route !== 'end_session_confirm' || ctx.status !== 303) return;
    const session = ctx.oidc.session;
    const frames = await frontChannelTargets(context, session?.authorizations ?? {});
    if (frames.length === 0) return;
    const location = ctx.response.get('location');
    const lang = pickLang(ctx.oidc.params?.ui_locales ?? session?.state?.uiLocales);
    ctx.status = 200;
    ctx.remove('location');
    ctx.type = 'html';
    ctx.body = frontChannelPage(lang, frames, location);
  });
}

/** The hint's sid and audience, when its signature is ours (an expired ID token is still a valid hint). */
async function parseIdTokenHint(
  { issuer, publicKey }: LogoutContext,
  token: string | null,
): Promise<{ sid?: string; aud: string } | null> {
  let payload: Uint8Array;
  try {
    // The signature only: a hint's lifetime does not matter, so jwtVerify's checks of exp would be wrong here.
    ({ payload } = await compactVerify(token ?? '', publicKey, { algorithms: ['RS256'] }));
  } catch {
    return null;
  }
  const claims = JSON.parse(Buffer.from(payload).toString('utf8')) as {
    sid?: string;
    aud?: string | string[];
    iss?: string;
  };
  const aud = Array.isArray(claims.aud) ? claims.aud[0] : claims.aud;
  return claims.iss === issuer && aud ? { sid: claims.sid, aud } : null;
}

/** Where a logout by POST sends the browser back to: only a registered post_logout_redirect_uri of the hint's client. */
async function postLogoutLocation(
  { provider }: LogoutContext,
  hint: { aud: string } | null,
  form: URLSearchParams,
): Promise<string | null> {
  // Without a valid hint the OP logs out but does not send the browser back (RP-Initiated Logout 1.0).
  const redirect = form.get('post_logout_redirect_uri');
  if (!hint || !redirect) return null;
  const client = await provider.Client.find(hint.aud);
  if (!client?.postLogoutRedirectUris?.includes(redirect)) return null;
  const target = new URL(redirect);
  const state = form.get('state');
  if (state) target.searchParams.set('state', state);
  return target.toString();
}

/**
 * RP-initiated logout by POST, which ID-porten recommends (the ID token stays out of URLs). oidc-provider
 * only takes POST with SameSite=None cookies, which plain http cannot have, so the stand-in does it
 * like ID-porten: the signed id_token_hint names the session (its sid), that session ends, every
 * client gets its front-channel logout, and the browser goes to the registered post_logout_redirect_uri.
 */
export async function logoutByPost(
  context: LogoutContext,
  req: http.IncomingMessage,
  res: http.ServerResponse,
): Promise<void> {
  const form = await readForm(req);
  const lang = pickLang(form.get('ui_locales'));
  const hint = await parseIdTokenHint(context, form.get('id_token_hint'));
  let frames: string[] = [];
  if (hint?.sid) {
    for (const authorizations of endSessionsWithSid(context.stores, hint.sid)) {
      frames = await frontChannelTargets(context, authorizations);
    }
  }
  const location = await postLogoutLocation(context, hint, form);
  return sendHtml(res, 200, frontChannelPage(lang, frames, location));
}

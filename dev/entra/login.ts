// The Entra ID stand-in's own pages: a test login that lists the synthetic staff (./staff.ts) instead of asking
// for a password, and the sign-out page.

/* eslint-disable @typescript-eslint/no-explicit-any -- oidc-provider has no type declarations */

import { escapeHtml as esc, sendHtml } from '../stand-in-http/html';
import { htmlPage } from '../oidc-kit/page';
import { authTimeMinutesAgo, finishLogin, isWholeMinutes, type LoginStep } from '../oidc-kit/interactions';
import { STAFF } from './staff';

const STYLE = `body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}
fieldset{border:1px solid #ccc;padding:.5rem 1rem}label{font-weight:400}.person{margin:.4rem 0}
label.block{display:block;font-weight:600;margin-top:1rem}input[type=number]{font-size:1rem;padding:.4rem}
button{font-size:1rem;padding:.5rem 1.2rem;margin-top:1.2rem;margin-right:.5rem}.hint{color:#444;font-size:.9rem}
.badge{background:#fde68a;padding:.1rem .4rem;border-radius:.2rem}.error{color:#b00020;font-weight:600}`;

export function entraPage(title: string, body: string): string {
  return htmlPage({ lang: 'en', title, style: STYLE, body });
}

function loginPage(uid: string, error?: string): string {
  const options = STAFF.map(
    (
      member,
      index,
    ) => `<div class="person"><input type="radio" name="staff" id="staff-${esc(member.key)}" value="${esc(member.key)}"${index === 0 ? ' checked' : ''}>
<label for="staff-${esc(member.key)}"><strong>${esc(member.preferredUsername)}</strong> (${esc(member.key)}): ${esc(member.description)}</label></div>`,
  ).join('\n');
  return entraPage(
    'Sign in – Microsoft Entra ID (local stand-in)',
    `<h1>Microsoft Entra ID – local stand-in</h1>
<p><span class="badge">TEST</span> Staff login for the service desk console. Synthetic staff only; no password, no real tenant.</p>
${error ? `<p class="error" role="alert">${esc(error)}</p>` : ''}
<form method="post" action="/interaction/${esc(uid)}/login">
<fieldset><legend>Sign in as</legend>
${options}
</fieldset>
<label class="block" for="minutesAgo">Pretend the login happened this many minutes ago</label>
<input type="number" id="minutesAgo" name="minutesAgo" min="0" step="1" value="0">
<div><button type="submit">Sign in</button>
<button type="submit" formaction="/interaction/${esc(uid)}/abort">Cancel</button></div>
</form>`,
  );
}

export function staffLoginStep(provider: any): LoginStep {
  return {
    unknownInteractionPage: (message) => entraPage('Error', `<h1>Something went wrong</h1><p>${esc(message)}</p>`),
    async show(details, _req, res) {
      sendHtml(res, 200, loginPage(details.uid));
    },
    async login(details, form, req, res) {
      const member = STAFF.find((candidate) => candidate.key === form.get('staff'));
      const minutes = (form.get('minutesAgo') ?? '0').trim() || '0';
      if (!member || !isWholeMinutes(minutes))
        return sendHtml(res, 400, loginPage(details.uid, 'Choose a staff member and a whole number of minutes.'));
      return finishLogin(provider, req, res, {
        accountId: member.oid,
        amr: member.amr,
        ts: authTimeMinutesAgo(minutes),
        remember: false,
      });
    },
    cancelledDescription: 'AADSTS50126: sign-in cancelled',
  };
}

// The ID-porten stand-in's login step: a synthetic national identity number (or none, as a foreign eID or e-mail
// login gives), a level of assurance and how long ago the login should seem to have been.

/* eslint-disable @typescript-eslint/no-explicit-any -- oidc-provider has no type declarations */

import type http from 'node:http';
import { createHmac, randomBytes } from 'node:crypto';
import { IDPORTEN_ACR_VALUES } from '../credentials';
import { escapeHtml as esc, sendHtml } from '../stand-in-http/html';
import { authTimeMinutesAgo, finishLogin, isWholeMinutes, type LoginStep } from '../oidc-kit/interactions';
import { errorPage, loginPage, type Acr, type LoginFormState } from './pages';
import { TEXT, pickLang, type Lang } from './texts';

/** Who logged in, by account id: what the ID token's claims are made from. */
export type Accounts = Map<string, { pid?: string; locale: Lang }>;

/** Fixed key: the same pid gives the same `sub` across restarts (pairwise-looking, never the pid). */
const SUB_KEY = 'tofaktor-idporten-standin-pairwise-sub-key';

function acrFromParams(params: Record<string, any>): Acr {
  const requested = String(params.acr_values ?? '').split(' ');
  const known = requested.filter((v): v is Acr => (IDPORTEN_ACR_VALUES as readonly string[]).includes(v));
  return known[0] ?? 'idporten-loa-substantial';
}

async function clientName(provider: any, clientId: string): Promise<string> {
  const client = await provider.Client.find(clientId);
  return client?.clientName ?? clientId;
}

/** The form's fields, with an error for each that is wrong. */
function readLoginForm(form: URLSearchParams, lang: Lang): LoginFormState {
  const t = TEXT[lang];
  const pid = (form.get('pid') ?? '').replace(/\s+/g, '');
  const acr = form.get('acr') ?? '';
  const minutesAgo = (form.get('minutesAgo') ?? '').trim() || '0';
  const noPid = form.get('noPid') !== null;
  const errors: LoginFormState['errors'] = {};
  if (!noPid && !/^\d{11}$/.test(pid)) errors.pid = t.pidError;
  if (!(IDPORTEN_ACR_VALUES as readonly string[]).includes(acr)) errors.acr = t.acrError;
  if (!isWholeMinutes(minutesAgo)) errors.minutesAgo = t.minutesError;
  return { pid, acr, minutesAgo, noPid, errors };
}

export function personLoginStep(provider: any, accounts: Accounts): LoginStep {
  async function show(details: any, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const { uid, prompt, params } = details;
    const lang = pickLang(params.ui_locales);
    const name = await clientName(provider, params.client_id);
    if (prompt.name === 'login') {
      const blank = { pid: '', acr: acrFromParams(params), minutesAgo: '0', noPid: false, errors: {} };
      return sendHtml(res, 200, loginPage(lang, uid, name, blank));
    }
    // Any other prompt (consent): grant automatically, like ID-porten.
    const grant = new provider.Grant({ accountId: details.session?.accountId, clientId: params.client_id });
    grant.addOIDCScope(String(params.scope ?? 'openid'));
    const grantId = await grant.save();
    return provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
  }

  async function login(details: any, form: URLSearchParams, req: http.IncomingMessage, res: http.ServerResponse) {
    const { uid, params } = details;
    const lang = pickLang(params.ui_locales);
    const name = await clientName(provider, params.client_id);
    const state = readLoginForm(form, lang);
    if (Object.keys(state.errors).length > 0) return sendHtml(res, 400, loginPage(lang, uid, name, state));
    const accountId = state.noPid
      ? `eidas-${randomBytes(12).toString('base64url')}`
      : createHmac('sha256', SUB_KEY).update(state.pid).digest('base64url');
    accounts.set(accountId, state.noPid ? { locale: lang } : { pid: state.pid, locale: lang });
    return finishLogin(provider, req, res, {
      accountId,
      acr: state.acr,
      amr: ['TestID'],
      ts: authTimeMinutesAgo(state.minutesAgo),
      remember: true,
    });
  }

  return {
    unknownInteractionPage: (message, requestUrl) =>
      errorPage(pickLang(requestUrl.searchParams.get('ui_locales')), `<p>${esc(message)}</p>`),
    show,
    login,
    cancelledDescription: 'End-User aborted interaction',
  };
}

// The login step of both OpenID stand-ins: oidc-provider sends the browser to /interaction/{uid}; the stand-in
// shows its login form there, takes the form at /interaction/{uid}/login, and a cancel at /interaction/{uid}/abort.

/* eslint-disable @typescript-eslint/no-explicit-any -- oidc-provider has no type declarations */

import type http from 'node:http';
import { readForm } from '../stand-in-http/body';
import { sendHtml } from '../stand-in-http/html';

const INTERACTION_PATH = /^\/interaction\/([^/]+)(?:\/(login|abort))?$/;

/** What differs between the stand-ins' login steps. */
export interface LoginStep {
  /** The page for an interaction oidc-provider no longer knows (expired, or its cookie is gone). */
  unknownInteractionPage(message: string, requestUrl: URL): string;
  /** GET /interaction/{uid}: the login form, or whatever else the prompt needs. */
  show(details: any, req: http.IncomingMessage, res: http.ServerResponse): Promise<void>;
  /** POST /interaction/{uid}/login with the form's fields. */
  login(details: any, form: URLSearchParams, req: http.IncomingMessage, res: http.ServerResponse): Promise<void>;
  /** error_description of the access_denied the client gets when the person cancels. */
  cancelledDescription: string;
}

/** Answers a request to /interaction/… and resolves to true, or to false for any other path. */
export async function answerInteraction(
  provider: any,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  requestUrl: URL,
  step: LoginStep,
): Promise<boolean> {
  const match = INTERACTION_PATH.exec(requestUrl.pathname);
  if (!match) return false;
  const action = match[2];
  let details: any;
  try {
    details = await provider.interactionDetails(req, res);
  } catch (err) {
    sendHtml(res, 400, step.unknownInteractionPage((err as Error).message, requestUrl));
    return true;
  }
  if (!action && req.method === 'GET') await step.show(details, req, res);
  else if (action === 'abort' && req.method === 'POST') {
    await provider.interactionFinished(
      req,
      res,
      { error: 'access_denied', error_description: step.cancelledDescription },
      { mergeWithLastSubmission: false },
    );
  } else if (action === 'login' && req.method === 'POST') await step.login(details, await readForm(req), req, res);
  else {
    res.statusCode = 405;
    res.end();
  }
  return true;
}

export interface FinishedLogin {
  accountId: string;
  acr?: string;
  amr: string[];
  /** auth_time, in seconds. */
  ts: number;
  remember: boolean;
}

export function finishLogin(
  provider: any,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  login: FinishedLogin,
): Promise<void> {
  return provider.interactionFinished(req, res, { login }, { mergeWithLastSubmission: false });
}

/** Both login forms let a test pretend the login is older than it is ("minutes ago"), to test freshness checks. */
export function isWholeMinutes(value: string): boolean {
  return /^\d{1,6}$/.test(value);
}

export function authTimeMinutesAgo(minutes: string): number {
  return Math.floor(Date.now() / 1000) - Number(minutes) * 60;
}

// Every Graph call, direct or inside a $batch, goes the same way: latency if a test asked for it, the token check,
// a fault if a rule matches, then the first route that knows the path; each call ends in the request log.
import { performance } from 'node:perf_hooks';
import { setTimeout as wait } from 'node:timers/promises';
import { authenticate } from './access-tokens';
import { batch } from './batch';
import type { TokenKeys } from './entra-token';
import { faultResponse, takeFault, takeHold } from './faults';
import { graphError, safeDecode, type GraphRequest, type GraphResponse, type GraphRoute } from './graph-messages';
import { appRoleAssignments, checkMemberGroups } from './groups';
import { sendMail } from './mail';
import { listAllMethods, methodsOfOneType } from './methods';
import { createPass } from './passes';
import type { GraphState } from './state';
import { getUser, listUsers, revokeSignInSessions } from './users';

/** Graph answers anything outside servicePrincipals and users with a 400 naming the segment, not a 404. */
const onlyUsersBeyondHere: GraphRoute = ({ req, lower, segments }) =>
  lower[0] === 'users'
    ? undefined
    : graphError(req, 400, 'BadRequest', `Resource not found for the segment '${segments[0] ?? ''}'.`);

// In order: the first route that answers wins.
const ROUTES: GraphRoute[] = [
  batch,
  appRoleAssignments,
  onlyUsersBeyondHere,
  listUsers,
  getUser,
  revokeSignInSessions,
  checkMemberGroups,
  sendMail,
  createPass,
  listAllMethods,
  methodsOfOneType,
];

const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const holdUntil = (ms: number, signal: AbortSignal | undefined) =>
  wait(ms, undefined, signal ? { signal } : undefined).catch(() => undefined);

export interface GraphRouter {
  /** Runs one call the whole way, as a direct request or a part of a $batch. */
  call(req: GraphRequest): Promise<GraphResponse>;
}

export function createGraphRouter(state: GraphState, keys: TokenKeys, base: string): GraphRouter {
  async function route(req: GraphRequest, roles: string[]): Promise<GraphResponse> {
    const url = new URL(req.path, 'http://graph.local');
    const segments = url.pathname
      .replace(/\/+$/, '')
      .split('/')
      .filter(Boolean)
      .map((s) => safeDecode(s));
    if (segments[0]?.toLowerCase() !== 'v1.0') {
      return graphError(req, 400, 'BadRequest', `Invalid version: ${segments[0] ?? ''}`);
    }
    const seg = segments.slice(1);
    const context = { req, roles, url, segments: seg, lower: seg.map((s) => s.toLowerCase()), state, call };
    for (const candidate of ROUTES) {
      const response = await candidate(context);
      if (response) return response;
    }
    return graphError(req, 400, 'BadRequest', `Resource not found for the segment '${seg[seg.length - 1] ?? ''}'.`);
  }

  async function call(req: GraphRequest): Promise<GraphResponse> {
    const startedAt = now();
    let response: GraphResponse;
    try {
      if (state.latencyMs > 0) await sleep(state.latencyMs);
      const hold = takeHold(state, req);
      // A hold ends early when the caller goes away: nothing is left to answer.
      if (hold) await holdUntil(hold.ms, req.callerGone);
      const auth = await authenticate(req, keys, base);
      if (req.callerGone?.aborted) {
        // The caller died while the call waited: like a request that never reached Graph, it changes nothing.
        response = graphError(req, 499, 'clientClosedRequest', 'The caller closed the connection.');
      } else if (!auth.ok) {
        response = auth.response;
      } else {
        const fault = takeFault(state, req);
        response = fault ? faultResponse(req, fault) : await route(req, auth.roles);
      }
    } catch (err) {
      response = graphError(
        req,
        500,
        'generalException',
        `General exception while processing. ${(err as Error).message}`,
      );
    }
    state.requestLog.push({
      method: req.method,
      path: req.path,
      startedAt,
      endedAt: now(),
      status: response.status,
      viaBatch: req.viaBatch,
    });
    return response;
  }

  return { call };
}

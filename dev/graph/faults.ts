// Faults a test orders through POST /_admin/faults: latency on every call, rules that answer the next few matching
// calls with an error (429 and 503 with Retry-After) instead of doing them, and holds that keep the next few matching
// calls waiting before Graph acts on them (a caller that goes away meanwhile never reaches Graph: see router.ts).
import { z } from 'zod';
import { graphError, safeDecode, type GraphRequest, type GraphResponse } from './graph-messages';
import type { FaultRule, GraphState, HoldRule } from './state';

export const faultsSchema = z.object({
  latencyMs: z.number().int().min(0).max(120_000).optional(),
  rules: z
    .array(
      z.object({
        method: z.enum(['DELETE', 'GET', 'POST']),
        pathContains: z.string(),
        status: z.union([
          z.literal(400),
          z.literal(403),
          z.literal(404),
          z.literal(429),
          z.literal(500),
          z.literal(503),
        ]),
        times: z.number().int().min(0),
        retryAfterSeconds: z.number().int().min(0).optional(),
      }),
    )
    .optional(),
  holds: z
    .array(
      z.object({
        method: z.enum(['DELETE', 'GET', 'POST']),
        pathContains: z.string(),
        ms: z.number().int().min(0).max(120_000),
        times: z.number().int().min(0),
      }),
    )
    .optional(),
});

/** The first hold this call matches, used up by one. */
export const takeHold = (state: GraphState, req: GraphRequest): HoldRule | undefined => takeFirst(state.holds, req);

/** The first of `rules` this call matches, used up by one; a rule matches the path as sent or percent-decoded. */
function takeFirst<R extends { method: string; pathContains: string; times: number }>(
  rules: R[],
  req: GraphRequest,
): R | undefined {
  const decoded = safeDecode(req.path);
  const rule = rules.find(
    (r) =>
      r.times > 0 && r.method === req.method && (req.path.includes(r.pathContains) || decoded.includes(r.pathContains)),
  );
  if (rule) rule.times -= 1;
  return rule;
}

export const takeFault = (state: GraphState, req: GraphRequest): FaultRule | undefined =>
  takeFirst(state.faultRules, req);

const FAULTS: Record<FaultRule['status'], { code: string; message: string }> = {
  400: { code: 'badRequest', message: 'Bad request (fault injected by the stand-in).' },
  403: { code: 'accessDenied', message: 'Request Authorization failed (fault injected by the stand-in).' },
  404: { code: 'Request_ResourceNotFound', message: 'Resource does not exist (fault injected by the stand-in).' },
  429: { code: 'TooManyRequests', message: 'Too many requests.' },
  500: { code: 'generalException', message: 'General exception while processing.' },
  503: { code: 'serviceNotAvailable', message: 'The service is temporarily unavailable. Please retry later.' },
};

export function faultResponse(req: GraphRequest, rule: FaultRule): GraphResponse {
  const retryAfter = rule.retryAfterSeconds ?? (rule.status === 429 || rule.status === 503 ? 1 : undefined);
  const headers: Record<string, string> = retryAfter !== undefined ? { 'Retry-After': String(retryAfter) } : {};
  const { code, message } = FAULTS[rule.status];
  return graphError(req, rule.status, code, message, headers);
}

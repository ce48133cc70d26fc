// The admin API tests drive the Graph stand-in with (/_admin/…): reset to the fixture, read the directory, the
// request log and the captured mail, set the pass policy and faults, and register a method as if the person had
// done it themselves.
import type http from 'node:http';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { readBody } from '../stand-in-http/body';
import { sendJson } from '../stand-in-http/json';
import { faultsSchema } from './faults';
import type { FixtureMethod } from './fixture';
import type { GraphState } from './state';

const tapPolicySchema = z
  .object({
    state: z.enum(['enabled', 'disabled']),
    minimumLifetimeInMinutes: z.number().int().min(10).max(43200),
    maximumLifetimeInMinutes: z.number().int().min(10).max(43200),
    defaultLifetimeInMinutes: z.number().int().min(10).max(43200),
    isUsableOnce: z.boolean(),
    excludedUserIds: z.array(z.string()),
  })
  .partial();

const registerMethodSchema = z.object({ nationalId: z.string(), displayName: z.string().min(1) });

/** An admin endpoint's JSON body checked against its schema, or the 400 answer's body when it is not one. */
async function readAdminBody<T>(
  req: http.IncomingMessage,
  schema: z.ZodType<T>,
  what: string,
): Promise<{ data: T } | { error: Record<string, unknown> }> {
  let json: unknown;
  try {
    json = JSON.parse((await readBody(req)) || '{}');
  } catch {
    return { error: { error: 'body must be JSON' } };
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? { data: parsed.data } : { error: { error: `invalid ${what}`, issues: parsed.error.issues } };
}

type AdminEndpoint = (state: GraphState, req: http.IncomingMessage, res: http.ServerResponse) => void | Promise<void>;

function directory(state: GraphState) {
  return state.users.map((u) => ({
    id: u.id,
    displayName: u.displayName,
    userPrincipalName: u.userPrincipalName,
    nationalId: u.nationalId,
    mail: u.mail,
    otherMails: u.otherMails,
    methods: u.methods,
    sessionsRevokedAt: u.sessionsRevokedAt,
  }));
}

// A registration made outside the site (someone at mysignins.microsoft.com): tests add one after a reset.
const registerMethod: AdminEndpoint = async (state, req, res) => {
  const parsed = await readAdminBody(req, registerMethodSchema, 'registration');
  if ('error' in parsed) return sendJson(res, 400, parsed.error);
  const user = state.users.find((u) => u.nationalId === parsed.data.nationalId);
  if (!user) return sendJson(res, 404, { error: 'no such person' });
  const method: FixtureMethod = {
    id: randomUUID(),
    type: 'microsoftAuthenticator',
    displayName: parsed.data.displayName,
    deviceTag: 'SoftwareTokenActivated',
    phoneAppVersion: '6.2401.0119',
    createdDateTime: new Date().toISOString(),
    isDefault: false,
  };
  user.methods = [...user.methods, method];
  return sendJson(res, 200, method);
};

const ENDPOINTS: Record<string, AdminEndpoint> = {
  'POST /_admin/reset': (state, _req, res) => {
    state.reset();
    sendJson(res, 200, { ok: true });
  },
  'GET /_admin/state': (state, _req, res) => sendJson(res, 200, { users: directory(state) }),
  'GET /_admin/requests': (state, _req, res) =>
    sendJson(res, 200, {
      requests: state.requestLog,
      tokenRequests: state.tokenRequests,
      tokenRequestsSinceStart: state.tokenRequestsSinceStart,
    }),
  'GET /_admin/mail': (state, _req, res) => sendJson(res, 200, { messages: state.mailbox }),
  'GET /_admin/tap-policy': (state, _req, res) => sendJson(res, 200, state.tapPolicy),
  'POST /_admin/tap-policy': async (state, req, res) => {
    const parsed = await readAdminBody(req, tapPolicySchema, 'TAP policy');
    if ('error' in parsed) return sendJson(res, 400, parsed.error);
    state.tapPolicy = { ...state.tapPolicy, ...parsed.data };
    return sendJson(res, 200, state.tapPolicy);
  },
  'POST /_admin/register-method': registerMethod,
  'GET /_admin/faults': (state, _req, res) =>
    sendJson(res, 200, { latencyMs: state.latencyMs, rules: state.faultRules, holds: state.holds }),
  'POST /_admin/faults': async (state, req, res) => {
    const parsed = await readAdminBody(req, faultsSchema, 'faults');
    if ('error' in parsed) return sendJson(res, 400, parsed.error);
    if (parsed.data.latencyMs !== undefined) state.latencyMs = parsed.data.latencyMs;
    if (parsed.data.rules !== undefined) state.faultRules = parsed.data.rules.map((r) => ({ ...r }));
    if (parsed.data.holds !== undefined) state.holds = parsed.data.holds.map((h) => ({ ...h }));
    return sendJson(res, 200, { latencyMs: state.latencyMs, rules: state.faultRules, holds: state.holds });
  },
};

export async function answerAdmin(
  state: GraphState,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  pathname: string,
): Promise<void> {
  const endpoint = ENDPOINTS[`${req.method} ${pathname}`];
  if (!endpoint) return sendJson(res, 404, { error: 'unknown admin endpoint' });
  return endpoint(state, req, res);
}

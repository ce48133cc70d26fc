// Local stand-in for Microsoft Entra ID's token endpoint and the Microsoft Graph v1.0 subset that
// tofaktor uses. Plain node:http, in-memory directory seeded from ./fixture.json, fault knobs and an
// admin API for tests (/tmp/contract.md, "Graph stand-in admin API").
//
// Run on its own: `npx tsx dev/graph/server.ts` (port from GRAPH_STANDIN_PORT, default 4020).

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { SignJWT, jwtVerify, generateKeyPair, exportJWK, decodeJwt, errors as joseErrors } from 'jose';
import type { JWK } from 'jose';
import { z } from 'zod';
import fixtureJson from './fixture.json';
import { appRoleAssignedTo, STAFF_PEOPLE } from './console-app';
import {
  ENTRA_CLIENT_ID,
  ENTRA_CLIENT_SECRET,
  ENTRA_TENANT_ID,
  ENTRA_UNCONSENTED_CLIENT_ID,
  ENTRA_UNCONSENTED_CLIENT_SECRET,
  GRAPH_APP_ROLES,
  GRAPH_DEFAULT_PORT,
  NOTICE_SENDER_MAILBOX,
} from '../credentials';
import { createStandInServer, type StandInTls } from '../tls/stand-in-server';

// ---------------------------------------------------------------------------------------------
// Fixture and directory state

export type MethodType =
  | 'microsoftAuthenticator'
  | 'softwareOath'
  | 'password'
  | 'fido2'
  | 'temporaryAccessPass'
  | 'phone'
  | 'email'
  | 'hardwareOath'
  | 'platformCredential'
  | 'windowsHelloForBusiness'
  | 'qrCodePin'
  | 'external';

export interface FixtureMethod {
  id: string;
  type: MethodType;
  displayName: string | null;
  deviceTag?: string;
  phoneAppVersion?: string;
  createdDateTime: string | null;
  isDefault: boolean;
  /** fido2: the authenticator model's AAGUID and name. */
  aaGuid?: string;
  model?: string;
  /** temporaryAccessPass: the pass itself (Graph returns it only when it is created). */
  temporaryAccessPass?: string;
  lifetimeInMinutes?: number;
  isUsableOnce?: boolean;
  startDateTime?: string;
  /** phone: the number as Graph writes it ("+47 91234567") and its kind; email: the address. */
  phoneNumber?: string;
  phoneType?: 'mobile' | 'alternateMobile' | 'office';
  emailAddress?: string;
}

export interface FixtureAccount {
  id: string;
  displayName: string;
  userPrincipalName: string;
  /** Defaults to the UPN, like a synced mailbox. */
  mail?: string | null;
  otherMails?: string[];
  /** Object ids of the groups the account is a member of (the console refuses protected groups). */
  memberOf?: string[];
  methods: FixtureMethod[];
}

export interface FixturePerson {
  key: string;
  nationalId: string;
  description: string;
  accounts: FixtureAccount[];
}

export interface Fixture {
  people: FixturePerson[];
}

export const fixture = fixtureJson as Fixture;

interface UserRecord {
  id: string;
  displayName: string;
  userPrincipalName: string;
  nationalId: string;
  mail: string | null;
  otherMails: string[];
  methods: FixtureMethod[];
  memberOf: string[];
  sessionsRevokedAt: string | null;
}

/** One message POST /users/{sender}/sendMail accepted: captured here, never sent. */
export interface CapturedMail {
  receivedAt: string;
  sender: string;
  subject: string;
  contentType: string;
  content: string;
  toRecipients: string[];
  ccRecipients: string[];
  bccRecipients: string[];
  saveToSentItems: boolean;
}

/**
 * The tenant's Temporary Access Pass method policy as far as creation depends on it. Entra's defaults: enabled
 * for the targeted users, lifetime 60..480 minutes (an administrator may widen it to 10..43200), one-time passes
 * off by default but allowed.
 */
export interface TapPolicy {
  state: 'enabled' | 'disabled';
  minimumLifetimeInMinutes: number;
  maximumLifetimeInMinutes: number;
  defaultLifetimeInMinutes: number;
  isUsableOnce: boolean;
  /** Users the policy does not target: Graph refuses them like a disabled policy. */
  excludedUserIds: string[];
}

const DEFAULT_TAP_POLICY: TapPolicy = {
  state: 'enabled',
  minimumLifetimeInMinutes: 60,
  maximumLifetimeInMinutes: 480,
  defaultLifetimeInMinutes: 60,
  isUsableOnce: false,
  excludedUserIds: [],
};

/** Mailboxes that may send (the site's configured service mailbox). */
export const SERVICE_MAILBOXES = [NOTICE_SENDER_MAILBOX];

type FaultStatus = 400 | 403 | 404 | 429 | 500 | 503;

interface FaultRule {
  method: 'DELETE' | 'GET' | 'POST';
  pathContains: string;
  status: FaultStatus;
  times: number;
  retryAfterSeconds?: number;
}

interface RequestLogEntry {
  method: string;
  path: string;
  startedAt: number;
  endedAt: number;
  status: number;
  viaBatch: boolean;
}

const faultsSchema = z.object({
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
});

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

const GRAPH_AUDIENCE = 'https://graph.microsoft.com';
const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
const SERVICE_PRINCIPAL_OBJECT_ID = '44444444-5555-6666-7777-888888888888';
const UNCONSENTED_SP_OBJECT_ID = '55555555-6666-7777-8888-999999999999';
const GRAPH_CONTENT_TYPE =
  'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

const ROLES_READ_USERS = ['User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'];
const ROLES_READ_METHODS = ['UserAuthenticationMethod.Read.All', 'UserAuthenticationMethod.ReadWrite.All'];
const ROLES_WRITE_METHODS = ['UserAuthenticationMethod.ReadWrite.All'];
const ROLES_REVOKE = ['User.RevokeSessions.All', 'User.ReadWrite.All', 'Directory.ReadWrite.All'];
const ROLES_WRITE_TAP = ['UserAuthMethod-TAP.ReadWrite.All', 'UserAuthenticationMethod.ReadWrite.All'];
const ROLES_SEND_MAIL = ['Mail.Send'];
const ROLES_READ_DIR = ['Directory.Read.All', 'Directory.ReadWrite.All'];
// checkMemberGroups on another user, app-only: group memberships need GroupMember.Read.All (or a Directory role).
const ROLES_MEMBER_GROUPS = ['GroupMember.Read.All', 'Group.Read.All', 'Directory.Read.All', 'Directory.ReadWrite.All'];

const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function seedUsers(extraPeople: FixturePerson[] = []): UserRecord[] {
  const users: UserRecord[] = [];
  for (const person of [...fixture.people, ...extraPeople]) {
    for (const account of person.accounts) {
      users.push({
        id: account.id,
        displayName: account.displayName,
        userPrincipalName: account.userPrincipalName,
        nationalId: person.nationalId,
        mail: account.mail === undefined ? account.userPrincipalName : account.mail,
        otherMails: [...(account.otherMails ?? [])],
        methods: account.methods.map((m) => ({ ...m })),
        memberOf: [...(account.memberOf ?? [])],
        sessionsRevokedAt: null,
      });
    }
  }
  return users;
}

// ---------------------------------------------------------------------------------------------
// Response helpers

interface GraphResponse {
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

interface GraphRequest {
  method: string;
  /** path and query, starting with /v1.0 */
  path: string;
  headers: Record<string, string | undefined>;
  body?: unknown;
  viaBatch: boolean;
  requestId: string;
  clientRequestId: string;
}

function graphDate(): string {
  return new Date().toISOString().slice(0, 19);
}

function graphError(
  req: Pick<GraphRequest, 'requestId' | 'clientRequestId'>,
  status: number,
  code: string,
  message: string,
  extraHeaders: Record<string, string> = {},
): GraphResponse {
  return {
    status,
    headers: { 'Content-Type': 'application/json', ...extraHeaders },
    body: {
      error: {
        code,
        message,
        innerError: {
          date: graphDate(),
          'request-id': req.requestId,
          'client-request-id': req.clientRequestId,
        },
      },
    },
  };
}

function ok(body: unknown, status = 200): GraphResponse {
  return { status, headers: { 'Content-Type': GRAPH_CONTENT_TYPE }, body };
}

function noContent(): GraphResponse {
  return { status: 204, headers: {} };
}

function notFound(req: GraphRequest, id: string): GraphResponse {
  return graphError(
    req,
    404,
    'Request_ResourceNotFound',
    `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
  );
}

function entraError(
  status: number,
  error: string,
  code: number,
  description: string,
): { status: number; body: Record<string, unknown> } {
  const traceId = randomUUID();
  const correlationId = randomUUID();
  const timestamp = new Date()
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, 'Z');
  return {
    status,
    body: {
      error,
      error_description: `AADSTS${code}: ${description} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
      error_codes: [code],
      timestamp,
      trace_id: traceId,
      correlation_id: correlationId,
      error_uri: `https://login.microsoftonline.com/error?code=${code}`,
    },
  };
}

async function readBody(req: http.IncomingMessage, limit = 1024 * 1024): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > limit) throw new Error('request entity too large');
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}

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

function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.statusCode = status;
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  if (body !== undefined && !res.hasHeader('Content-Type'))
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.end(text);
}

// ---------------------------------------------------------------------------------------------
// Graph representations

function methodODataType(type: MethodType): string {
  switch (type) {
    case 'microsoftAuthenticator':
      return '#microsoft.graph.microsoftAuthenticatorAuthenticationMethod';
    case 'softwareOath':
      return '#microsoft.graph.softwareOathAuthenticationMethod';
    case 'password':
      return '#microsoft.graph.passwordAuthenticationMethod';
    case 'fido2':
      return '#microsoft.graph.fido2AuthenticationMethod';
    case 'temporaryAccessPass':
      return '#microsoft.graph.temporaryAccessPassAuthenticationMethod';
    case 'phone':
      return '#microsoft.graph.phoneAuthenticationMethod';
    case 'email':
      return '#microsoft.graph.emailAuthenticationMethod';
    case 'hardwareOath':
      return '#microsoft.graph.hardwareOathAuthenticationMethod';
    case 'platformCredential':
      return '#microsoft.graph.platformCredentialAuthenticationMethod';
    case 'windowsHelloForBusiness':
      return '#microsoft.graph.windowsHelloForBusinessAuthenticationMethod';
    case 'qrCodePin':
      return '#microsoft.graph.qrCodePinAuthenticationMethod';
    case 'external':
      return '#microsoft.graph.externalAuthenticationMethod';
  }
}

// Graph's fixed ids of the three phone registrations a user can have, one per phoneType.
export const PHONE_METHOD_IDS = {
  mobile: '3179e48a-750b-4051-897c-87b9720928f7',
  alternateMobile: 'b6332ec1-7057-4abe-9331-3d72feddfe41',
  office: 'e37fc753-ff3b-4958-9484-eaa9425c82bc',
} as const;

function tapEnds(m: FixtureMethod): number {
  const start = Date.parse(m.startDateTime ?? m.createdDateTime ?? '');
  return start + (m.lifetimeInMinutes ?? 0) * 60_000;
}

/** Graph's usability fields of a pass, from its times (the stand-in does not track sign-ins with it). */
function tapUsability(m: FixtureMethod): { isUsable: boolean; methodUsabilityReason: string } {
  const start = Date.parse(m.startDateTime ?? m.createdDateTime ?? '');
  if (Date.now() < start) return { isUsable: false, methodUsabilityReason: 'NotYetValid' };
  if (Date.now() >= tapEnds(m)) return { isUsable: false, methodUsabilityReason: 'Expired' };
  return { isUsable: true, methodUsabilityReason: 'EnabledByPolicy' };
}

function methodRepresentation(m: FixtureMethod): Record<string, unknown> {
  switch (m.type) {
    case 'microsoftAuthenticator':
      return {
        '@odata.type': methodODataType(m.type),
        id: m.id,
        displayName: m.displayName,
        deviceTag: m.deviceTag ?? 'SoftwareTokenActivated',
        phoneAppVersion: m.phoneAppVersion ?? null,
        createdDateTime: m.createdDateTime,
      };
    case 'softwareOath':
      return { '@odata.type': methodODataType(m.type), id: m.id, secretKey: null };
    case 'password':
      return { '@odata.type': methodODataType(m.type), id: m.id, password: null, createdDateTime: m.createdDateTime };
    case 'fido2':
      return {
        '@odata.type': methodODataType(m.type),
        id: m.id,
        displayName: m.displayName,
        createdDateTime: m.createdDateTime,
        aaGuid: m.aaGuid ?? null,
        model: m.model ?? null,
        attestationCertificates: [],
        attestationLevel: 'attested',
      };
    case 'temporaryAccessPass':
      // Graph shows the pass itself only in the response to its creation.
      return {
        '@odata.type': methodODataType(m.type),
        id: m.id,
        temporaryAccessPass: null,
        createdDateTime: m.createdDateTime,
        startDateTime: m.startDateTime ?? m.createdDateTime,
        lifetimeInMinutes: m.lifetimeInMinutes ?? null,
        isUsableOnce: m.isUsableOnce ?? false,
        ...tapUsability(m),
      };
    case 'phone':
      // Office phones take calls only; SMS sign-in is a separate, per-number setting.
      return {
        '@odata.type': methodODataType(m.type),
        id: m.id,
        phoneNumber: m.phoneNumber ?? null,
        phoneType: m.phoneType ?? 'mobile',
        smsSignInState: m.phoneType === 'office' ? 'notSupported' : 'notAllowedByPolicy',
      };
    case 'email':
      return { '@odata.type': methodODataType(m.type), id: m.id, emailAddress: m.emailAddress ?? null };
    case 'hardwareOath':
      return {
        '@odata.type': methodODataType(m.type),
        id: m.id,
        displayName: m.displayName,
        createdDateTime: m.createdDateTime,
        lastUsedDateTime: null,
      };
    case 'platformCredential':
      return {
        '@odata.type': methodODataType(m.type),
        id: m.id,
        displayName: m.displayName,
        createdDateTime: m.createdDateTime,
        keyStrength: 'normal',
        platform: 'macOS',
      };
    case 'windowsHelloForBusiness':
      return {
        '@odata.type': methodODataType(m.type),
        id: m.id,
        displayName: m.displayName,
        createdDateTime: m.createdDateTime,
        keyStrength: 'normal',
      };
    case 'qrCodePin':
      // The PIN and the QR code's data are returned only when they are created.
      return {
        '@odata.type': methodODataType(m.type),
        id: m.id,
        createdDateTime: m.createdDateTime,
        standardQRCode: null,
        temporaryQRCode: null,
        pin: null,
      };
    case 'external':
      return {
        '@odata.type': methodODataType(m.type),
        id: m.id,
        displayName: m.displayName,
        createdDateTime: m.createdDateTime,
        configurationId: '00000000-0000-0000-0000-0000000e7e01',
      };
  }
}

const USER_DEFAULT_PROPERTIES = [
  'businessPhones',
  'displayName',
  'givenName',
  'jobTitle',
  'mail',
  'mobilePhone',
  'officeLocation',
  'preferredLanguage',
  'surname',
  'userPrincipalName',
  'id',
];

const USER_KNOWN_PROPERTIES = new Set(
  [...USER_DEFAULT_PROPERTIES, 'accountEnabled', 'employeeId', 'otherMails', 'signInSessionsValidFromDateTime'].map(
    (p) => p.toLowerCase(),
  ),
);

function isExtensionAttribute(name: string): boolean {
  return /^extension_[A-Za-z0-9]+_[A-Za-z0-9_]+$/.test(name);
}

function userProperty(u: UserRecord, prop: string): unknown {
  const [given, ...rest] = u.displayName.split(' ');
  switch (prop.toLowerCase()) {
    case 'id':
      return u.id;
    case 'displayname':
      return u.displayName;
    case 'userprincipalname':
      return u.userPrincipalName;
    case 'mail':
      return u.mail;
    case 'othermails':
      return u.otherMails;
    case 'givenname':
      return given ?? null;
    case 'surname':
      return rest.join(' ') || null;
    case 'businessphones':
      return [];
    case 'accountenabled':
      return true;
    case 'employeeid':
      return u.nationalId;
    case 'signinsessionsvalidfromdatetime':
      return u.sessionsRevokedAt;
    default:
      if (isExtensionAttribute(prop)) return u.nationalId;
      return null;
  }
}

function userRepresentation(u: UserRecord, select: string[] | null): Record<string, unknown> {
  const props = select ?? USER_DEFAULT_PROPERTIES;
  const out: Record<string, unknown> = {};
  for (const p of props) out[p] = userProperty(u, p);
  return out;
}

// ---------------------------------------------------------------------------------------------
// The stand-in

export interface GraphStandIn {
  url: string;
  close(): Promise<void>;
}

export interface GraphStandInOptions {
  port?: number;
  /** https with this key and certificate (the production-shape tests); http without. */
  tls?: StandInTls;
  host?: string;
  /** People besides the fixture's (npm run bench:load seeds many); kept on /_admin/reset too. */
  extraPeople?: FixturePerson[];
}

export async function startGraphStandIn(options: GraphStandInOptions = {}): Promise<GraphStandIn> {
  const host = options.host ?? '127.0.0.1';
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = randomUUID();
  const publicJwk: JWK = { ...(await exportJWK(publicKey)), kid, use: 'sig', alg: 'RS256' };

  let users = seedUsers([...STAFF_PEOPLE, ...(options.extraPeople ?? [])]);
  let mailbox: CapturedMail[] = [];
  let tapPolicy: TapPolicy = { ...DEFAULT_TAP_POLICY };
  let latencyMs = 0;
  let rules: FaultRule[] = [];
  let requestLog: RequestLogEntry[] = [];
  let tokenRequests = 0;
  // Never reset: lets a test prove the site fetched one app token for its whole life.
  let tokenRequestsSinceStart = 0;
  let base = '';

  const tenantIssuer = (tenant: string) => `${base}/${tenant}/v2.0`;

  function metadata(tenant: string): Record<string, unknown> {
    return {
      token_endpoint: `${base}/${tenant}/oauth2/v2.0/token`,
      token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
      jwks_uri: `${base}/${tenant}/discovery/v2.0/keys`,
      response_modes_supported: ['query', 'fragment', 'form_post'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
      response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
      scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
      issuer: tenantIssuer(tenant),
      request_uri_parameter_supported: false,
      userinfo_endpoint: `${base}/oidc/userinfo`,
      authorization_endpoint: `${base}/${tenant}/oauth2/v2.0/authorize`,
      device_authorization_endpoint: `${base}/${tenant}/oauth2/v2.0/devicecode`,
      http_logout_supported: true,
      frontchannel_logout_supported: true,
      end_session_endpoint: `${base}/${tenant}/oauth2/v2.0/logout`,
      claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'auth_time', 'acr', 'nonce', 'tid', 'ver', 'oid'],
      kerberos_endpoint: `${base}/${tenant}/kerberos`,
      tenant_region_scope: 'EU',
      cloud_instance_name: 'microsoftonline.com',
      cloud_graph_host_name: 'graph.windows.net',
      msgraph_host: 'graph.microsoft.com',
      rbac_url: 'https://pas.windows.net',
    };
  }

  // ----- token endpoint ------------------------------------------------------------------------

  async function tokenEndpoint(
    tenant: string,
    req: http.IncomingMessage,
    rawBody: string,
  ): Promise<{ status: number; body: Record<string, unknown> }> {
    tokenRequests += 1;
    tokenRequestsSinceStart += 1;
    if (tenant !== ENTRA_TENANT_ID) {
      return entraError(
        400,
        'invalid_request',
        90002,
        `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`,
      );
    }
    const form = new URLSearchParams(rawBody);
    let clientId = form.get('client_id') ?? undefined;
    let clientSecret = form.get('client_secret') ?? undefined;
    const authz = req.headers.authorization;
    if (authz?.toLowerCase().startsWith('basic ')) {
      const decoded = Buffer.from(authz.slice(6), 'base64').toString('utf8');
      const i = decoded.indexOf(':');
      if (i > 0) {
        clientId = decodeURIComponent(decoded.slice(0, i));
        clientSecret = decodeURIComponent(decoded.slice(i + 1));
      }
    }
    const grantType = form.get('grant_type');
    if (!grantType) {
      return entraError(
        400,
        'invalid_request',
        900144,
        "The request body must contain the following parameter: 'grant_type'.",
      );
    }
    if (grantType !== 'client_credentials') {
      return entraError(
        400,
        'unsupported_grant_type',
        70003,
        `The app requested an unsupported grant type '${grantType}'.`,
      );
    }
    if (!clientId) {
      return entraError(
        400,
        'invalid_request',
        900144,
        "The request body must contain the following parameter: 'client_id'.",
      );
    }
    const knownClients: Record<string, { secret: string; roles: readonly string[]; oid: string }> = {
      [ENTRA_CLIENT_ID]: { secret: ENTRA_CLIENT_SECRET, roles: GRAPH_APP_ROLES, oid: SERVICE_PRINCIPAL_OBJECT_ID },
      [ENTRA_UNCONSENTED_CLIENT_ID]: {
        secret: ENTRA_UNCONSENTED_CLIENT_SECRET,
        roles: [],
        oid: UNCONSENTED_SP_OBJECT_ID,
      },
    };
    const client = knownClients[clientId];
    if (!client) {
      return entraError(
        400,
        'unauthorized_client',
        700016,
        `Application with identifier '${clientId}' was not found in the directory '${tenant}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
      );
    }
    let appidacr = '1';
    const assertion = form.get('client_assertion');
    if (clientSecret !== undefined) {
      if (clientSecret !== client.secret) {
        return entraError(
          401,
          'invalid_client',
          7000215,
          `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${clientId}'.`,
        );
      }
    } else if (assertion) {
      // Certificate credential: the stand-in only checks presence and the client id (it does not
      // know the certificate), like the contract says.
      if (form.get('client_assertion_type') !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer') {
        return entraError(
          400,
          'invalid_request',
          90014,
          "The request body must contain the following parameter: 'client_assertion_type'.",
        );
      }
      let claims: Record<string, unknown>;
      try {
        claims = decodeJwt(assertion) as Record<string, unknown>;
      } catch {
        return entraError(401, 'invalid_client', 50027, 'JWT token is invalid or malformed.');
      }
      if (claims.iss !== clientId || claims.sub !== clientId) {
        return entraError(
          401,
          'invalid_client',
          700021,
          "Client assertion application identifier doesn't match 'client_id' parameter.",
        );
      }
      appidacr = '2';
    } else {
      return entraError(
        401,
        'invalid_client',
        7000218,
        "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
      );
    }
    const scope = form.get('scope') ?? '';
    if (!scope) {
      return entraError(
        400,
        'invalid_request',
        900144,
        "The request body must contain the following parameter: 'scope'.",
      );
    }
    const scopes = scope.split(' ').filter(Boolean);
    if (scopes.length !== 1 || !scopes[0]!.endsWith('/.default')) {
      return entraError(
        400,
        'invalid_scope',
        1002012,
        `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
      );
    }
    const resource = scopes[0]!.slice(0, -'/.default'.length).replace(/\/$/, '');
    if (resource !== GRAPH_AUDIENCE && resource !== GRAPH_APP_ID) {
      return entraError(
        400,
        'invalid_resource',
        500011,
        `The resource principal named ${resource} was not found in the tenant named ${tenant}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.`,
      );
    }
    const iat = Math.floor(Date.now() / 1000);
    const payload: Record<string, unknown> = {
      aud: GRAPH_AUDIENCE,
      iss: tenantIssuer(tenant),
      iat,
      nbf: iat,
      exp: iat + 3599,
      app_displayname: clientId === ENTRA_CLIENT_ID ? 'tofaktor (local)' : 'unconsented (local)',
      appid: clientId,
      appidacr,
      idp: tenantIssuer(tenant),
      idtyp: 'app',
      oid: client.oid,
      sub: client.oid,
      tid: tenant,
      uti: randomUUID().replace(/-/g, '').slice(0, 22),
      ver: '1.0',
    };
    if (client.roles.length > 0) payload.roles = [...client.roles];
    const accessToken = await new SignJWT(payload)
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid })
      .sign(privateKey);
    return {
      status: 200,
      body: { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: accessToken },
    };
  }

  // ----- Graph dispatch ---------------------------------------------------------------------

  type AuthResult = { ok: true; roles: string[] } | { ok: false; response: GraphResponse };

  async function authenticate(req: GraphRequest): Promise<AuthResult> {
    const wwwAuth = {
      'WWW-Authenticate': `Bearer realm="", authorization_uri="${base}/common/oauth2/authorize", client_id="${GRAPH_APP_ID}"`,
    };
    const header = req.headers.authorization;
    if (!header || !/^Bearer\s+\S+/i.test(header)) {
      return {
        ok: false,
        response: graphError(req, 401, 'InvalidAuthenticationToken', 'Access token is empty.', wwwAuth),
      };
    }
    const token = header.replace(/^Bearer\s+/i, '').trim();
    try {
      const { payload } = await jwtVerify(token, publicKey, {
        algorithms: ['RS256'],
        audience: [GRAPH_AUDIENCE, GRAPH_APP_ID],
        clockTolerance: 5,
      });
      if (payload.tid !== ENTRA_TENANT_ID) {
        return {
          ok: false,
          response: graphError(
            req,
            401,
            'InvalidAuthenticationToken',
            'Access token validation failure. Invalid issuer.',
            wwwAuth,
          ),
        };
      }
      const roles = Array.isArray(payload.roles) ? payload.roles.filter((r): r is string => typeof r === 'string') : [];
      return { ok: true, roles };
    } catch (err) {
      let message = 'Access token validation failure.';
      if (err instanceof joseErrors.JWTExpired) message = 'Lifetime validation failed, the token is expired.';
      else if (err instanceof joseErrors.JWTClaimValidationFailed && err.claim === 'aud') {
        message = 'Access token validation failure. Invalid audience.';
      } else if (err instanceof joseErrors.JWSSignatureVerificationFailed) {
        message = 'Access token validation failure. Invalid signature.';
      } else if (err instanceof joseErrors.JWSInvalid || err instanceof joseErrors.JWTInvalid) {
        message = 'IDX14100: JWT is not well formed, there are no dots (.).';
      }
      return { ok: false, response: graphError(req, 401, 'InvalidAuthenticationToken', message, wwwAuth) };
    }
  }

  function takeFault(req: GraphRequest): FaultRule | undefined {
    const decoded = safeDecode(req.path);
    const rule = rules.find(
      (r) =>
        r.times > 0 &&
        r.method === req.method &&
        (req.path.includes(r.pathContains) || decoded.includes(r.pathContains)),
    );
    if (rule) rule.times -= 1;
    return rule;
  }

  function faultResponse(req: GraphRequest, rule: FaultRule): GraphResponse {
    const retryAfter = rule.retryAfterSeconds ?? (rule.status === 429 || rule.status === 503 ? 1 : undefined);
    const headers: Record<string, string> = retryAfter !== undefined ? { 'Retry-After': String(retryAfter) } : {};
    switch (rule.status) {
      case 400:
        return graphError(req, 400, 'badRequest', 'Bad request (fault injected by the stand-in).', headers);
      case 403:
        return graphError(
          req,
          403,
          'accessDenied',
          'Request Authorization failed (fault injected by the stand-in).',
          headers,
        );
      case 404:
        return graphError(
          req,
          404,
          'Request_ResourceNotFound',
          'Resource does not exist (fault injected by the stand-in).',
          headers,
        );
      case 429:
        return graphError(req, 429, 'TooManyRequests', 'Too many requests.', headers);
      case 503:
        return graphError(
          req,
          503,
          'serviceNotAvailable',
          'The service is temporarily unavailable. Please retry later.',
          headers,
        );
      default:
        return graphError(req, 500, 'generalException', 'General exception while processing.', headers);
    }
  }

  /** Every Graph call (direct or inside $batch) goes through here. */
  async function graphCall(req: GraphRequest): Promise<GraphResponse> {
    const startedAt = now();
    let response: GraphResponse;
    try {
      if (latencyMs > 0) await sleep(latencyMs);
      const auth = await authenticate(req);
      if (!auth.ok) {
        response = auth.response;
      } else {
        const fault = takeFault(req);
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
    requestLog.push({
      method: req.method,
      path: req.path,
      startedAt,
      endedAt: now(),
      status: response.status,
      viaBatch: req.viaBatch,
    });
    return response;
  }

  function requireRole(req: GraphRequest, roles: string[], accepted: string[]): GraphResponse | undefined {
    if (roles.some((r) => accepted.includes(r))) return undefined;
    return graphError(req, 403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');
  }

  function findUser(idOrUpn: string): UserRecord | undefined {
    const lower = idOrUpn.toLowerCase();
    return users.find((u) => u.id.toLowerCase() === lower || u.userPrincipalName.toLowerCase() === lower);
  }

  async function route(req: GraphRequest, roles: string[]): Promise<GraphResponse> {
    const url = new URL(req.path, 'http://graph.local');
    const pathname = url.pathname.replace(/\/+$/, '');
    const segments = pathname
      .split('/')
      .filter(Boolean)
      .map((s) => safeDecode(s));
    if (segments[0]?.toLowerCase() !== 'v1.0') {
      return graphError(req, 400, 'BadRequest', `Invalid version: ${segments[0] ?? ''}`);
    }
    const seg = segments.slice(1);
    const lower = seg.map((s) => s.toLowerCase());
    const m = req.method;

    const methodNotAllowed = () =>
      graphError(req, 405, 'Request_BadRequest', 'Specified HTTP method is not allowed for the request target.');

    // POST /$batch
    if (lower.length === 1 && lower[0] === '$batch') {
      if (m !== 'POST') return methodNotAllowed();
      return batch(req);
    }

    // GET /servicePrincipals(appId='…')/appRoleAssignedTo: who holds a role of the console's app (console-app.ts).
    // Application.Read.All is its least privileged permission; paged with $top and @odata.nextLink like Graph.
    const servicePrincipal = /^servicePrincipals\(appId='([^']*)'\)$/i.exec(seg[0] ?? '');
    if (servicePrincipal && lower.length === 2 && lower[1] === 'approleassignedto') {
      if (m !== 'GET') return methodNotAllowed();
      const denied = requireRole(req, roles, ['Application.Read.All', 'Application.ReadWrite.All', ...ROLES_READ_DIR]);
      if (denied) return denied;
      const all = appRoleAssignedTo(servicePrincipal[1]!);
      if (!all) return notFound(req, `appId=${servicePrincipal[1]}`);
      const top = Math.min(Number(/^\d{1,3}$/.exec(url.searchParams.get('$top') ?? '')?.[0] ?? 100) || 100, 999);
      const skip = Number(/^\d{1,4}$/.exec(url.searchParams.get('$skiptoken') ?? '')?.[0] ?? 0);
      const next = new URL(url.href.replace('http://graph.local', 'https://graph.microsoft.com'));
      next.searchParams.set('$skiptoken', String(skip + top));
      return ok({
        '@odata.context': `https://graph.microsoft.com/v1.0/$metadata#servicePrincipals('${all[0]?.resourceId}')/appRoleAssignedTo`,
        value: all.slice(skip, skip + top),
        ...(skip + top < all.length ? { '@odata.nextLink': next.toString() } : {}),
      });
    }

    if (lower[0] !== 'users') {
      return graphError(req, 400, 'BadRequest', `Resource not found for the segment '${seg[0] ?? ''}'.`);
    }

    // GET /users
    if (lower.length === 1) {
      if (m !== 'GET') return methodNotAllowed();
      return requireRole(req, roles, ROLES_READ_USERS) ?? listUsers(req, url);
    }

    const userId = seg[1]!;
    const user = findUser(userId);

    // GET /users/{id}
    if (lower.length === 2) {
      if (m !== 'GET') return methodNotAllowed();
      const denied = requireRole(req, roles, ROLES_READ_USERS);
      if (denied) return denied;
      if (!user) return notFound(req, userId);
      const select = parseSelect(url);
      if ('error' in select) return graphError(req, 400, 'Request_BadRequest', select.error);
      return ok({
        '@odata.context': `https://graph.microsoft.com/v1.0/$metadata#users${select.value ? `(${select.value.join(',')})` : ''}/$entity`,
        ...userRepresentation(user, select.value),
      });
    }

    // POST /users/{id}/revokeSignInSessions
    if (lower.length === 3 && lower[2] === 'revokesigninsessions') {
      if (m !== 'POST') return methodNotAllowed();
      const denied = requireRole(req, roles, ROLES_REVOKE);
      if (denied) return denied;
      if (!user) return notFound(req, userId);
      user.sessionsRevokedAt = new Date().toISOString();
      return ok({ '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#Edm.Boolean', value: true });
    }

    // POST /users/{id}/checkMemberGroups: which of the asked groups (at most 20) the user is a member of
    if (lower.length === 3 && lower[2] === 'checkmembergroups') {
      if (m !== 'POST') return methodNotAllowed();
      const denied = requireRole(req, roles, ROLES_MEMBER_GROUPS);
      if (denied) return denied;
      if (!user) return notFound(req, userId);
      const body = z.object({ groupIds: z.array(z.string()).min(1).max(20) }).safeParse(req.body);
      if (!body.success) {
        return graphError(
          req,
          400,
          'Request_BadRequest',
          "Invalid value specified for property 'groupIds' of resource 'checkMemberGroups'.",
        );
      }
      const member = new Set(user.memberOf.map((id) => id.toLowerCase()));
      return ok({
        '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#Collection(Edm.String)',
        value: body.data.groupIds.filter((id) => member.has(id.toLowerCase())),
      });
    }

    // POST /users/{id | userPrincipalName}/sendMail
    if (lower.length === 3 && lower[2] === 'sendmail') {
      if (m !== 'POST') return methodNotAllowed();
      const denied = requireRole(req, roles, ROLES_SEND_MAIL);
      if (denied) return denied;
      return sendMail(req, userId);
    }

    // POST /users/{id}/authentication/temporaryAccessPassMethods
    if (
      lower.length === 4 &&
      lower[2] === 'authentication' &&
      lower[3] === 'temporaryaccesspassmethods' &&
      m === 'POST'
    ) {
      const denied = requireRole(req, roles, ROLES_WRITE_TAP);
      if (denied) return denied;
      if (!user) return notFound(req, userId);
      return createTap(req, user);
    }

    if (lower[2] === 'authentication') {
      const kind = lower[3];
      const typeBySegment: Record<string, MethodType> = {
        microsoftauthenticatormethods: 'microsoftAuthenticator',
        softwareoathmethods: 'softwareOath',
        passwordmethods: 'password',
        fido2methods: 'fido2',
        temporaryaccesspassmethods: 'temporaryAccessPass',
        phonemethods: 'phone',
        emailmethods: 'email',
        hardwareoathmethods: 'hardwareOath',
        platformcredentialmethods: 'platformCredential',
        windowshelloforbusinessmethods: 'windowsHelloForBusiness',
        qrcodepinmethod: 'qrCodePin',
        externalauthenticationmethods: 'external',
      };
      // GET /users/{id}/authentication/methods
      if (lower.length === 4 && kind === 'methods') {
        if (m !== 'GET') return methodNotAllowed();
        const denied = requireRole(req, roles, ROLES_READ_METHODS);
        if (denied) return denied;
        if (!user) return notFound(req, userId);
        return ok({
          '@odata.context': `https://graph.microsoft.com/v1.0/$metadata#users('${user.id}')/authentication/methods`,
          value: user.methods.map(methodRepresentation),
        });
      }
      const type = kind ? typeBySegment[kind] : undefined;
      if (type && (lower.length === 4 || lower.length === 5)) {
        const segmentName = seg[3]!;
        if (lower.length === 4) {
          if (m !== 'GET') return methodNotAllowed();
          const denied = requireRole(req, roles, ROLES_READ_METHODS);
          if (denied) return denied;
          if (!user) return notFound(req, userId);
          return ok({
            '@odata.context': `https://graph.microsoft.com/v1.0/$metadata#users('${user.id}')/authentication/${segmentName}`,
            value: user.methods.filter((x) => x.type === type).map(methodRepresentation),
          });
        }
        const methodId = seg[4]!;
        if (m === 'GET') {
          const denied = requireRole(req, roles, ROLES_READ_METHODS);
          if (denied) return denied;
          if (!user) return notFound(req, userId);
          const method = user.methods.find((x) => x.type === type && x.id.toLowerCase() === methodId.toLowerCase());
          if (!method) return notFound(req, methodId);
          return ok({
            '@odata.context': `https://graph.microsoft.com/v1.0/$metadata#users('${user.id}')/authentication/${segmentName}/$entity`,
            ...methodRepresentation(method),
          });
        }
        if (m === 'DELETE' && type !== 'password') {
          const denied = requireRole(
            req,
            roles,
            type === 'temporaryAccessPass' ? ROLES_WRITE_TAP : ROLES_WRITE_METHODS,
          );
          if (denied) return denied;
          if (!user) return notFound(req, userId);
          const method = user.methods.find((x) => x.type === type && x.id.toLowerCase() === methodId.toLowerCase());
          if (!method) return notFound(req, methodId);
          const othersRemain = user.methods.some(
            (x) => x !== method && x.type !== 'password' && x.type !== 'temporaryAccessPass',
          );
          if (method.isDefault && othersRemain) {
            return graphError(req, 400, 'invalidRequest', 'Cannot delete default method with other methods configured');
          }
          user.methods = user.methods.filter((x) => x !== method);
          return noContent();
        }
        return methodNotAllowed();
      }
    }

    return graphError(req, 400, 'BadRequest', `Resource not found for the segment '${seg[seg.length - 1] ?? ''}'.`);
  }

  const registerMethodSchema = z.object({ nationalId: z.string(), displayName: z.string().min(1) });

  const tapRequestSchema = z.looseObject({
    lifetimeInMinutes: z.number().int().optional(),
    isUsableOnce: z.boolean().optional(),
    startDateTime: z.iso.datetime({ offset: true }).optional(),
  });

  // Characters of a generated pass: Entra's passes mix letters, digits and a few symbols (e.g. "+drkzqAD").
  const TAP_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789+-=#@%';

  function generatePass(length = 8): string {
    const bytes = new Uint8Array(length);
    crypto.getRandomValues(bytes);
    return Array.from(bytes, (b) => TAP_ALPHABET[b % TAP_ALPHABET.length]).join('');
  }

  /**
   * Graph's rules for a new pass: the policy must be on and target the user, the lifetime must lie within the
   * policy's range, a multi-use pass only if the policy allows it, and
   * a user has one pass: a new one replaces the old. The policy-off message is the stand-in's wording (Graph's
   * exact text for it is not documented); the lifetime message is Graph's.
   */
  function createTap(req: GraphRequest, user: UserRecord): GraphResponse {
    const parsed = tapRequestSchema.safeParse(req.body ?? {});
    if (!parsed.success)
      return graphError(req, 400, 'badRequest', 'Invalid request body for temporaryAccessPassAuthenticationMethod.');
    if (tapPolicy.state !== 'enabled' || tapPolicy.excludedUserIds.includes(user.id)) {
      return graphError(
        req,
        400,
        'badRequest',
        'Temporary Access Pass authentication method is not enabled for this user by the authentication methods policy.',
      );
    }
    const lifetime = parsed.data.lifetimeInMinutes ?? tapPolicy.defaultLifetimeInMinutes;
    if (lifetime < tapPolicy.minimumLifetimeInMinutes || lifetime > tapPolicy.maximumLifetimeInMinutes) {
      return graphError(
        req,
        400,
        'badRequest',
        `Invalid LifetimeInMinutes specified. The valid range between ${tapPolicy.minimumLifetimeInMinutes} and ${tapPolicy.maximumLifetimeInMinutes}.`,
      );
    }
    // A policy set to one-time passes only refuses a request for a multi-use one.
    if (tapPolicy.isUsableOnce && parsed.data.isUsableOnce === false) {
      return graphError(req, 400, 'badRequest', 'Multi-use Temporary Access Pass is not allowed by the policy.');
    }
    const isUsableOnce = parsed.data.isUsableOnce ?? tapPolicy.isUsableOnce;
    const createdDateTime = new Date().toISOString();
    const pass: FixtureMethod = {
      id: randomUUID(),
      type: 'temporaryAccessPass',
      displayName: null,
      createdDateTime,
      isDefault: false,
      temporaryAccessPass: generatePass(),
      lifetimeInMinutes: lifetime,
      isUsableOnce,
      startDateTime: parsed.data.startDateTime ? new Date(parsed.data.startDateTime).toISOString() : createdDateTime,
    };
    // One pass per user: the new one replaces any earlier one.
    user.methods = [...user.methods.filter((x) => x.type !== 'temporaryAccessPass'), pass];
    return ok(
      {
        '@odata.context': `https://graph.microsoft.com/v1.0/$metadata#users('${user.id}')/authentication/temporaryAccessPassMethods/$entity`,
        ...methodRepresentation(pass),
        temporaryAccessPass: pass.temporaryAccessPass,
      },
      201,
    );
  }

  const recipientsSchema = z
    .array(z.object({ emailAddress: z.object({ address: z.string().email(), name: z.string().optional() }) }))
    .optional();
  const sendMailSchema = z.object({
    message: z.object({
      subject: z.string().optional(),
      body: z.object({ contentType: z.enum(['Text', 'HTML', 'text', 'html']), content: z.string() }),
      toRecipients: recipientsSchema,
      ccRecipients: recipientsSchema,
      bccRecipients: recipientsSchema,
    }),
    saveToSentItems: z.boolean().optional(),
  });

  /** Graph answers 202 Accepted with no body; the stand-in keeps the message for tests and the demo page. */
  function sendMail(req: GraphRequest, sender: string): GraphResponse {
    if (!SERVICE_MAILBOXES.some((box) => box.toLowerCase() === sender.toLowerCase()) && !findUser(sender)) {
      return graphError(req, 404, 'ErrorInvalidUser', `The requested user '${sender}' is invalid.`);
    }
    const parsed = sendMailSchema.safeParse(req.body);
    if (!parsed.success) return graphError(req, 400, 'ErrorInvalidRequest', 'Cannot read the request body.');
    const { message } = parsed.data;
    const addresses = (list: z.output<typeof recipientsSchema>) => (list ?? []).map((r) => r.emailAddress.address);
    const to = addresses(message.toRecipients);
    const cc = addresses(message.ccRecipients);
    const bcc = addresses(message.bccRecipients);
    if (to.length + cc.length + bcc.length === 0) {
      return graphError(
        req,
        400,
        'ErrorInvalidRecipients',
        'At least one recipient is not valid., Recipient is missing.',
      );
    }
    mailbox.push({
      receivedAt: new Date().toISOString(),
      sender,
      subject: message.subject ?? '',
      contentType: message.body.contentType,
      content: message.body.content,
      toRecipients: to,
      ccRecipients: cc,
      bccRecipients: bcc,
      saveToSentItems: parsed.data.saveToSentItems ?? true,
    });
    return { status: 202, headers: {} };
  }

  function parseSelect(url: URL): { value: string[] | null } | { error: string } {
    const raw = url.searchParams.get('$select') ?? url.searchParams.get('select');
    if (!raw) return { value: null };
    const props = raw
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    for (const p of props) {
      if (!USER_KNOWN_PROPERTIES.has(p.toLowerCase()) && !isExtensionAttribute(p)) {
        return { error: `Could not find a property named '${p}' on type 'microsoft.graph.user'.` };
      }
    }
    return { value: props };
  }

  function listUsers(req: GraphRequest, url: URL): GraphResponse {
    const select = parseSelect(url);
    if ('error' in select) return graphError(req, 400, 'Request_BadRequest', select.error);
    const filter = url.searchParams.get('$filter') ?? url.searchParams.get('filter');
    const count = (url.searchParams.get('$count') ?? url.searchParams.get('count'))?.toLowerCase() === 'true';
    const eventual = (req.headers.consistencylevel ?? '').toLowerCase() === 'eventual';
    const topRaw = url.searchParams.get('$top') ?? url.searchParams.get('top');
    if (topRaw !== null && !/^\d{1,3}$/.test(topRaw)) {
      return graphError(req, 400, 'Request_BadRequest', `Invalid value '${topRaw}' for query parameter $top.`);
    }
    const top = topRaw === null ? 100 : Math.min(Number(topRaw), 999);
    let result = users;
    // startswith on displayName / userPrincipalName (one, or two joined by `or`): a default query, no ConsistencyLevel.
    const startsWith = filter ? parseStartsWithFilter(filter) : null;
    if (startsWith) {
      if ('error' in startsWith) return graphError(req, 400, startsWith.code, startsWith.error);
      result = users.filter((u) =>
        startsWith.clauses.some(([attr, value]) =>
          String(userProperty(u, attr) ?? '')
            .toLowerCase()
            .startsWith(value.toLowerCase()),
        ),
      );
    } else if (filter) {
      const match = /^\s*([A-Za-z][A-Za-z0-9_]*)\s+eq\s+'((?:[^']|'')*)'\s*$/.exec(filter);
      if (!match) {
        return graphError(
          req,
          400,
          'Request_UnsupportedQuery',
          'Unsupported or invalid query filter clause specified.',
        );
      }
      const attr = match[1]!;
      const value = match[2]!.replace(/''/g, "'");
      const attrLower = attr.toLowerCase();
      if (attrLower === 'employeeid' || isExtensionAttribute(attr)) {
        // Like real Graph, these attributes are only filterable with advanced query capabilities.
        if (!eventual || !count) {
          return graphError(
            req,
            400,
            'Request_UnsupportedQuery',
            `Unsupported or invalid query filter clause specified for property '${attr}' of resource 'User'.`,
          );
        }
        result = users.filter((u) => u.nationalId === value);
      } else if (
        attrLower === 'id' ||
        attrLower === 'userprincipalname' ||
        attrLower === 'mail' ||
        attrLower === 'displayname'
      ) {
        result = users.filter((u) => String(userProperty(u, attrLower) ?? '').toLowerCase() === value.toLowerCase());
      } else {
        return graphError(
          req,
          400,
          'Request_BadRequest',
          `Could not find a property named '${attr}' on type 'microsoft.graph.user'.`,
        );
      }
    }
    const body: Record<string, unknown> = {
      '@odata.context': `https://graph.microsoft.com/v1.0/$metadata#users${select.value ? `(${select.value.join(',')})` : ''}`,
    };
    if (count && eventual) body['@odata.count'] = result.length;
    body.value = result.slice(0, top).map((u) => userRepresentation(u, select.value));
    return ok(body);
  }

  /** `startswith(attr,'v')` clauses joined by `or`; null when the filter is something else. */
  function parseStartsWithFilter(
    filter: string,
  ): { clauses: [string, string][] } | { error: string; code: string } | null {
    if (!/^\s*startswith\(/i.test(filter)) return null;
    const clause = /^\s*startswith\(\s*([A-Za-z]+)\s*,\s*'((?:[^']|'')*)'\s*\)\s*/i;
    const clauses: [string, string][] = [];
    let rest = filter;
    while (rest.length > 0) {
      const match = clause.exec(rest);
      if (!match)
        return { code: 'Request_UnsupportedQuery', error: 'Unsupported or invalid query filter clause specified.' };
      const attr = match[1]!.toLowerCase();
      if (!['displayname', 'userprincipalname', 'mail', 'givenname', 'surname'].includes(attr)) {
        return {
          code: 'Request_BadRequest',
          error: `Could not find a property named '${match[1]}' on type 'microsoft.graph.user'.`,
        };
      }
      clauses.push([attr, match[2]!.replace(/''/g, "'")]);
      rest = rest.slice(match[0].length);
      const or = /^or\s+/i.exec(rest);
      if (or) rest = rest.slice(or[0].length);
      else if (rest.trim().length > 0)
        return { code: 'Request_UnsupportedQuery', error: 'Unsupported or invalid query filter clause specified.' };
      else break;
    }
    return { clauses };
  }

  const batchRequestSchema = z.object({
    requests: z
      .array(
        z.object({
          id: z.string().min(1),
          method: z.string().min(1),
          url: z.string().min(1),
          headers: z.record(z.string(), z.string()).optional(),
          body: z.unknown().optional(),
          dependsOn: z.array(z.string()).optional(),
        }),
      )
      .min(1),
  });

  async function batch(req: GraphRequest): Promise<GraphResponse> {
    const parsed = batchRequestSchema.safeParse(req.body);
    if (!parsed.success) return graphError(req, 400, 'BadRequest', 'Invalid batch payload format.');
    const { requests } = parsed.data;
    if (requests.length > 20) {
      return graphError(req, 400, 'BadRequest', 'The number of requests in the batch exceeds the limit of 20.');
    }
    const ids = new Set(requests.map((r) => r.id));
    if (ids.size !== requests.length) {
      return graphError(req, 400, 'BadRequest', 'Batch request contains duplicate request ids.');
    }
    for (const r of requests) {
      for (const d of r.dependsOn ?? []) {
        if (!ids.has(d))
          return graphError(req, 400, 'BadRequest', `Request '${r.id}' depends on unknown request '${d}'.`);
      }
    }
    const results = new Map<string, Promise<GraphResponse>>();
    const run = (r: (typeof requests)[number]): Promise<GraphResponse> => {
      const existing = results.get(r.id);
      if (existing) return existing;
      const p = (async (): Promise<GraphResponse> => {
        const deps = (r.dependsOn ?? []).map((d) => requests.find((x) => x.id === d)!);
        const depResults = await Promise.all(deps.map(run));
        const innerIds = { requestId: randomUUID(), clientRequestId: req.clientRequestId };
        if (depResults.some((dr) => dr.status >= 400)) {
          return graphError(
            innerIds,
            424,
            'FailedDependency',
            'The request could not be processed because a dependency failed.',
          );
        }
        const relative = r.url.startsWith('/') ? r.url : `/${r.url}`;
        const path = /^\/v1\.0(\/|$)/i.test(relative) ? relative : `/v1.0${relative}`;
        const innerHeaders: Record<string, string | undefined> = {};
        for (const [k, v] of Object.entries(r.headers ?? {})) innerHeaders[k.toLowerCase()] = v;
        innerHeaders.authorization = req.headers.authorization;
        const inner: GraphRequest = {
          method: r.method.toUpperCase(),
          path,
          headers: innerHeaders,
          body: r.body,
          viaBatch: true,
          ...innerIds,
        };
        if (path.toLowerCase().startsWith('/v1.0/$batch')) {
          return graphError(inner, 400, 'BadRequest', 'Nested batch requests are not supported.');
        }
        return graphCall(inner);
      })();
      results.set(r.id, p);
      return p;
    };
    const responses = await Promise.all(requests.map(run));
    return ok({
      responses: requests.map((r, i) => {
        const res = responses[i]!;
        const entry: Record<string, unknown> = { id: r.id, status: res.status, headers: res.headers };
        if (res.body !== undefined) entry.body = res.body;
        return entry;
      }),
    });
  }

  // ----- admin API ---------------------------------------------------------------------------

  async function admin(req: http.IncomingMessage, res: http.ServerResponse, pathname: string): Promise<void> {
    if (pathname === '/_admin/reset' && req.method === 'POST') {
      users = seedUsers([...STAFF_PEOPLE, ...(options.extraPeople ?? [])]);
      mailbox = [];
      tapPolicy = { ...DEFAULT_TAP_POLICY };
      latencyMs = 0;
      rules = [];
      requestLog = [];
      tokenRequests = 0;
      return sendJson(res, 200, { ok: true });
    }
    if (pathname === '/_admin/state' && req.method === 'GET') {
      return sendJson(res, 200, {
        users: users.map((u) => ({
          id: u.id,
          displayName: u.displayName,
          userPrincipalName: u.userPrincipalName,
          nationalId: u.nationalId,
          mail: u.mail,
          otherMails: u.otherMails,
          methods: u.methods,
          sessionsRevokedAt: u.sessionsRevokedAt,
        })),
      });
    }
    if (pathname === '/_admin/requests' && req.method === 'GET') {
      return sendJson(res, 200, { requests: requestLog, tokenRequests, tokenRequestsSinceStart });
    }
    if (pathname === '/_admin/mail' && req.method === 'GET') {
      return sendJson(res, 200, { messages: mailbox });
    }
    if (pathname === '/_admin/tap-policy' && req.method === 'GET') {
      return sendJson(res, 200, tapPolicy);
    }
    if (pathname === '/_admin/tap-policy' && req.method === 'POST') {
      const parsed = await readAdminBody(req, tapPolicySchema, 'TAP policy');
      if ('error' in parsed) return sendJson(res, 400, parsed.error);
      tapPolicy = { ...tapPolicy, ...parsed.data };
      return sendJson(res, 200, tapPolicy);
    }
    // A registration made outside the site (someone at mysignins.microsoft.com): tests add one after a reset.
    if (pathname === '/_admin/register-method' && req.method === 'POST') {
      const parsed = await readAdminBody(req, registerMethodSchema, 'registration');
      if ('error' in parsed) return sendJson(res, 400, parsed.error);
      const user = users.find((u) => u.nationalId === parsed.data.nationalId);
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
    }
    if (pathname === '/_admin/faults' && req.method === 'GET') {
      return sendJson(res, 200, { latencyMs, rules });
    }
    if (pathname === '/_admin/faults' && req.method === 'POST') {
      const parsed = await readAdminBody(req, faultsSchema, 'faults');
      if ('error' in parsed) return sendJson(res, 400, parsed.error);
      if (parsed.data.latencyMs !== undefined) latencyMs = parsed.data.latencyMs;
      if (parsed.data.rules !== undefined) rules = parsed.data.rules.map((r) => ({ ...r }));
      return sendJson(res, 200, { latencyMs, rules });
    }
    return sendJson(res, 404, { error: 'unknown admin endpoint' });
  }

  // ----- HTTP server -------------------------------------------------------------------------

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const requestId = randomUUID();
    const clientRequestIdHeader = req.headers['client-request-id'];
    const clientRequestId =
      (Array.isArray(clientRequestIdHeader) ? clientRequestIdHeader[0] : clientRequestIdHeader) ?? requestId;
    res.setHeader('request-id', requestId);
    res.setHeader('client-request-id', clientRequestId);
    const url = new URL(req.url ?? '/', base);
    const { pathname } = url;

    if (pathname.startsWith('/_admin/')) return admin(req, res, pathname);
    if (pathname === '/mail' && req.method === 'GET') return mailPage(res);

    // Entra: /{tenant}/v2.0/.well-known/openid-configuration, /{tenant}/discovery/v2.0/keys,
    // /{tenant}/oauth2/v2.0/token
    const entra =
      /^\/([^/]+)\/(v2\.0\/\.well-known\/openid-configuration|discovery\/v2\.0\/keys|oauth2\/v2\.0\/token)$/.exec(
        pathname,
      );
    if (entra) {
      const tenant = safeDecode(entra[1]!);
      const what = entra[2]!;
      if (what.startsWith('v2.0/.well-known')) {
        if (tenant !== ENTRA_TENANT_ID) {
          const e = entraError(400, 'invalid_tenant', 90002, `Tenant '${tenant}' not found.`);
          return sendJson(res, e.status, e.body);
        }
        return sendJson(res, 200, metadata(tenant));
      }
      if (what.startsWith('discovery')) return sendJson(res, 200, { keys: [publicJwk] });
      if (req.method !== 'POST') {
        const e = entraError(405, 'invalid_request', 900561, 'The endpoint only accepts POST requests.');
        return sendJson(res, e.status, e.body);
      }
      const raw = await readBody(req);
      const result = await tokenEndpoint(tenant, req, raw);
      return sendJson(res, result.status, result.body, { 'Cache-Control': 'no-store, no-cache', Pragma: 'no-cache' });
    }

    if (/^\/v1\.0(\/|$)/i.test(pathname)) {
      let body: unknown;
      if (req.method === 'POST' || req.method === 'PATCH' || req.method === 'PUT') {
        const raw = await readBody(req);
        if (raw) {
          try {
            body = JSON.parse(raw);
          } catch {
            return sendJson(
              res,
              400,
              graphError({ requestId, clientRequestId }, 400, 'BadRequest', 'Unable to read JSON request payload.')
                .body,
            );
          }
        }
      }
      const headers: Record<string, string | undefined> = {};
      for (const [k, v] of Object.entries(req.headers)) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
      const result = await graphCall({
        method: (req.method ?? 'GET').toUpperCase(),
        path: `${pathname}${url.search}`,
        headers,
        body,
        viaBatch: false,
        requestId,
        clientRequestId,
      });
      return sendJson(res, result.status, result.body, result.headers);
    }

    return sendJson(res, 404, { error: { code: 'NotFound', message: `No stand-in route for ${pathname}` } });
  }

  /** The demo's view of the captured notices: what the person would have received, newest first. */
  function mailPage(res: http.ServerResponse): void {
    const escape = (text: string) =>
      text.replace(
        /[&<>"']/g,
        (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
      );
    const items = [...mailbox]
      .reverse()
      .map(
        (mail) => `<article><h2>${escape(mail.subject)}</h2>
<p><b>From</b> ${escape(mail.sender)} · <b>To</b> ${escape([...mail.toRecipients, ...mail.ccRecipients, ...mail.bccRecipients].join(', '))} · ${escape(mail.receivedAt)}</p>
<pre>${escape(mail.content)}</pre></article>`,
      )
      .join('\n');
    res.statusCode = 200;
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(`<!doctype html><html lang="en"><meta charset="utf-8"><title>Captured mail (Graph stand-in)</title>
<style>body{font-family:sans-serif;max-width:50rem;margin:2rem auto;padding:0 1rem}pre{white-space:pre-wrap;background:#f4f4f4;padding:1rem}</style>
<h1>Captured mail</h1><p>Messages the site sent through POST /users/{sender}/sendMail. Nothing leaves this machine. JSON: <a href="/_admin/mail">/_admin/mail</a>.</p>
${items || '<p>No messages yet.</p>'}</html>`);
  }

  const { server, scheme } = createStandInServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: { code: 'generalException', message: String(err) } });
      else res.end();
    });
  }, options.tls);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? GRAPH_DEFAULT_PORT, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  base = `${scheme}://${host}:${port}`;

  return {
    url: base,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

// Run directly: `npx tsx dev/graph/server.ts`
if (typeof require !== 'undefined' && require.main === module) {
  const port = Number(process.env.GRAPH_STANDIN_PORT ?? GRAPH_DEFAULT_PORT);
  startGraphStandIn({ port })
    .then((standIn) => {
      console.log(`Graph stand-in listening on ${standIn.url}`);
      const stop = () => {
        standIn.close().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    })
    .catch((err: unknown) => {
      console.error(err);
      process.exit(1);
    });
}

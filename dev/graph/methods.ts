// Authentication methods: how Graph shows each of the twelve types, and GET and DELETE on
// /users/{id}/authentication/methods and on each type's own collection (…/fido2Methods/{id} and so on).
import type { FixtureMethod, MethodType } from './fixture';
import {
  graphError,
  METADATA,
  methodNotAllowed,
  noContent,
  notFound,
  ok,
  type GraphRoute,
  type RouteContext,
} from './graph-messages';
import { requireRole, ROLES_READ_METHODS, ROLES_WRITE_METHODS, ROLES_WRITE_TAP } from './permissions';

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

const named = (m: FixtureMethod) => ({ displayName: m.displayName, createdDateTime: m.createdDateTime });

/** Each type's properties after @odata.type and id, in Graph's order. Secrets are never shown once created. */
const SHAPES: Record<MethodType, (m: FixtureMethod) => Record<string, unknown>> = {
  microsoftAuthenticator: (m) => ({
    displayName: m.displayName,
    deviceTag: m.deviceTag ?? 'SoftwareTokenActivated',
    phoneAppVersion: m.phoneAppVersion ?? null,
    createdDateTime: m.createdDateTime,
  }),
  softwareOath: () => ({ secretKey: null }),
  password: (m) => ({ password: null, createdDateTime: m.createdDateTime }),
  fido2: (m) => ({
    ...named(m),
    aaGuid: m.aaGuid ?? null,
    model: m.model ?? null,
    attestationCertificates: [],
    attestationLevel: 'attested',
  }),
  // Graph shows the pass itself only in the response to its creation.
  temporaryAccessPass: (m) => ({
    temporaryAccessPass: null,
    createdDateTime: m.createdDateTime,
    startDateTime: m.startDateTime ?? m.createdDateTime,
    lifetimeInMinutes: m.lifetimeInMinutes ?? null,
    isUsableOnce: m.isUsableOnce ?? false,
    ...tapUsability(m),
  }),
  // Office phones take calls only; SMS sign-in is a separate, per-number setting.
  phone: (m) => ({
    phoneNumber: m.phoneNumber ?? null,
    phoneType: m.phoneType ?? 'mobile',
    smsSignInState: m.phoneType === 'office' ? 'notSupported' : 'notAllowedByPolicy',
  }),
  email: (m) => ({ emailAddress: m.emailAddress ?? null }),
  hardwareOath: (m) => ({ ...named(m), lastUsedDateTime: null }),
  platformCredential: (m) => ({ ...named(m), keyStrength: 'normal', platform: 'macOS' }),
  windowsHelloForBusiness: (m) => ({ ...named(m), keyStrength: 'normal' }),
  // The PIN and the QR code's data are returned only when they are created.
  qrCodePin: (m) => ({ createdDateTime: m.createdDateTime, standardQRCode: null, temporaryQRCode: null, pin: null }),
  external: (m) => ({ ...named(m), configurationId: '00000000-0000-0000-0000-0000000e7e01' }),
};

export function methodRepresentation(m: FixtureMethod): Record<string, unknown> {
  // Every type's OData name is `<type>AuthenticationMethod` (fido2AuthenticationMethod, externalAuthenticationMethod, …).
  return { '@odata.type': `#microsoft.graph.${m.type}AuthenticationMethod`, id: m.id, ...SHAPES[m.type](m) };
}

/** Each type's collection under /users/{id}/authentication, by its segment in lower case. */
const TYPE_BY_SEGMENT: Record<string, MethodType> = {
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

/** GET /users/{id}/authentication/methods: every registration, of every type. */
export const listAllMethods: GraphRoute = ({ req, roles, lower, segments, state }) => {
  if (lower.length !== 4 || lower[2] !== 'authentication' || lower[3] !== 'methods') return undefined;
  if (req.method !== 'GET') return methodNotAllowed(req);
  const denied = requireRole(req, roles, ROLES_READ_METHODS);
  if (denied) return denied;
  const user = state.findUser(segments[1]!);
  if (!user) return notFound(req, segments[1]!);
  return ok({
    '@odata.context': `${METADATA}#users('${user.id}')/authentication/methods`,
    value: user.methods.map(methodRepresentation),
  });
};

/** GET /users/{id}/authentication/{type}Methods, and GET or DELETE …/{type}Methods/{methodId}. */
export const methodsOfOneType: GraphRoute = (context) => {
  const { req, roles, lower, segments, state } = context;
  const type = lower[2] === 'authentication' && lower[3] ? TYPE_BY_SEGMENT[lower[3]] : undefined;
  if (!type || (lower.length !== 4 && lower.length !== 5)) return undefined;
  const [userId, , segmentName, methodId] = segments.slice(1) as [string, string, string, string | undefined];
  if (methodId === undefined) {
    if (req.method !== 'GET') return methodNotAllowed(req);
    const denied = requireRole(req, roles, ROLES_READ_METHODS);
    if (denied) return denied;
    const user = state.findUser(userId);
    if (!user) return notFound(req, userId);
    return ok({
      '@odata.context': `${METADATA}#users('${user.id}')/authentication/${segmentName}`,
      value: user.methods.filter((x) => x.type === type).map(methodRepresentation),
    });
  }
  if (req.method === 'GET') return getMethod(context, type, segmentName, methodId);
  if (req.method === 'DELETE' && type !== 'password') return deleteMethod(context, type, methodId);
  return methodNotAllowed(req);
};

function getMethod({ req, roles, segments, state }: RouteContext, type: MethodType, segmentName: string, id: string) {
  const denied = requireRole(req, roles, ROLES_READ_METHODS);
  if (denied) return denied;
  const user = state.findUser(segments[1]!);
  if (!user) return notFound(req, segments[1]!);
  const method = user.methods.find((x) => x.type === type && x.id.toLowerCase() === id.toLowerCase());
  if (!method) return notFound(req, id);
  return ok({
    '@odata.context': `${METADATA}#users('${user.id}')/authentication/${segmentName}/$entity`,
    ...methodRepresentation(method),
  });
}

/** Graph refuses to delete the default method while other methods remain (password and pass do not count). */
function deleteMethod({ req, roles, segments, state }: RouteContext, type: MethodType, id: string) {
  const denied = requireRole(req, roles, type === 'temporaryAccessPass' ? ROLES_WRITE_TAP : ROLES_WRITE_METHODS);
  if (denied) return denied;
  const user = state.findUser(segments[1]!);
  if (!user) return notFound(req, segments[1]!);
  const method = user.methods.find((x) => x.type === type && x.id.toLowerCase() === id.toLowerCase());
  if (!method) return notFound(req, id);
  const othersRemain = user.methods.some(
    (x) => x !== method && x.type !== 'password' && x.type !== 'temporaryAccessPass',
  );
  if (method.isDefault && othersRemain) {
    return graphError(req, 400, 'invalidRequest', 'Cannot delete default method with other methods configured');
  }
  user.methods = user.methods.filter((x) => x !== method);
  return noContent();
}

// Users: GET /users (the $filter and $select subset the site uses, with Graph's refusals of the rest),
// GET /users/{id | userPrincipalName} and POST /users/{id}/revokeSignInSessions.
import {
  graphError,
  METADATA,
  methodNotAllowed,
  notFound,
  ok,
  type GraphRequest,
  type GraphResponse,
  type GraphRoute,
} from './graph-messages';
import { requireRole, ROLES_READ_USERS, ROLES_REVOKE } from './permissions';
import type { UserRecord } from './state';

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
      // The national identity number may live in employeeId or in a directory extension attribute.
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

const selected = (select: string[] | null) => (select ? `(${select.join(',')})` : '');

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

/** `attr eq 'value'`: the users it matches, or Graph's refusal of the filter. */
function filterByEquality(
  req: GraphRequest,
  users: UserRecord[],
  filter: string,
  advancedQuery: boolean,
): UserRecord[] | GraphResponse {
  const match = /^\s*([A-Za-z][A-Za-z0-9_]*)\s+eq\s+'((?:[^']|'')*)'\s*$/.exec(filter);
  if (!match) {
    return graphError(req, 400, 'Request_UnsupportedQuery', 'Unsupported or invalid query filter clause specified.');
  }
  const attr = match[1]!;
  const value = match[2]!.replace(/''/g, "'");
  const attrLower = attr.toLowerCase();
  if (attrLower === 'employeeid' || isExtensionAttribute(attr)) {
    // Like real Graph, these attributes are only filterable with advanced query capabilities.
    if (!advancedQuery) {
      return graphError(
        req,
        400,
        'Request_UnsupportedQuery',
        `Unsupported or invalid query filter clause specified for property '${attr}' of resource 'User'.`,
      );
    }
    return users.filter((u) => u.nationalId === value);
  }
  if (['id', 'userprincipalname', 'mail', 'displayname'].includes(attrLower)) {
    return users.filter((u) => String(userProperty(u, attrLower) ?? '').toLowerCase() === value.toLowerCase());
  }
  return graphError(
    req,
    400,
    'Request_BadRequest',
    `Could not find a property named '${attr}' on type 'microsoft.graph.user'.`,
  );
}

/** The users a $filter matches: startswith on names (a default query, no ConsistencyLevel), or one equality. */
function filterUsers(
  req: GraphRequest,
  users: UserRecord[],
  filter: string | null,
  advancedQuery: boolean,
): UserRecord[] | GraphResponse {
  if (!filter) return users;
  const startsWith = parseStartsWithFilter(filter);
  if (!startsWith) return filterByEquality(req, users, filter, advancedQuery);
  if ('error' in startsWith) return graphError(req, 400, startsWith.code, startsWith.error);
  return users.filter((u) =>
    startsWith.clauses.some(([attr, value]) =>
      String(userProperty(u, attr) ?? '')
        .toLowerCase()
        .startsWith(value.toLowerCase()),
    ),
  );
}

/** GET /users */
export const listUsers: GraphRoute = ({ req, roles, url, lower, state }) => {
  if (lower.length !== 1) return undefined;
  if (req.method !== 'GET') return methodNotAllowed(req);
  const denied = requireRole(req, roles, ROLES_READ_USERS);
  if (denied) return denied;
  const query = (name: string) => url.searchParams.get(`$${name}`) ?? url.searchParams.get(name);
  const select = parseSelect(url);
  if ('error' in select) return graphError(req, 400, 'Request_BadRequest', select.error);
  const count = query('count')?.toLowerCase() === 'true';
  const eventual = (req.headers.consistencylevel ?? '').toLowerCase() === 'eventual';
  const topRaw = query('top');
  if (topRaw !== null && !/^\d{1,3}$/.test(topRaw)) {
    return graphError(req, 400, 'Request_BadRequest', `Invalid value '${topRaw}' for query parameter $top.`);
  }
  const top = topRaw === null ? 100 : Math.min(Number(topRaw), 999);
  const result = filterUsers(req, state.users, query('filter'), eventual && count);
  if (!Array.isArray(result)) return result;
  const body: Record<string, unknown> = { '@odata.context': `${METADATA}#users${selected(select.value)}` };
  if (count && eventual) body['@odata.count'] = result.length;
  body.value = result.slice(0, top).map((u) => userRepresentation(u, select.value));
  return ok(body);
};

/** GET /users/{id | userPrincipalName} */
export const getUser: GraphRoute = ({ req, roles, url, lower, segments, state }) => {
  if (lower.length !== 2) return undefined;
  if (req.method !== 'GET') return methodNotAllowed(req);
  const denied = requireRole(req, roles, ROLES_READ_USERS);
  if (denied) return denied;
  const user = state.findUser(segments[1]!);
  if (!user) return notFound(req, segments[1]!);
  const select = parseSelect(url);
  if ('error' in select) return graphError(req, 400, 'Request_BadRequest', select.error);
  return ok({
    '@odata.context': `${METADATA}#users${selected(select.value)}/$entity`,
    ...userRepresentation(user, select.value),
  });
};

/** POST /users/{id}/revokeSignInSessions */
export const revokeSignInSessions: GraphRoute = ({ req, roles, lower, segments, state }) => {
  if (lower.length !== 3 || lower[2] !== 'revokesigninsessions') return undefined;
  if (req.method !== 'POST') return methodNotAllowed(req);
  const denied = requireRole(req, roles, ROLES_REVOKE);
  if (denied) return denied;
  const user = state.findUser(segments[1]!);
  if (!user) return notFound(req, segments[1]!);
  user.sessionsRevokedAt = new Date().toISOString();
  return ok({ '@odata.context': `${METADATA}#Edm.Boolean`, value: true });
};

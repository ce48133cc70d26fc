// Group memberships and app role assignments: what the service desk console asks Graph about staff
// (POST /users/{id}/checkMemberGroups, GET /servicePrincipals(appId='…')/appRoleAssignedTo).
import { z } from 'zod';
import { appRoleAssignedTo } from './console-app';
import { graphError, METADATA, methodNotAllowed, notFound, ok, type GraphRoute } from './graph-messages';
import { requireRole, ROLES_MEMBER_GROUPS, ROLES_READ_APP_ROLE_ASSIGNMENTS } from './permissions';

const checkMemberGroupsSchema = z.object({ groupIds: z.array(z.string()).min(1).max(20) });

/** POST /users/{id}/checkMemberGroups: which of the asked groups (at most 20) the user is a member of. */
export const checkMemberGroups: GraphRoute = ({ req, roles, lower, segments, state }) => {
  if (lower.length !== 3 || lower[2] !== 'checkmembergroups') return undefined;
  if (req.method !== 'POST') return methodNotAllowed(req);
  const denied = requireRole(req, roles, ROLES_MEMBER_GROUPS);
  if (denied) return denied;
  const user = state.findUser(segments[1]!);
  if (!user) return notFound(req, segments[1]!);
  const body = checkMemberGroupsSchema.safeParse(req.body);
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
    '@odata.context': `${METADATA}#Collection(Edm.String)`,
    value: body.data.groupIds.filter((id) => member.has(id.toLowerCase())),
  });
};

/**
 * GET /servicePrincipals(appId='…')/appRoleAssignedTo: who holds a role of the console's app (console-app.ts).
 * Application.Read.All is its least privileged permission; paged with $top and @odata.nextLink like Graph.
 */
export const appRoleAssignments: GraphRoute = ({ req, roles, url, lower, segments }) => {
  const servicePrincipal = /^servicePrincipals\(appId='([^']*)'\)$/i.exec(segments[0] ?? '');
  if (!servicePrincipal || lower.length !== 2 || lower[1] !== 'approleassignedto') return undefined;
  if (req.method !== 'GET') return methodNotAllowed(req);
  const denied = requireRole(req, roles, ROLES_READ_APP_ROLE_ASSIGNMENTS);
  if (denied) return denied;
  const all = appRoleAssignedTo(servicePrincipal[1]!);
  if (!all) return notFound(req, `appId=${servicePrincipal[1]}`);
  const top = Math.min(Number(/^\d{1,3}$/.exec(url.searchParams.get('$top') ?? '')?.[0] ?? 100) || 100, 999);
  const skip = Number(/^\d{1,4}$/.exec(url.searchParams.get('$skiptoken') ?? '')?.[0] ?? 0);
  const next = new URL(url.href.replace('http://graph.local', 'https://graph.microsoft.com'));
  next.searchParams.set('$skiptoken', String(skip + top));
  return ok({
    '@odata.context': `${METADATA}#servicePrincipals('${all[0]?.resourceId}')/appRoleAssignedTo`,
    value: all.slice(skip, skip + top),
    ...(skip + top < all.length ? { '@odata.nextLink': next.toString() } : {}),
  });
};

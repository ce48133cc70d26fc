// The application permissions (app roles in the access token) each Graph call accepts: any one of a list will do,
// the least privileged first, as Graph's documentation lists them.
import { graphError, type GraphRequest, type GraphResponse } from './graph-messages';

export const ROLES_READ_USERS = [
  'User.Read.All',
  'User.ReadWrite.All',
  'Directory.Read.All',
  'Directory.ReadWrite.All',
];
export const ROLES_READ_METHODS = ['UserAuthenticationMethod.Read.All', 'UserAuthenticationMethod.ReadWrite.All'];
export const ROLES_WRITE_METHODS = ['UserAuthenticationMethod.ReadWrite.All'];
export const ROLES_REVOKE = ['User.RevokeSessions.All', 'User.ReadWrite.All', 'Directory.ReadWrite.All'];
export const ROLES_WRITE_TAP = ['UserAuthMethod-TAP.ReadWrite.All', 'UserAuthenticationMethod.ReadWrite.All'];
export const ROLES_SEND_MAIL = ['Mail.Send'];
const ROLES_READ_DIR = ['Directory.Read.All', 'Directory.ReadWrite.All'];
export const ROLES_READ_APP_ROLE_ASSIGNMENTS = ['Application.Read.All', 'Application.ReadWrite.All', ...ROLES_READ_DIR];
// checkMemberGroups on another user, app-only: group memberships need GroupMember.Read.All (or a Directory role).
export const ROLES_MEMBER_GROUPS = [
  'GroupMember.Read.All',
  'Group.Read.All',
  'Directory.Read.All',
  'Directory.ReadWrite.All',
];

/** Graph's 403 when the token holds none of the accepted roles; undefined when it holds one. */
export function requireRole(req: GraphRequest, roles: string[], accepted: string[]): GraphResponse | undefined {
  if (roles.some((r) => accepted.includes(r))) return undefined;
  return graphError(req, 403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');
}

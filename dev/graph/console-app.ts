// The service desk console's side of the Graph stand-in: the staff of dev/entra as directory accounts, and the
// console app's service principal with its app role assignments, as GET /servicePrincipals(appId='…')/
// appRoleAssignedTo returns them. Like a real tenant: the Agent role goes to the desk's group (its direct members
// hold it), the Auditor role straight to the auditor, and the member of staff without a role has "default access"
// only (an assignment without a role, which gives no console role).
import { CONSOLE_CLIENT_ID } from '../credentials';
import { CONSOLE_ROLES, STAFF } from '../entra/staff';
import type { FixturePerson } from './fixture';

export const CONSOLE_SERVICE_PRINCIPAL_ID = 'c0c0c0c0-0000-4000-8000-00000000c0c0';
/** The app roles' ids as the console's app registration defines them. */
export const CONSOLE_APP_ROLE_IDS = {
  [CONSOLE_ROLES.agent]: 'a0a0a0a0-0000-4000-8000-00000000a9e1',
  [CONSOLE_ROLES.auditor]: 'a0a0a0a0-0000-4000-8000-00000000a9e2',
} as const;
const DEFAULT_ACCESS = '00000000-0000-0000-0000-000000000000';
/** The IT service desk's group: assigned the Agent role, so each of its direct members is an agent. */
export const SERVICE_DESK_GROUP = { id: '5a5a5a5a-0000-4000-8000-00000000de51', displayName: 'IT-servicedesk' };

const agents = STAFF.filter((member) => member.roles.includes(CONSOLE_ROLES.agent));

/** The staff as accounts, each with one Authenticator registration a reset could remove (if it were allowed). */
export const STAFF_PEOPLE: FixturePerson[] = STAFF.map((member, index) => ({
  key: `staff-${member.key}`,
  // Staff are found by the console's search, never through ID-porten: a number no login can carry.
  nationalId: `staff-${index}`,
  description: `Staff: ${member.description}`,
  accounts: [
    {
      id: member.oid,
      displayName: member.name,
      userPrincipalName: member.preferredUsername,
      memberOf: agents.includes(member) ? [SERVICE_DESK_GROUP.id] : [],
      methods: [
        {
          id: `5f5f5f5f-0000-4000-8000-${member.oid.slice(-12)}`,
          type: 'microsoftAuthenticator',
          displayName: `${member.name.split(' ')[0]}s iPhone`,
          deviceTag: 'SoftwareTokenActivated',
          phoneAppVersion: '6.8.14',
          createdDateTime: '2025-08-01T09:00:00Z',
          isDefault: true,
        },
      ],
    },
  ],
}));

type Assignment = { principalId: string; principalDisplayName: string; principalType: 'User' | 'Group'; role: string };

function assignments(): Assignment[] {
  const direct = STAFF.filter((member) => !member.roles.includes(CONSOLE_ROLES.agent)).map((member) => ({
    principalId: member.oid,
    principalDisplayName: member.name,
    principalType: 'User' as const,
    role: member.roles.includes(CONSOLE_ROLES.auditor) ? CONSOLE_APP_ROLE_IDS[CONSOLE_ROLES.auditor] : DEFAULT_ACCESS,
  }));
  return [
    {
      principalId: SERVICE_DESK_GROUP.id,
      principalDisplayName: SERVICE_DESK_GROUP.displayName,
      principalType: 'Group',
      role: CONSOLE_APP_ROLE_IDS[CONSOLE_ROLES.agent],
    },
    ...direct,
  ];
}

/** appRoleAssignment resources exactly as Graph shapes them, for the app with this appId (null: no such app). */
export function appRoleAssignedTo(appId: string): Record<string, unknown>[] | null {
  if (appId.toLowerCase() !== CONSOLE_CLIENT_ID) return null;
  return assignments().map((assignment) => ({
    id: Buffer.from(`${assignment.principalId}:${assignment.role}`).toString('base64url').slice(0, 43),
    deletedDateTime: null,
    appRoleId: assignment.role,
    createdDateTime: '2025-08-01T08:00:00Z',
    principalDisplayName: assignment.principalDisplayName,
    principalId: assignment.principalId,
    principalType: assignment.principalType,
    resourceDisplayName: 'tofaktor servicedesk',
    resourceId: CONSOLE_SERVICE_PRINCIPAL_ID,
  }));
}

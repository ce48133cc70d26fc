// Synthetic staff of the Entra ID stand-in: who may log in to the service desk console, with which app roles and
// whether the login counts as multifactor. No imports, so tests can read it without the stand-in's dependencies.

export const CONSOLE_ROLES = { agent: 'ServiceDesk.Agent', auditor: 'ServiceDesk.Auditor' } as const;

export interface StaffMember {
  key: string;
  oid: string;
  preferredUsername: string;
  name: string;
  roles: string[];
  /** Entra's authentication methods references: ['pwd', 'mfa'] after a second factor, ['pwd'] without. */
  amr: string[];
  description: string;
}

export const STAFF: StaffMember[] = [
  {
    key: 'agent',
    oid: '5e5e5e5e-0000-4000-8000-00000000a001',
    preferredUsername: 'anne.agent@oslomet.no',
    name: 'Anne Agent',
    roles: [CONSOLE_ROLES.agent],
    amr: ['pwd', 'mfa'],
    description: 'Service desk agent (ServiceDesk.Agent), logs in with MFA.',
  },
  {
    key: 'auditor',
    oid: '5e5e5e5e-0000-4000-8000-00000000a002',
    preferredUsername: 'arne.revisor@oslomet.no',
    name: 'Arne Revisor',
    roles: [CONSOLE_ROLES.auditor],
    amr: ['pwd', 'mfa'],
    description: 'Auditor (ServiceDesk.Auditor): audit view and statistics only.',
  },
  {
    key: 'no-role',
    oid: '5e5e5e5e-0000-4000-8000-00000000a003',
    preferredUsername: 'nils.norolle@oslomet.no',
    name: 'Nils Utenrolle',
    roles: [],
    amr: ['pwd', 'mfa'],
    description: 'Staff member without a console role: gets the 403 page.',
  },
  {
    key: 'agent-no-mfa',
    oid: '5e5e5e5e-0000-4000-8000-00000000a004',
    preferredUsername: 'mona.utenmfa@oslomet.no',
    name: 'Mona Utenmfa',
    roles: [CONSOLE_ROLES.agent],
    amr: ['pwd'],
    description: 'Agent whose login lacks MFA (password only): refused.',
  },
];

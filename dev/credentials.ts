// Local, SYNTHETIC credentials of the stand-ins.
// They only work against dev/idporten, dev/graph and dev/entra; fine to commit. No imports on purpose, so that
// tests (jest, Playwright) can import this file without loading the stand-ins' ESM-only dependencies.

export const IDPORTEN_DEFAULT_PORT = 4010;
export const GRAPH_DEFAULT_PORT = 4020;
export const DEFAULT_APP_ORIGIN = 'http://localhost:3000';

export const IDPORTEN_CLIENT_ID = 'tofaktor-local';
export const IDPORTEN_CLIENT_SECRET = 'local-idporten-secret-not-for-production';
export const IDPORTEN_ACR_VALUES = ['idporten-loa-substantial', 'idporten-loa-high'] as const;

export const ENTRA_TENANT_ID = '11111111-2222-3333-4444-555555555555';
export const ENTRA_CLIENT_ID = '22222222-3333-4444-5555-666666666666';
export const ENTRA_CLIENT_SECRET = 'local-graph-secret-not-for-production';

/**
 * A second app registration in the stand-in tenant that has NO application permissions granted
 * (admin consent never given). Entra issues it a token without `roles`; Graph then answers 403.
 * Only for tests of the 403 path.
 */
export const ENTRA_UNCONSENTED_CLIENT_ID = '33333333-4444-5555-6666-777777777777';
export const ENTRA_UNCONSENTED_CLIENT_SECRET = 'local-graph-secret-without-consent';

/** App roles in the stand-in's Graph tokens for ENTRA_CLIENT_ID. */
export const GRAPH_APP_ROLES = [
  'User.Read.All',
  'UserAuthenticationMethod.ReadWrite.All',
  // Real Graph requires this (or User.ReadWrite.All / Directory.ReadWrite.All) for
  // POST /users/{id}/revokeSignInSessions; the stand-in enforces the same.
  'User.RevokeSessions.All',
  // Least privileged for creating a Temporary Access Pass (app-only).
  'UserAuthMethod-TAP.ReadWrite.All',
  // The notice; in the real tenant restricted to the one service mailbox (README).
  'Mail.Send',
  // The service desk console: checkMemberGroups (protected accounts). The user search needs only User.Read.All.
  'GroupMember.Read.All',
  // The service desk console: who holds a role of the console's app (servicePrincipals/appRoleAssignedTo).
  'Application.Read.All',
] as const;

/** The stand-in's service mailbox that may send the notices. */
export const NOTICE_SENDER_MAILBOX = 'tofaktor-noreply@oslomet.no';

// --- Entra ID stand-in for the service desk console's staff login (dev/entra) ---
export const ENTRA_STANDIN_DEFAULT_PORT = 4030;
/** The console's own app registration (OpenID Connect sign-in of staff), apart from the Graph app above. */
export const CONSOLE_CLIENT_ID = '66666666-7777-8888-9999-aaaaaaaaaaaa';
export const CONSOLE_CLIENT_SECRET = 'local-console-secret-not-for-production';
/** The Entra groups whose members the console must not reset (administrators, break-glass accounts). */
export const PROTECTED_GROUP_IDS = ['9a9a9a9a-0000-4000-8000-00000000ad01'] as const;

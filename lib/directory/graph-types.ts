// Raw Microsoft Graph v1.0 shapes, kept apart from the app's own types and parsed, not trusted.
import { z } from 'zod';

export const GraphUserSchema = z.object({
  id: z.string().min(1),
  displayName: z.string().nullable().optional(),
  userPrincipalName: z.string().nullable().optional(),
  mail: z.string().nullable().optional(),
  otherMails: z.array(z.string()).nullable().optional(),
});

export const GraphUserListSchema = z.object({
  '@odata.count': z.number().int().optional(),
  value: z.array(GraphUserSchema),
});

export const GRAPH_METHOD_TYPES = {
  '#microsoft.graph.microsoftAuthenticatorAuthenticationMethod': 'microsoftAuthenticator',
  '#microsoft.graph.softwareOathAuthenticationMethod': 'softwareOath',
  '#microsoft.graph.phoneAuthenticationMethod': 'phone',
} as const;

/**
 * Method types the site never removes, by what a person would call them. Graph's list holds every type the account
 * has; each is named on the confirm page as kept, so nobody believes a reset took away more than it did.
 */
export const GRAPH_KEPT_TYPES = {
  '#microsoft.graph.fido2AuthenticationMethod': 'securityKey',
  '#microsoft.graph.hardwareOathAuthenticationMethod': 'hardwareOath',
  '#microsoft.graph.platformCredentialAuthenticationMethod': 'platformCredential',
  '#microsoft.graph.windowsHelloForBusinessAuthenticationMethod': 'windowsHello',
  '#microsoft.graph.qrCodePinAuthenticationMethod': 'qrCodePin',
  '#microsoft.graph.externalAuthenticationMethod': 'external',
  '#microsoft.graph.emailAuthenticationMethod': 'email',
  '#microsoft.graph.passwordAuthenticationMethod': 'password',
  '#microsoft.graph.temporaryAccessPassAuthenticationMethod': 'temporaryAccessPass',
} as const;

// FIDO2 credentials: removable only when their AAGUID says Microsoft Authenticator (authenticator-passkeys.ts).
export const GRAPH_FIDO2_TYPE = '#microsoft.graph.fido2AuthenticationMethod';

// Other method types (password, phone, FIDO2 …) pass through loosely; the mapping drops them.
export const GraphAuthMethodSchema = z.looseObject({
  '@odata.type': z.string(),
  id: z.string().min(1),
  displayName: z.string().nullable().optional(),
  deviceTag: z.string().nullable().optional(),
  phoneAppVersion: z.string().nullable().optional(),
  createdDateTime: z.string().nullable().optional(),
  aaGuid: z.string().nullable().optional(),
  model: z.string().nullable().optional(),
  // phoneAuthenticationMethod: the number is personal data; only its last digits ever leave the adapter.
  phoneNumber: z.string().nullable().optional(),
  phoneType: z.string().nullable().optional(),
});

export const GraphAuthMethodListSchema = z.object({ value: z.array(GraphAuthMethodSchema) });

export const GraphRevokeResponseSchema = z.object({ value: z.boolean() });

// POST .../temporaryAccessPassMethods answers 201 with the pass; the only response that ever carries it.
export const GraphTemporaryAccessPassSchema = z.looseObject({
  id: z.string().min(1),
  temporaryAccessPass: z.string().min(1),
  createdDateTime: z.string(),
  startDateTime: z.string().nullable().optional(),
  lifetimeInMinutes: z.number().int().positive(),
  isUsableOnce: z.boolean(),
});

/** POST /users/{id}/checkMemberGroups: the subset of the asked group ids the user is a (transitive) member of. */
export const GraphCheckMemberGroupsSchema = z.object({ value: z.array(z.string()) });

/**
 * GET /servicePrincipals(appId='…')/appRoleAssignedTo: who holds a role of that app, users and groups alike. Groups
 * count for their direct members only (Entra's rule for app role assignment); paged with @odata.nextLink.
 */
export const GraphAppRoleAssignmentListSchema = z.object({
  '@odata.nextLink': z.string().optional(),
  value: z.array(
    z.looseObject({ principalId: z.string().min(1), principalType: z.string().nullable(), appRoleId: z.string() }),
  ),
});

export type GraphUser = z.output<typeof GraphUserSchema>;
export type GraphAuthMethod = z.output<typeof GraphAuthMethodSchema>;

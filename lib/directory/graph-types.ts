// Raw Microsoft Graph v1.0 shapes, kept apart from the app's own types and parsed, not trusted.
import { z } from 'zod';

export const GraphUserSchema = z.object({
  id: z.string().min(1),
  displayName: z.string().nullable().optional(),
  userPrincipalName: z.string().nullable().optional(),
});

export const GraphUserListSchema = z.object({
  '@odata.count': z.number().int().optional(),
  value: z.array(GraphUserSchema),
});

export const GRAPH_METHOD_TYPES = {
  '#microsoft.graph.microsoftAuthenticatorAuthenticationMethod': 'microsoftAuthenticator',
  '#microsoft.graph.softwareOathAuthenticationMethod': 'softwareOath',
} as const;

// Other method types (password, phone, FIDO2 …) pass through loosely; the mapping drops them.
export const GraphAuthMethodSchema = z.looseObject({
  '@odata.type': z.string(),
  id: z.string().min(1),
  displayName: z.string().nullable().optional(),
  deviceTag: z.string().nullable().optional(),
  phoneAppVersion: z.string().nullable().optional(),
  createdDateTime: z.string().nullable().optional(),
});

export const GraphAuthMethodListSchema = z.object({ value: z.array(GraphAuthMethodSchema) });

export const GraphRevokeResponseSchema = z.object({ value: z.boolean() });

export type GraphUser = z.output<typeof GraphUserSchema>;
export type GraphAuthMethod = z.output<typeof GraphAuthMethodSchema>;

// The ID token claims the site relies on. Anything that does not parse gives no session.
import { z } from 'zod';
import { NationalIdSchema } from '@/lib/national-id';

export const IdportenClaimsSchema = z.object({
  iss: z.string().url(),
  sub: z.string().min(1),
  pid: NationalIdSchema,
  acr: z.string().min(1),
  auth_time: z.number().int().positive(),
  sid: z.string().min(1).optional(),
  locale: z.string().optional(),
});
export type IdportenClaims = z.infer<typeof IdportenClaimsSchema>;

/** The ID token carries no `pid` at all — ID-porten's foreign eID and e-mail logins look like this. */
export function lacksNationalId(claims: Record<string, unknown>): boolean {
  return claims.pid === undefined || claims.pid === null || claims.pid === '';
}

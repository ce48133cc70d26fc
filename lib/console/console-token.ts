// What the console's encrypted session cookie holds about a member of staff, and what the console demands of it.
import { z } from 'zod';

export const CONSOLE_ROLES = { agent: 'ServiceDesk.Agent', auditor: 'ServiceDesk.Auditor' } as const;
export type ConsoleRole = keyof typeof CONSOLE_ROLES;

/** The Entra ID token's claims the console reads; anything else in the token is ignored. */
export const StaffClaimsSchema = z.object({
  tid: z.string().min(1),
  oid: z.string().min(1),
  preferred_username: z.string().min(1),
  name: z.string().optional(),
  roles: z.array(z.string()).optional().default([]),
  amr: z.array(z.string()).optional().default([]),
  auth_time: z.number().int().positive().optional(),
  iat: z.number().int().positive(),
});
export type StaffClaims = z.output<typeof StaffClaimsSchema>;

export const ConsoleTokenSchema = z.object({
  kind: z.literal('console'),
  oid: z.string().min(1),
  tid: z.string().min(1),
  username: z.string().min(1),
  name: z.string(),
  roles: z.array(z.enum(['agent', 'auditor'])).min(1),
  mfa: z.literal(true),
  /** epoch seconds: when the member of staff last signed in at Entra (auth_time, else the token's iat). */
  authTime: z.number().int().positive(),
  /** The server-side session record (lib/records/console-sessions.ts) this cookie belongs to. */
  sid: z.string().min(1),
});
export type ConsoleToken = z.output<typeof ConsoleTokenSchema>;

export type LoginRefusal = 'wrong-tenant' | 'no-mfa' | 'no-role';

/** The console's rules for a staff login, in order: our tenant, MFA, at least one console role. */
export function judgeStaffLogin(
  claims: StaffClaims,
  tenantId: string,
): { ok: true; token: Omit<ConsoleToken, 'sid'> } | { ok: false; reason: LoginRefusal } {
  if (claims.tid.toLowerCase() !== tenantId.toLowerCase()) return { ok: false, reason: 'wrong-tenant' };
  if (!claims.amr.includes('mfa')) return { ok: false, reason: 'no-mfa' };
  const roles = (Object.keys(CONSOLE_ROLES) as ConsoleRole[]).filter((role) =>
    claims.roles.includes(CONSOLE_ROLES[role]),
  );
  if (roles.length === 0) return { ok: false, reason: 'no-role' };
  return {
    ok: true,
    token: {
      kind: 'console',
      oid: claims.oid,
      tid: claims.tid,
      username: claims.preferred_username,
      name: claims.name ?? claims.preferred_username,
      roles,
      mfa: true,
      authTime: claims.auth_time ?? claims.iat,
    },
  };
}

/** Whether the login is recent enough for a reset (clock skew tolerated, a login from the future is not). */
export function isFreshLogin(authTime: number, maxAgeSeconds: number, now: Date): boolean {
  const age = now.getTime() / 1000 - authTime;
  return Number.isFinite(age) && age <= maxAgeSeconds && age >= -60;
}

/** Whether the session's lifetime, counted from the Entra login, is over at `now`. */
export function isPastLifetime(authTime: number, maxAgeSeconds: number, now: Date): boolean {
  return now.getTime() / 1000 - authTime > maxAgeSeconds;
}

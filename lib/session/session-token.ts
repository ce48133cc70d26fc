// The contents of the encrypted session cookie. Only the server ever decrypts it.
import { z } from 'zod';
import { routing } from '@/lib/i18n/routing';
import { NationalIdSchema } from '@/lib/national-id';

export const SessionTokenSchema = z.object({
  sub: z.string().min(1),
  pid: NationalIdSchema,
  acr: z.string().min(1),
  authTime: z.number().int().positive(),
  sid: z.string().min(1).optional(),
  // Auth.js' token id: what logout ends when ID-porten gave no sid.
  jti: z.string().min(1).optional(),
  idToken: z.string().min(1).optional(),
  locale: z.enum(routing.locales),
});
export type SessionToken = z.infer<typeof SessionTokenSchema>;

// Norwegian national identity numbers: validation before anything else sees them, and the keyed hash for records.
// No `server-only`: the ID-porten claim schema (used by lib/auth/idporten.ts) validates `pid` with this schema.
// The hash key is passed in by server-only callers; this module holds no secret itself.
import { createHmac } from 'node:crypto';
import { z } from 'zod';

const FIRST_CHECK_WEIGHTS = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const SECOND_CHECK_WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

/** mod-11 check digit over the first weights.length digits; null when no valid digit exists (remainder 1). */
function checkDigit(digits: number[], weights: number[]): number | null {
  const sum = weights.reduce((total, weight, index) => total + weight * (digits[index] ?? 0), 0);
  const digit = 11 - (sum % 11);
  if (digit === 11) return 0;
  return digit === 10 ? null : digit;
}

// D-numbers add 40 to the day; synthetic test numbers add 40 (NAV) or 80 (Skatteetaten) to the month.
function hasPlausibleDate(digits: number[]): boolean {
  const [d1 = 0, d2 = 0, m1 = 0, m2 = 0] = digits;
  let day = d1 * 10 + d2;
  let month = m1 * 10 + m2;
  if (day > 40) day -= 40;
  if (month > 80) month -= 80;
  else if (month > 40) month -= 40;
  return day >= 1 && day <= 31 && month >= 1 && month <= 12;
}

function hasValidCheckDigits(digits: number[]): boolean {
  return (
    checkDigit(digits, FIRST_CHECK_WEIGHTS) === digits[9] && checkDigit(digits, SECOND_CHECK_WEIGHTS) === digits[10]
  );
}

// Messages never contain the number: zod issues end up in logs and error pages.
export const NationalIdSchema = z
  .string({ error: 'must be a string' })
  .regex(/^\d{11}$/, { error: 'must be 11 digits', abort: true })
  .refine((value) => hasPlausibleDate([...value].map(Number)), {
    error: 'does not start with a valid date',
    abort: true,
  })
  .refine((value) => hasValidCheckDigits([...value].map(Number)), { error: 'has invalid check digits' })
  .brand<'NationalId'>();

export type NationalId = z.output<typeof NationalIdSchema>;

export function isNationalId(value: unknown): value is NationalId {
  return NationalIdSchema.safeParse(value).success;
}

/** Keyed hash (HMAC-SHA256, hex) so records can count and link attempts without storing the number. */
export function hashNationalId(id: NationalId, key: string): string {
  return createHmac('sha256', key).update(id, 'utf8').digest('hex');
}

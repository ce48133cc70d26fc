/** @jest-environment node */
import { hashNationalId, isNationalId, NationalIdSchema, type NationalId } from '@/lib/national-id';

// Synthetic numbers from the Graph stand-in's fixture shape and hand-computed ones; none belongs to a person.
const birthNumber = '01019012480';
const dNumber = '41019012393'; // day + 40
const navSynthetic = '01519012320'; // month + 40
const skatteetatenSynthetic = '01819012365'; // month + 80

describe('NationalIdSchema', () => {
  it.each([birthNumber, dNumber, navSynthetic, skatteetatenSynthetic, '04866110781', '27877822678'])(
    'accepts %s',
    (value) => {
      expect(NationalIdSchema.safeParse(value).success).toBe(true);
    },
  );

  it.each([
    ['too short', '0101901248', 'must be 11 digits'],
    ['too long', '010190124800', 'must be 11 digits'],
    ['letters', '0101901248a', 'must be 11 digits'],
    ['spaces', '010190 12480', 'must be 11 digits'],
    ['a wrong first check digit', '01019012490', 'has invalid check digits'],
    ['a wrong second check digit', '01019012481', 'has invalid check digits'],
    ['an impossible day', '32019012480', 'does not start with a valid date'],
    ['an impossible month', '01139012480', 'does not start with a valid date'],
  ])('refuses %s', (_what, value, message) => {
    const result = NationalIdSchema.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([message]);
  });

  it('never puts the number in an error message', () => {
    const value = '01019012481';
    const result = NationalIdSchema.safeParse(value);
    expect(JSON.stringify(result.error?.issues)).not.toContain(value);
    expect(result.error?.message).not.toContain(value);
  });

  it('refuses non-strings', () => {
    expect(isNationalId(1019012480)).toBe(false);
    expect(isNationalId(undefined)).toBe(false);
    expect(isNationalId(birthNumber)).toBe(true);
  });
});

describe('hashNationalId', () => {
  const id = NationalIdSchema.parse(birthNumber) as NationalId;

  it('is a keyed HMAC-SHA256 in hex', () => {
    const hash = hashNationalId(id, 'k'.repeat(32));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).toBe(hashNationalId(id, 'k'.repeat(32)));
    expect(hash).not.toBe(hashNationalId(id, 'j'.repeat(32)));
    expect(hash).not.toContain(birthNumber);
  });
});

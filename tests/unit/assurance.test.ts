/** @jest-environment node */
import { meetsAssurance } from '@/lib/idporten/assurance';

describe('meetsAssurance', () => {
  it.each([
    ['idporten-loa-substantial', 'idporten-loa-substantial', true],
    ['idporten-loa-high', 'idporten-loa-substantial', true],
    ['idporten-loa-high', 'idporten-loa-high', true],
    ['idporten-loa-substantial', 'idporten-loa-high', false],
    ['Level4', 'idporten-loa-substantial', false],
    ['', 'idporten-loa-substantial', false],
  ] as const)('%s against %s -> %s', (actual, required, expected) => {
    expect(meetsAssurance(actual, required)).toBe(expected);
  });
});

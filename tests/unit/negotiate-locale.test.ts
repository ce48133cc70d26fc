/** @jest-environment node */
import { negotiateLocale } from '@/lib/i18n/negotiate';

describe('negotiateLocale', () => {
  // nn, nn-NO and the older no-NN read nynorsk; other Norwegian tags read bokmål (the default).
  it.each([
    ['en-GB,en;q=0.9', 'en'],
    ['nb-NO,nb;q=0.9,en;q=0.8', 'nb'],
    ['nn-NO', 'nn'],
    ['nn', 'nn'],
    ['no-NN', 'nn'],
    ['nn-NO,nb;q=0.9,en;q=0.8', 'nn'],
    ['nb-NO,nn;q=0.9', 'nb'],
    ['en-GB,nn;q=0.5', 'en'],
    ['de-DE,NN-no;q=0.4,en;q=0.3', 'nn'],
    ['no-NO', 'nb'],
    ['nb-NO,no-NN;q=0.2', 'nb'],
    ['no', 'nb'],
    ['de-DE,en;q=0.5', 'en'],
    ['de-DE,fr;q=0.8', 'nb'],
    ['en;q=0.3,nb;q=0.7', 'nb'],
    ['en;q=0,nb;q=0', 'nb'],
    ['', 'nb'],
  ])('%s -> %s', (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });

  it('falls back to nb without a header', () => {
    expect(negotiateLocale(null)).toBe('nb');
  });
});

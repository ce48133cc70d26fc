import { withSoftHyphens } from '@/lib/i18n/soft-hyphens';

const shy = '\u00ad';

describe('soft hyphens in long Norwegian compounds', () => {
  it('marks the joints of a compound in any case and inflection', () => {
    expect(withSoftHyphens('Aktiver tofaktorautentisering')).toBe(`Aktiver to${shy}faktor${shy}autenti${shy}sering`);
    expect(withSoftHyphens('Tofaktorautentiseringa er klar')).toBe(`To${shy}faktor${shy}autenti${shy}seringa er klar`);
    expect(withSoftHyphens('Tilgjengelegheitserklæring')).toBe(`Tilgjenge${shy}legheits${shy}erklæring`);
  });

  it('marks every occurrence and leaves other text alone', () => {
    expect(withSoftHyphens('tofaktorautentisering og tofaktorautentisering')).toBe(
      `to${shy}faktor${shy}autenti${shy}sering og to${shy}faktor${shy}autenti${shy}sering`,
    );
    expect(withSoftHyphens('Two-factor authentication for guests')).toBe('Two-factor authentication for guests');
  });

  it('changes nothing but the soft hyphens', () => {
    const title = 'Tilgjengelighetserklæring og Sikkerhetsinformasjon';
    expect(withSoftHyphens(title).replaceAll(shy, '')).toBe(title);
  });
});

// Long Norwegian compounds in headings ("Tofaktorautentisering", "Tilgjengelegheitserklæring") are wider than a
// 320 px screen. Browsers hyphenate them with `hyphens: auto` only where they have a Norwegian hyphenation
// dictionary (Chromium on Linux and Windows has none), and otherwise break them anywhere without a hyphen. Soft
// hyphens at the compounds' joints work everywhere: the browser breaks there, shows a hyphen, and hides them
// otherwise. Screen readers and the spelling check ignore them.

const SOFT_HYPHEN = '\u00ad';

/** Where the long compounds of the site's headings may break, marked with "|". */
const JOINTS = [
  'to|faktor|autenti|sering',
  'tilgjenge|lighets|erklæring',
  'tilgjenge|legheits|erklæring',
  'sikkerhets|informasjon',
  'påloggings|metode',
  'nullstillings|veiledningen',
  'nullstillings|rettleiinga',
];

const PATTERNS = JOINTS.map((joints) => ({ whole: joints.replaceAll('|', ''), parts: joints.split('|') }));

/** The text with soft hyphens at the joints of the long compounds it contains, in any case and inflection. */
export function withSoftHyphens(text: string): string {
  let out = text;
  for (const { whole, parts } of PATTERNS) {
    const at = out.toLowerCase().indexOf(whole);
    if (at < 0) continue;
    let cursor = at;
    let marked = out.slice(0, at);
    parts.forEach((part, index) => {
      marked += out.slice(cursor, cursor + part.length) + (index < parts.length - 1 ? SOFT_HYPHEN : '');
      cursor += part.length;
    });
    out = marked + withSoftHyphens(out.slice(cursor));
  }
  return out;
}

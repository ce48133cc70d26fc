// Runs in `npm test` (node --test): the spelling check passes on the repository and fails on a fixture tree
// with one misspelt word in a guide, a message and an illustration in each of bokmål, nynorsk and English, and
// with valid words that are wrong here (content/spelling/wrong-<locale>.txt) in guides, messages, illustrations,
// the notice e-mails and the accessibility statement's table, while the same words in quotations pass.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { checkSegments, checkStyle, collectSegments, wordsOf } from '../../scripts/spelling/check-spelling.mjs';

const here = fileURLToPath(new URL('.', import.meta.url));
const repository = join(here, '..', '..');
const fixture = join(here, 'fixture');
const script = join(repository, 'scripts', 'spelling', 'check-spelling.mjs');

test('every guide, message and illustration in nb, nn and en is spelt right', () => {
  const unknown = checkSegments(collectSegments(repository));
  assert.deepEqual(
    unknown.map(({ locale, word, where }) => `${locale} ${word} (${where})`),
    [],
    'unknown words: fix them, or add real words to content/spelling/',
  );
});

test('no text on the site uses a valid word that is wrong here (content/spelling/wrong-<locale>.txt)', () => {
  const wrong = checkStyle(collectSegments(repository));
  assert.deepEqual(
    wrong.map(({ locale, word, where, right }) => `${locale} ${word} (${where}): ${right}`),
    [],
    'words wrong here: write the form on the right (content/STYLE.md)',
  );
});

test('a misspelt word in a guide, a message or an illustration is found in each language', () => {
  const found = checkSegments(collectSegments(fixture)).map(({ locale, word, where }) => [
    locale,
    word,
    where.split(/[ :]/)[0],
  ]);
  assert.deepEqual(found, [
    ['nb', 'brukernavnnet', 'content/nb/guide.mdx'],
    ['nb', 'pasordet', 'messages/nb.json'],
    ['nb', 'påloggingsmettode', 'public/illustrations/nb/x.svg'],
    ['nn', 'passordett', 'content/nn/guide.mdx'],
    ['nn', 'apppen', 'messages/nn.json'],
    ['nn', 'sikkerhet', 'messages/nn.json'],
    ['nn', 'nettlesarren', 'public/illustrations/nn/x.svg'],
    ['en', 'recieve', 'content/en/guide.mdx'],
    ['en', 'seperate', 'messages/en.json'],
    ['en', 'color', 'messages/en.json'],
    ['en', 'methd', 'public/illustrations/en/x.svg'],
    // bokmål in a nynorsk notice: unknown to nynorsk Hunspell, and on the wrong-word list too
    ['nn', 'ikke', 'lib/reset/notice.ts'],
    ['nn', 'Hva', 'lib/reset/notice.ts'],
  ]);
});

test('each kind of valid word that is wrong here is found in each language, but not inside a quotation', () => {
  const found = checkStyle(collectSegments(fixture)).map(({ locale, word, where }) => [
    locale,
    word,
    where.split(/[ :]/)[0],
  ]);
  assert.deepEqual(found, [
    // bokmål: a radical -a form where the site writes -en, an English word, a chin for a tick
    ['nb', 'klokka', 'content/nb/guide.mdx'],
    ['nb', 'mail', 'messages/nb.json'],
    // and English quotation marks in Norwegian text
    ['nb', '“', 'messages/nb.json'],
    ['nb', '”', 'messages/nb.json'],
    ['nb', 'Haka', 'public/illustrations/nb/x.svg'],
    // nynorsk: bokmål forms (a plural, a prefix, a suffix, a definite form) and a chin for a tick; the bokmål
    // label «Jobb- eller skolekonto» and **Logg på på en annen måte** are quotations and pass
    ['nn', 'Gjester', 'content/nn/guide.mdx'],
    ['nn', 'skolen', 'content/nn/guide.mdx'],
    ['nn', 'sikkerhet', 'messages/nn.json'],
    ['nn', 'haka', 'messages/nn.json'],
    ['nn', 'klokken', 'public/illustrations/nn/x.svg'],
    // English: the site's words (sign in, home page, email) and US spellings; **Organizations** and
    // “Organization” quote Microsoft and pass
    ['en', 'Log in', 'content/en/guide.mdx'],
    ['en', 'front page', 'content/en/guide.mdx'],
    ['en', 'organization', 'messages/en.json'],
    ['en', 'color', 'messages/en.json'],
    // and Norwegian or straight quotation marks in English text
    ['en', '«', 'messages/en.json'],
    ['en', '»', 'messages/en.json'],
    ['en', '"', 'messages/en.json'],
    ['en', '"', 'messages/en.json'],
    ['en', 'e-mail', 'public/illustrations/en/x.svg'],
    // the accessibility statement's table and the notice e-mails are checked too
    ['nn', 'tilgjengetreet', 'lib/accessibility/criteria.ts'],
    ['en', 'Log in', 'lib/accessibility/criteria.ts'],
    ['nb', 'mail', 'lib/reset/notice.ts'],
    ['nn', 'Gjester', 'lib/reset/notice.ts'],
    ['nn', 'ikke', 'lib/reset/notice.ts'],
    ['nn', 'Hva', 'lib/reset/notice.ts'],
    ['en', 'e-mail', 'lib/reset/notice.ts'],
  ]);
});

test('the command exits non-zero on misspelt words, so npm test fails', () => {
  const run = spawnSync(process.execPath, [script, fixture], { encoding: 'utf8' });
  assert.equal(run.status, 1);
  assert.match(run.stdout, /^en {2}recieve {2}\(content\/en\/guide\.mdx:5\)$/m);
  assert.match(run.stdout, /^nn {2}Gjester {2}\(content\/nn\/guide\.mdx:\d+\) {2}wrong here: gjestar$/m);
});

test('brackets and quotes mark words quoted from another language; links, addresses and numbers are no words', () => {
  const words = wordsOf({
    text: 'Velg **Neste** (Next) på mysignins.microsoft.com/security-info eller skriv til it@oslomet.no innen 2026.',
    locale: 'nb',
    where: 'x',
    quoted: false,
  });
  assert.deepEqual(
    words.map(({ word, quoted }) => `${word}${quoted ? '*' : ''}`),
    ['Velg', 'Neste', 'Next*', 'på', 'eller', 'skriv', 'til', 'innen'],
  );
});

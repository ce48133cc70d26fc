// Runs in `npm test` (node --test): the spelling check passes on the repository and fails on a fixture tree
// with one misspelt word in a guide, a message and an illustration in each of bokmål, nynorsk and English.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { checkSegments, collectSegments, wordsOf } from '../../scripts/spelling/check-spelling.mjs';

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
    ['nn', 'nettlesarren', 'public/illustrations/nn/x.svg'],
    ['en', 'recieve', 'content/en/guide.mdx'],
    ['en', 'seperate', 'messages/en.json'],
    ['en', 'methd', 'public/illustrations/en/x.svg'],
  ]);
});

test('the command exits non-zero on misspelt words, so npm test fails', () => {
  const run = spawnSync(process.execPath, [script, fixture], { encoding: 'utf8' });
  assert.equal(run.status, 1);
  assert.match(run.stdout, /^en {2}recieve {2}\(content\/en\/guide\.mdx:5\)$/m);
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

// The spelling check: every word a reader sees in a guide (text, headings, alt texts, captions, questions,
// title and description), a UI string or an illustration's text, in bokmål, nynorsk and British English,
// must be in Hunspell's dictionary for that language (nspell with dictionary-nb, -nn, -en-gb) or in the
// project's word list (content/spelling/). Hunspell cannot see a valid word used wrongly here (bokmål "gjester" in
// nynorsk, "haka" the chin for a tick, "log in" or "organization" in English): the per-language lists
// content/spelling/wrong-<locale>.txt name those, and every text outside quotations is checked against them
// (content/STYLE.md explains the style). The notice e-mails (lib/reset/notice.ts) and the accessibility
// statement's table are read too. `node scripts/spelling/check-spelling.mjs [root]` prints each unknown or wrong
// word with where it is and exits 1; tests/spelling proves that it fails on both. `root` is a tree shaped like the
// repository (the repository itself by default); the word lists are always the repository's.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

const require = createRequire(import.meta.url);
const REPOSITORY = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
const nspell = require('nspell');

export const LOCALES = ['nb', 'nn', 'en'];
const DICTIONARY = { nb: 'dictionary-nb', nn: 'dictionary-nn', en: 'dictionary-en-gb' };
// Words quoted from another language: Microsoft's English labels in brackets in Norwegian text, its Norwegian
// labels in brackets in English text, and in nynorsk its bokmål labels (quoted as Microsoft shows them).
const QUOTED = { nb: ['en'], nn: ['nb', 'en'], en: ['nb'] };
// Norwegian joins words into compounds that no dictionary lists; Hunspell's COMPOUNDMIN is 4 in both.
const COMPOUND_MIN = 4;
// Guide components whose string attributes are read by the reader (alt text, caption, titles, questions, and
// what a guide-fact component says when its setting is unset).
const READ_ATTRIBUTES = new Set(['alt', 'caption', 'title', 'question', 'unset']);

/**
 * One piece of text to check: its words, the language, whether it quotes another language, and where it is.
 * `label` marks text that quotes Microsoft's screens in the text's own language (English bold, drawn English
 * screens): spelt as Microsoft spells it, so it is spell-checked but not held to the site's style.
 */
function segment(text, locale, where, quoted = false, label = false) {
  return { text, locale, where, quoted, label };
}

/** The text of an MDX guide as the reader gets it: prose, headings, link text and the components' read attributes. */
export function guideSegments(source, locale, where) {
  const out = [];
  const metadata = source.match(/export const metadata = \{([\s\S]*?)\};/);
  if (metadata) {
    for (const [, value] of metadata[1].matchAll(/(?:title|description):\s*'((?:[^'\\]|\\.)*)'/g)) {
      out.push(segment(value.replace(/\\'/g, "'"), locale, `${where} (metadata)`));
    }
  }
  const tree = unified().use(remarkParse).use(remarkMdx).parse(source);
  visit(tree, (node, _index, parent) => {
    if (node.type === 'mdxjsEsm' || node.type === 'code' || node.type === 'inlineCode') return 'skip';
    const line = node.position ? `${where}:${node.position.start.line}` : where;
    if (node.type === 'text') {
      // In nynorsk, bold text quotes Microsoft's (bokmål) labels; brackets quote the other language everywhere.
      const bold = parent?.type === 'strong';
      out.push(segment(node.value, locale, line, bold && locale === 'nn', bold));
    }
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.attributes) {
      for (const attribute of node.attributes) {
        if (READ_ATTRIBUTES.has(attribute.name) && typeof attribute.value === 'string') {
          out.push(segment(attribute.value, locale, `${line} (${attribute.name})`));
        }
      }
    }
    return undefined;
  });
  return out;
}

/** A message's words without ICU syntax: placeholders, plural and select branches, rich-text tags. */
export function messageText(message) {
  return message
    .replace(/<\/?[a-zA-Z]+>/g, ' ')
    .replace(/\{\s*\w+\s*,\s*(?:plural|select|selectordinal)\s*,/g, ' ')
    .replace(/(?:^|\s)(?:zero|one|two|few|many|other|=\d+)\s*\{/g, ' ')
    .replace(/\{\s*\w+\s*\}/g, ' ')
    .replace(/[{}#]/g, ' ');
}

/** Every string in a messages file, with its key path. */
export function messageSegments(json, locale, where) {
  const out = [];
  const walk = (value, path) => {
    if (typeof value === 'string') out.push(segment(messageText(value), locale, `${where} ${path}`));
    else if (value && typeof value === 'object')
      for (const [key, inner] of Object.entries(value)) walk(inner, path ? `${path}.${key}` : key);
  };
  walk(json, '');
  return out;
}

const ENTITIES = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#x27;': "'", '&#39;': "'" };

/** An illustration's text: what it draws (<text>, quoting Microsoft's screens) and its title and description. */
export function svgSegments(svg, locale, where) {
  const out = [];
  for (const [, tag, body] of svg.matchAll(/<(text|title|desc)\b[^>]*>([^<]*)<\/\1>/g)) {
    const text = body.replace(/&[#\w]+;/g, (entity) => ENTITIES[entity] ?? ' ');
    // The drawn screens quote Microsoft, whose Norwegian screens are in bokmål.
    out.push(segment(text, locale, `${where} <${tag}>`, tag === 'text' && locale === 'nn', tag === 'text'));
  }
  return out;
}

/** The notice e-mails' strings per language: string and template literals (without `${…}`) in each block. */
export function noticeSegments(source, where) {
  const out = [];
  const start = source.indexOf('NOTICE_TEMPLATES');
  const templates = start < 0 ? '' : source.slice(start, source.indexOf('\n};', start));
  const blocks = [...templates.matchAll(/intlLocale: '(nb|nn|en)-[A-Z]{2}'/g)];
  blocks.forEach((block, index) => {
    const body = templates.slice(block.index, blocks[index + 1]?.index ?? templates.length);
    for (const match of body.matchAll(/'((?:[^'\\\n]|\\.)*)'|`((?:[^`\\]|\\.)*)`/g)) {
      // An object key ('national-id-card': …) is a name, not text.
      if (body[match.index + match[0].length] === ':') continue;
      const text = (match[1] ?? match[2] ?? '').replace(/\$\{[^}]*\}/g, ' ').replace(/\\'/g, "'");
      if (/^[a-z]{2}-[A-Z]{2}$/.test(text)) continue;
      // A plain-text e-mail: its quotation marks are not yet held to the style (lib/reset/notice.ts writes "…").
      out.push({ ...segment(text, block[1], where), plainText: true });
    }
  });
  return out;
}

/** All text of one tree (the repository, or a fixture shaped like it), per locale. */
export function collectSegments(root) {
  const out = [];
  for (const locale of LOCALES) {
    const guides = join(root, 'content', locale);
    for (const file of readdirSync(guides).filter((name) => name.endsWith('.mdx'))) {
      out.push(...guideSegments(readFileSync(join(guides, file), 'utf8'), locale, relative(root, join(guides, file))));
    }
    const messages = join(root, 'messages', `${locale}.json`);
    out.push(...messageSegments(JSON.parse(readFileSync(messages, 'utf8')), locale, relative(root, messages)));
    const pictures = join(root, 'public', 'illustrations', locale);
    for (const file of readdirSync(pictures).filter((name) => name.endsWith('.svg'))) {
      out.push(
        ...svgSegments(readFileSync(join(pictures, file), 'utf8'), locale, relative(root, join(pictures, file))),
      );
    }
  }
  // The accessibility statement's table: criterion names and notes, written per language in a data module.
  const criteria = join(root, 'lib', 'accessibility', 'criteria.ts');
  if (existsSync(criteria)) {
    const source = readFileSync(criteria, 'utf8');
    for (const [, locale, text] of source.matchAll(/\b(nb|nn|en): '((?:[^'\\]|\\.)*)'/g)) {
      out.push(segment(text.replace(/\\'/g, "'"), locale, relative(root, criteria)));
    }
  }
  // The notice e-mails: each language's strings in NOTICE_TEMPLATES, from its `intlLocale` to the next one.
  const notice = join(root, 'lib', 'reset', 'notice.ts');
  if (existsSync(notice)) out.push(...noticeSegments(readFileSync(notice, 'utf8'), relative(root, notice)));
  const shared = join(root, 'messages', 'global-error.json');
  const perLocale = JSON.parse(readFileSync(shared, 'utf8'));
  for (const locale of LOCALES) out.push(...messageSegments(perLocale[locale], locale, relative(root, shared)));
  return out;
}

/**
 * The words of a segment, each with whether it may be a quotation from another language. Links, e-mail
 * addresses, host names and anything with a digit are not words. A hyphenated word ("e-post", "ID-porten",
 * "OsloMet-kontoen") is known when the word list has it whole, or when each part is known.
 */
export function wordsOf(seg) {
  const words = [];
  const text = seg.text
    .replace(/\u00ad/g, '')
    .replace(/[’‘]/g, "'")
    .replace(/\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/g, ' ')
    .replace(/\b(?:https?:\/\/)?(?:[\w-]+\.)+(?:no|com|org|net)(?:\/[^\s)]*)?/gi, ' ');
  // Brackets, «guillemets» and “quotes” mark words quoted from another language or from Microsoft's screens.
  let depth = 0;
  for (const token of text.split(/([()«»“”"]|\s+)/)) {
    if (token === '(' || token === '«' || token === '“') depth += 1;
    else if ((token === ')' || token === '»' || token === '”') && depth > 0) depth -= 1;
    if (!token || /^\s+$/.test(token)) continue;
    for (const piece of token.split(/[–—/]/)) {
      const whole = piece.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '').replace(/'s$/, '');
      if (!whole || /\d/.test(whole)) continue;
      const parts = whole.split('-').filter((part) => /\p{L}/u.test(part));
      if (parts.length > 0) words.push({ word: whole, parts, quoted: seg.quoted || depth > 0 });
    }
  }
  return words;
}

/** The project's word list for a locale: content/spelling/project.txt (names, every language) and <locale>.txt. */
export function projectWords(locale, root = REPOSITORY) {
  const read = (name) => {
    try {
      return readFileSync(join(root, 'content', 'spelling', name), 'utf8');
    } catch {
      return '';
    }
  };
  const lines = `${read('project.txt')}\n${read(`${locale}.txt`)}`.split('\n');
  return new Set(lines.map((line) => line.replace(/#.*/, '').trim()).filter(Boolean));
}

/**
 * A Hunspell dictionary cut down to the stems that can make the words we check: loading all of Norwegian
 * takes nspell many seconds, and a stem that is no part of any word in the text can never match one.
 */
function loadDictionary(locale, words) {
  const folder = join(REPOSITORY, 'node_modules', DICTIONARY[locale]);
  const aff = readFileSync(join(folder, 'index.aff'));
  const pieces = new Set();
  for (const word of words) {
    const lower = word.toLowerCase();
    for (let start = 0; start < lower.length; start += 1) {
      for (let end = start + 1; end <= lower.length; end += 1) pieces.add(lower.slice(start, end));
    }
  }
  const kept = [];
  for (const line of readFileSync(join(folder, 'index.dic'), 'utf8').split('\n').slice(1)) {
    const stem = line.split(/[/\t ]/)[0].toLowerCase();
    // A suffix rule may strip up to a few letters from the stem's end before adding its own.
    for (let strip = 0; strip <= 4 && stem.length - strip >= 1; strip += 1) {
      if (pieces.has(stem.slice(0, stem.length - strip))) {
        kept.push(line);
        break;
      }
    }
  }
  return nspell(aff, Buffer.from(`${kept.length}\n${kept.join('\n')}\n`));
}

/** Checks every segment; returns the unknown words with where they are, in the order they were found. */
export function checkSegments(segments) {
  const wordsByLocale = { nb: new Set(), nn: new Set(), en: new Set() };
  const words = segments.map((seg) => ({ seg, words: wordsOf(seg) }));
  for (const { seg, words: list } of words) {
    for (const { parts, quoted } of list) {
      for (const part of parts) {
        wordsByLocale[seg.locale].add(part);
        if (quoted) for (const other of QUOTED[seg.locale]) wordsByLocale[other].add(part);
      }
    }
  }
  const spell = Object.fromEntries(LOCALES.map((locale) => [locale, loadDictionary(locale, wordsByLocale[locale])]));
  const project = Object.fromEntries(LOCALES.map((locale) => [locale, projectWords(locale)]));
  const correct = (word, locale) => spell[locale].correct(word) || (locale !== 'en' && isCompound(word, spell[locale]));
  // A listed word also counts with a capital first letter, at the start of a sentence or a heading.
  const listed = (word, locale) =>
    project[locale].has(word) || project[locale].has(word[0].toLowerCase() + word.slice(1));
  const known = (word, locale) => listed(word, locale) || correct(word, locale);
  const unknown = [];
  for (const { seg, words: list } of words) {
    const languages = [seg.locale];
    for (const { word, parts, quoted } of list) {
      const options = quoted ? [...languages, ...QUOTED[seg.locale]] : languages;
      if (options.some((locale) => listed(word, locale))) continue;
      for (const part of parts) {
        if (options.some((locale) => known(part, locale))) continue;
        unknown.push({ word: part, locale: seg.locale, where: seg.where });
      }
    }
  }
  return unknown;
}

/**
 * The valid words that are wrong on this site, per language: content/spelling/wrong-<locale>.txt, one
 * `wrong = right  # why` a line. A `*` at the start or end of the wrong form stands for any letters (a suffix such
 * as nynorsk "*het", a prefix such as "skole*"); a form with a space is a phrase ("log in", "front page").
 */
export function wrongForms(locale, root = REPOSITORY) {
  let source = '';
  try {
    source = readFileSync(join(root, 'content', 'spelling', `wrong-${locale}.txt`), 'utf8');
  } catch {
    return [];
  }
  const rules = [];
  for (const line of source.split('\n')) {
    const rule = line.replace(/#.*/, '').trim();
    const cut = rule.indexOf('=');
    if (cut < 0) continue;
    const wrong = rule.slice(0, cut).trim();
    const right = rule.slice(cut + 1).trim();
    const body = wrong
      .replace(/^\*|\*$/g, '')
      .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      .replace(/\s+/g, '\\s+');
    const before = wrong.startsWith('*') ? '\\p{L}+' : '';
    const after = wrong.endsWith('*') ? '\\p{L}*' : '';
    rules.push({
      wrong,
      right,
      pattern: new RegExp(`(?<![\\p{L}\\p{N}])${before}${body}${after}(?![\\p{L}\\p{N}])`, 'giu'),
    });
  }
  return rules;
}

/**
 * A segment's own words, without what it quotes: Microsoft's labels in «guillemets», “quotes”, "quotes" or
 * (brackets), links and e-mail addresses. Quoted segments (nynorsk bold, drawn screens) and labels have none.
 */
export function ownText(seg) {
  if (seg.quoted || seg.label) return '';
  let text = seg.text
    .replace(/\u00ad/g, '')
    .replace(/\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/g, ' ')
    .replace(/\b(?:https?:\/\/)?(?:[\w-]+\.)+(?:no|com|org|net)(?:\/[^\s)]*)?/gi, ' ');
  for (let previous = ''; previous !== text;) {
    previous = text;
    text = text.replace(/\([^()]*\)|«[^«»]*»|“[^“”]*”|"[^"]*"/g, ' ');
  }
  return text;
}

// Quotation marks each language writes (content/STYLE.md): «» in Norwegian, “” in English; a straight " never.
const WRONG_QUOTES = {
  nb: { pattern: /["“”]/g, right: '«» (Norwegian quotation marks)' },
  nn: { pattern: /["“”]/g, right: '«» (Norwegian quotation marks)' },
  en: { pattern: /["«»]/g, right: '“” (English quotation marks)' },
};

/**
 * Checks every segment's own words against its language's list of wrong forms, and all its text for the other
 * language's quotation marks; returns each hit and the fix.
 */
export function checkStyle(segments, root = REPOSITORY) {
  const rules = Object.fromEntries(LOCALES.map((locale) => [locale, wrongForms(locale, root)]));
  const wrong = [];
  for (const seg of segments) {
    const quotes = WRONG_QUOTES[seg.locale];
    for (const match of seg.plainText ? [] : seg.text.matchAll(quotes.pattern)) {
      wrong.push({ word: match[0], right: quotes.right, locale: seg.locale, where: seg.where });
    }
    const text = ownText(seg);
    if (!text.trim()) continue;
    for (const rule of rules[seg.locale]) {
      for (const match of text.matchAll(rule.pattern)) {
        wrong.push({ word: match[0], right: rule.right, locale: seg.locale, where: seg.where });
      }
    }
  }
  return wrong;
}

/** A Norwegian compound of two or three known words (at least four letters each), with an optional joining s or e. */
function isCompound(word, spell, depth = 0) {
  const lower = word.toLowerCase();
  for (let cut = COMPOUND_MIN; cut <= lower.length - COMPOUND_MIN; cut += 1) {
    const head = lower.slice(0, cut);
    const tail = lower.slice(cut);
    const heads = [head];
    if (/[se]$/.test(head) && head.length > COMPOUND_MIN) heads.push(head.slice(0, -1));
    if (!heads.some((candidate) => spell.correct(candidate))) continue;
    if (spell.correct(tail) || (depth === 0 && isCompound(tail, spell, 1))) return true;
  }
  return false;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  const segments = collectSegments(process.argv[2] ?? REPOSITORY);
  const unknown = checkSegments(segments);
  const wrong = checkStyle(segments);
  for (const { word, locale, where } of unknown) console.log(`${locale}  ${word}  (${where})`);
  for (const { word, right, locale, where } of wrong)
    console.log(`${locale}  ${word}  (${where})  wrong here: ${right}`);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (unknown.length > 0 || wrong.length > 0) {
    console.error(
      `spelling: ${unknown.length} unknown words, ${wrong.length} words wrong here. Fix them, add real words to ` +
        'content/spelling/<locale>.txt, or see content/spelling/wrong-<locale>.txt and content/STYLE.md.',
    );
    process.exit(1);
  }
  console.log(`spelling: ${segments.length} texts in nb, nn and en checked, no unknown or wrong words (${seconds} s).`);
}

/** @jest-environment node */
import nb from '@/messages/nb.json';
import nn from '@/messages/nn.json';
import en from '@/messages/en.json';
import { routing, type Locale } from '@/lib/i18n/routing';

const messages: Record<Locale, unknown> = { nb, nn, en };

function keyPaths(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keyPaths(child, prefix ? `${prefix}.${key}` : key));
}

function placeholders(message: string): string[] {
  return [...message.matchAll(/\{(\w+)/g)].map((match) => match[1] ?? '').sort();
}

function tags(message: string): string[] {
  return [...message.matchAll(/<(\w+)>/g)].map((match) => match[1] ?? '').sort();
}

const lookup = (tree: unknown, path: string) =>
  path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], tree);

const others = routing.locales.filter((locale) => locale !== 'nb');

describe('UI messages', () => {
  const nbKeys = keyPaths(nb).sort();

  it('covers every locale the site routes', () => {
    expect(Object.keys(messages).sort()).toEqual([...routing.locales].sort());
  });

  it.each(others)('has every bokmål key in %s', (locale) => {
    const keys = keyPaths(messages[locale]);
    expect(nbKeys.filter((key) => !keys.includes(key))).toEqual([]);
  });

  it.each(others)('has no key in %s that bokmål lacks', (locale) => {
    expect(keyPaths(messages[locale]).filter((key) => !nbKeys.includes(key))).toEqual([]);
  });

  it.each(others)('uses the same placeholders and rich-text tags in %s as in bokmål', (locale) => {
    const mismatches = nbKeys.filter((path) => {
      const ours = String(lookup(nb, path));
      const theirs = String(lookup(messages[locale], path));
      return placeholders(ours).join() !== placeholders(theirs).join() || tags(ours).join() !== tags(theirs).join();
    });
    expect(mismatches).toEqual([]);
  });

  it('has no empty message in any locale', () => {
    const empty = routing.locales.flatMap((locale) =>
      keyPaths(messages[locale])
        .filter((path) => !String(lookup(messages[locale], path)).trim())
        .map((path) => `${locale}:${path}`),
    );
    expect(empty).toEqual([]);
  });

  it('names each language in its own language for the switcher', () => {
    expect([nb, nn, en].map((file) => file.LanguageSwitcher.ownName)).toEqual(['Bokmål', 'Nynorsk', 'English']);
  });
});

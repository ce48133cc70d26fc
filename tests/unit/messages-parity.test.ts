/** @jest-environment node */
import nb from '@/messages/nb.json';
import en from '@/messages/en.json';

function keyPaths(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keyPaths(child, prefix ? `${prefix}.${key}` : key));
}

function placeholders(message: string): string[] {
  return [...message.matchAll(/\{(\w+)/g)].map((match) => match[1] ?? '').sort();
}

describe('UI messages', () => {
  const nbKeys = keyPaths(nb).sort();
  const enKeys = keyPaths(en).sort();

  it('has every Norwegian key in English', () => {
    expect(nbKeys.filter((key) => !enKeys.includes(key))).toEqual([]);
  });

  it('has every English key in Norwegian', () => {
    expect(enKeys.filter((key) => !nbKeys.includes(key))).toEqual([]);
  });

  it('uses the same placeholders in both languages', () => {
    const lookup = (messages: unknown, path: string) =>
      path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], messages) as string;
    const mismatches = nbKeys.filter(
      (path) => placeholders(lookup(nb, path)).join() !== placeholders(lookup(en, path)).join(),
    );
    expect(mismatches).toEqual([]);
  });

  it('has no empty message', () => {
    const lookup = (messages: unknown, path: string) =>
      path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], messages);
    expect([...nbKeys.filter((p) => !String(lookup(nb, p)).trim()), ...enKeys.filter((p) => !String(lookup(en, p)).trim())]).toEqual([]);
  });
});

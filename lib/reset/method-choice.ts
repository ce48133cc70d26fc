// What the person ticked, checked against what the account really has. The form is not trusted: only ids the
// account's own fresh listing contains are ever sent to Graph; the rest are set aside for the record.
import type { AuthMethod } from '@/lib/directory/directory';

// Bounds on what a hostile form can make us store: ids are GUIDs (36 characters), a person has a handful.
const MAX_POSTED = 50;
const MAX_RECORDED_IGNORED = 20;
const MAX_ID_LENGTH = 64;
// Exactly eleven digits, not part of a longer run of hex (a GUID's last group is twelve hex digits).
const ELEVEN_DIGITS = /(?<![0-9a-f])\d{11}(?![0-9a-f])/gi;

/** The posted `method` values: strings only, trimmed, without duplicates, at most MAX_POSTED. */
export function chosenIdsFromForm(values: readonly unknown[]): string[] {
  const ids = values.filter((value): value is string => typeof value === 'string').map((value) => value.trim());
  return [...new Set(ids)].slice(0, MAX_POSTED);
}

/** A posted id as the record keeps it: shortened, and never anything that looks like a national id. */
function recordable(id: string): string {
  return id.slice(0, MAX_ID_LENGTH).replace(ELEVEN_DIGITS, '[11 digits]');
}

export type Choice = { chosen: AuthMethod[]; ignored: string[] };

/** The intersection of what was posted and what the account has; `null` posted means "everything" (internal callers). */
export function splitChoice(posted: readonly string[] | null, methods: readonly AuthMethod[]): Choice {
  if (posted === null) return { chosen: [...methods], ignored: [] };
  const wanted = new Set(posted);
  const known = new Set(methods.map((method) => method.id));
  return {
    chosen: methods.filter((method) => wanted.has(method.id)),
    ignored: posted
      .filter((id) => !known.has(id))
      .slice(0, MAX_RECORDED_IGNORED)
      .map(recordable),
  };
}

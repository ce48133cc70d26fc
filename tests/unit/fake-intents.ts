// What the record store's completeIntent does, for the domain tests' in-memory record fakes: completes an intent in
// place, once (null when it is no longer in progress).
export function completeInPlace<R extends { id: string; outcome: string }>(
  rows: R[],
  id: string,
  completion: object,
): R | null {
  const row = rows.find((candidate) => candidate.id === id && candidate.outcome === 'in-progress');
  if (!row) return null;
  Object.assign(row, completion);
  return row;
}

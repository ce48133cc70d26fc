// One reset at a time per person across every instance: a PostgreSQL advisory lock on the person's hash, held
// around count → remove → record, so two instances cannot both pass the per-person limit or race on Graph.
// Within a process the queue goes first, so one process never holds several connections for the same person.
// PGlite serves one process only: there the in-process queue alone is the same guarantee.
import { createHash } from 'node:crypto';
import type { OpenDatabase } from '@/lib/records/database';
import { sharedPerPersonQueue, type PerPersonQueue } from '@/lib/reset/per-person-queue';

/** A 64-bit advisory-lock key for a person's hash, in a space of its own (prefixed before hashing). */
export function personLockKey(personHash: string): bigint {
  return createHash('sha256').update(`tofaktor-person:${personHash}`).digest().readBigInt64BE(0);
}

export function createPersonLock(
  database: Pick<OpenDatabase, 'withAdvisoryLock'>,
  local: PerPersonQueue = sharedPerPersonQueue(),
): PerPersonQueue {
  const withAdvisoryLock = database.withAdvisoryLock;
  if (!withAdvisoryLock) return local;
  return {
    run: (key, task) => local.run(key, () => withAdvisoryLock(personLockKey(key), task)),
    get size() {
      return local.size;
    },
  };
}

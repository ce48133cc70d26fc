// One reset at a time per person, within this process: a double submit (no JavaScript to disable the button)
// or two tabs would otherwise both pass the per-person count and race each other on Graph. Each key keeps the
// tail of its chain; a task starts when the one before it has settled, and an idle key is forgotten.
// Across processes and instances lib/reset/person-lock.ts adds a PostgreSQL advisory lock around each task.

export interface PerPersonQueue {
  /** Runs `task` after every earlier task for `key` has settled (fulfilled or rejected), and returns its result. */
  run<T>(key: string, task: () => Promise<T>): Promise<T>;
  /** How many keys have a task running or waiting. */
  readonly size: number;
}

export function createPerPersonQueue(): PerPersonQueue {
  const tails = new Map<string, Promise<void>>();

  return {
    run<T>(key: string, task: () => Promise<T>): Promise<T> {
      const previous = tails.get(key) ?? Promise.resolve();
      const result = previous.then(() => task());
      // The chain goes on whatever this task does; its own caller sees its rejection.
      const tail = result.then(
        () => undefined,
        () => undefined,
      );
      tails.set(key, tail);
      void tail.then(() => {
        if (tails.get(key) === tail) tails.delete(key);
      });
      return result;
    },
    get size() {
      return tails.size;
    },
  };
}

// One queue per process; globalThis survives Next's dev-mode module reloads, which would otherwise start a second one.
const shared = globalThis as typeof globalThis & { __tofaktorPerPersonQueue?: PerPersonQueue };

export function sharedPerPersonQueue(): PerPersonQueue {
  shared.__tofaktorPerPersonQueue ??= createPerPersonQueue();
  return shared.__tofaktorPerPersonQueue;
}

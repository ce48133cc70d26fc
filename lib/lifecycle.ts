// What the standalone entry (server/start.cjs) and the application share in one process, through globalThis:
// whether the server is draining for a shutdown, how many requests are in flight, how long to wait for them,
// and what to close at the end. Under `next dev` or a bare `next start` there is no entry and nothing drains.

export type Lifecycle = {
  draining: boolean;
  inFlight: number;
  shutdownTimeoutMs: number;
  onShutdown: (() => Promise<void>)[];
};

/** Set by the entry on every request from the socket's peer address; a client's own copy is overwritten. */
export const SOCKET_ADDRESS_HEADER = 'x-tofaktor-socket-address';

const shared = globalThis as typeof globalThis & { __tofaktorLifecycle?: Lifecycle };

export function lifecycle(): Lifecycle {
  shared.__tofaktorLifecycle ??= { draining: false, inFlight: 0, shutdownTimeoutMs: 25_000, onShutdown: [] };
  return shared.__tofaktorLifecycle;
}

export function onShutdown(hook: () => Promise<void>): void {
  lifecycle().onShutdown.push(hook);
}

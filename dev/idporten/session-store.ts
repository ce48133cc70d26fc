// oidc-provider's storage, in memory and readable: the stand-in lists the live sessions (GET /_admin/sessions) and
// ends one by its sid (logout by POST), which oidc-provider's own in-memory adapter does not allow.

/* eslint-disable @typescript-eslint/no-explicit-any -- oidc-provider has no type declarations */

/** One store per kind of thing oidc-provider keeps (Session, Grant, AuthorizationCode, …), by id. */
export type SessionStores = Map<string, Map<string, StoredEntry>>;

export interface StoredEntry {
  payload: Record<string, any>;
  expiresAt: number | undefined;
}

export function createAdapterClass(stores: SessionStores) {
  return class MapAdapter {
    private readonly store: Map<string, StoredEntry>;

    constructor(name: string) {
      let store = stores.get(name);
      if (!store) {
        store = new Map();
        stores.set(name, store);
      }
      this.store = store;
    }

    private live(id: string): StoredEntry | undefined {
      const entry = this.store.get(id);
      if (!entry) return undefined;
      if (entry.expiresAt !== undefined && entry.expiresAt <= Date.now()) {
        this.store.delete(id);
        return undefined;
      }
      return entry;
    }

    async upsert(id: string, payload: Record<string, any>, expiresIn?: number): Promise<void> {
      this.store.set(id, {
        payload: structuredClone(payload),
        expiresAt: expiresIn ? Date.now() + expiresIn * 1000 : undefined,
      });
    }

    async find(id: string): Promise<Record<string, any> | undefined> {
      const entry = this.live(id);
      return entry ? structuredClone(entry.payload) : undefined;
    }

    async findByUid(uid: string): Promise<Record<string, any> | undefined> {
      for (const [id, entry] of this.store) {
        if (entry.payload.uid === uid) return this.find(id);
      }
      return undefined;
    }

    async findByUserCode(userCode: string): Promise<Record<string, any> | undefined> {
      for (const [id, entry] of this.store) {
        if (entry.payload.userCode === userCode) return this.find(id);
      }
      return undefined;
    }

    async consume(id: string): Promise<void> {
      const entry = this.live(id);
      if (entry) entry.payload.consumed = Math.floor(Date.now() / 1000);
    }

    async destroy(id: string): Promise<void> {
      this.store.delete(id);
    }

    async revokeByGrantId(grantId: string): Promise<void> {
      for (const [id, entry] of this.store) {
        if (entry.payload.grantId === grantId) this.store.delete(id);
      }
    }
  };
}

type Authorizations = Record<string, { sid?: string }>;

/** Every live session's sids, one per client it logged in to, with the account they belong to. */
export function liveSessions(stores: SessionStores): { sid: string; accountId: string }[] {
  const sessions: { sid: string; accountId: string }[] = [];
  for (const entry of stores.get('Session')?.values() ?? []) {
    if (entry.expiresAt !== undefined && entry.expiresAt <= Date.now()) continue;
    const { accountId, authorizations } = entry.payload;
    if (!accountId) continue;
    for (const auth of Object.values((authorizations ?? {}) as Authorizations)) {
      if (auth.sid) sessions.push({ sid: auth.sid, accountId });
    }
  }
  return sessions;
}

/** Ends the sessions one of whose clients has this sid, and hands back their clients' authorizations. */
export function endSessionsWithSid(stores: SessionStores, sid: string): Authorizations[] {
  const ended: Authorizations[] = [];
  const store = stores.get('Session');
  for (const [id, entry] of store ?? []) {
    const authorizations = (entry.payload.authorizations ?? {}) as Authorizations;
    if (!Object.values(authorizations).some((auth) => auth.sid === sid)) continue;
    ended.push(authorizations);
    store?.delete(id);
  }
  return ended;
}

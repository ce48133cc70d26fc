// The Graph stand-in's admin API: reseed, read the directory and the request log, set faults.
const GRAPH = 'http://127.0.0.1:4020';

export type StandInMethod = { id: string; type: string; displayName?: string; isDefault?: boolean };
export type StandInUser = {
  id: string;
  displayName: string;
  userPrincipalName: string;
  nationalId: string;
  methods: StandInMethod[];
  sessionsRevokedAt: string | null;
};
export type LoggedRequest = { method: string; path: string; startedAt: number; endedAt: number; status: number; viaBatch: boolean };
export type FaultRule = { method: 'DELETE' | 'GET' | 'POST'; pathContains: string; status: 429 | 500 | 503; times: number; retryAfterSeconds?: number };

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(`${GRAPH}${path}`, init);
  if (!response.ok) throw new Error(`Graph stand-in ${path} answered ${response.status}`);
  return (await response.json().catch(() => ({}))) as T;
}

export const graphAdmin = {
  reset: () => call('/_admin/reset', { method: 'POST' }),
  async users(nationalId: string): Promise<StandInUser[]> {
    const { users } = await call<{ users: StandInUser[] }>('/_admin/state');
    return users.filter((user) => user.nationalId === nationalId);
  },
  async user(nationalId: string): Promise<StandInUser> {
    const [user, ...others] = await this.users(nationalId);
    if (!user || others.length) throw new Error('expected exactly one account for this person');
    return user;
  },
  requests: () =>
    call<{ requests: LoggedRequest[]; tokenRequests: number; tokenRequestsSinceStart: number }>('/_admin/requests'),
  faults: (body: { latencyMs?: number; rules?: FaultRule[] }) =>
    call('/_admin/faults', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
};

export const removableTypes = ['microsoftAuthenticator', 'softwareOath'];
export const removable = (user: StandInUser) => user.methods.filter((method) => removableTypes.includes(method.type));

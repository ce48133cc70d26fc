// The Graph stand-in's admin API: reseed, read the directory and the request log, set faults.
import type {
  CapturedMail,
  FaultRule,
  HoldRule,
  RequestLogEntry,
  TapPolicy,
  UserRecord,
} from '../../../dev/graph/state';
import { GRAPH_ORIGIN as GRAPH } from './origins';

export type StandInMethod = {
  id: string;
  type: string;
  displayName?: string;
  isDefault?: boolean;
  aaGuid?: string;
  /** Only on a Temporary Access Pass: the stand-in keeps it so tests can compare it with the page. */
  temporaryAccessPass?: string;
  lifetimeInMinutes?: number;
  isUsableOnce?: boolean;
};
/** A user as the stand-in's admin API shows it: its own record, with the methods as tests read them. */
export type StandInUser = Omit<UserRecord, 'memberOf' | 'methods'> & { methods: StandInMethod[] };
export type LoggedRequest = RequestLogEntry;
export type { FaultRule, HoldRule };

export type { CapturedMail, TapPolicy };

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
  faults: (body: { latencyMs?: number; rules?: FaultRule[]; holds?: HoldRule[] }) =>
    call('/_admin/faults', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }),
  /** Every message the site sent through sendMail since the last reset. */
  mail: async () => (await call<{ messages: CapturedMail[] }>('/_admin/mail')).messages,
  /** A Microsoft Authenticator registration made now, outside the site (as at mysignins.microsoft.com). */
  registerAuthenticator: (nationalId: string, displayName: string) =>
    call<StandInMethod>('/_admin/register-method', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ nationalId, displayName }),
    }),
  tapPolicy: (policy: Partial<TapPolicy>) =>
    call<TapPolicy>('/_admin/tap-policy', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(policy),
    }),
};

// Microsoft Authenticator's passkey AAGUIDs (Android, iOS), as the stand-in's fixture uses them.
export const authenticatorPasskeyAaguids = [
  'de1e552d-db1d-4423-a619-566b625cdc84',
  '90a3ccdf-635c-4729-a248-9b709135078f',
];
export const removableTypes = ['microsoftAuthenticator', 'softwareOath'];
/** What a reset may remove: Authenticator app registrations, software OATH tokens and Authenticator passkeys. */
export const removable = (user: StandInUser) =>
  user.methods.filter(
    (method) =>
      removableTypes.includes(method.type) ||
      (method.type === 'fido2' && authenticatorPasskeyAaguids.includes(method.aaGuid ?? '')),
  );
export const passes = (user: StandInUser) => user.methods.filter((method) => method.type === 'temporaryAccessPass');

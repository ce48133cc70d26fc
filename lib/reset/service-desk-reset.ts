// The service desk's assisted reset: an agent, signed in to the console, resets a person the desk has identified.
// The same removal as self-service (removeChosenMethods: re-read, only the chosen, default method last, honest
// partial outcomes, pass and notice) and the same one record per attempt, with the desk's own checks in front:
// a fresh staff login, a per-agent limit, no reset of the agent's own account or of anyone who holds a console
// role (staff never reset staff), and no reset of a protected account (members of configured groups).
import type { Directory, DirectoryAccount } from '@/lib/directory/directory';
import { SEARCH_TEXT } from '@/lib/directory/directory';
import { securityEvent } from '@/lib/log';
import { countRateLimitHit } from '@/lib/metrics/metrics';
import type { RecordStore } from '@/lib/records/records';
import type { VerificationKind } from '@/lib/records/vocabulary';
import { maskUpn } from '@/lib/reset/mask-upn';
import { sharedPerPersonQueue, type PerPersonQueue } from '@/lib/reset/per-person-queue';
import {
  attemptFailure,
  failureReason,
  newAttempt,
  withPersonLock,
  recordAttempt,
  removeChosenMethods,
  type MaskedAccount,
  type ResetChoice,
  type ResetOutcome,
  type ResetSettings,
  type ServiceDeskRefusalReason,
} from '@/lib/reset/reset';
import type { AuthMethod } from '@/lib/directory/directory';

/** The agent as the console session knows them. */
export type Agent = {
  oid: string;
  /** The agent's user principal name and display name from the staff login. */
  username: string;
  name: string;
  /** epoch seconds of the staff login */
  authTime: number;
};
/** How the desk verified the person: the document kind and, optionally, the desk's ticket. Never a document number. */
export type Verification = { kind: VerificationKind; ticketReference: string | null };

export type ServiceDeskDeps = {
  directory: Directory;
  records: Pick<RecordStore, 'addRecord' | 'completeIntent' | 'countAgentAttemptsSince'>;
  personQueue?: PerPersonQueue;
  now?: () => Date;
};

export type ServiceDeskSettings = Pick<ResetSettings, 'tap' | 'notice'> & {
  maxLoginAgeSeconds: number;
  limitPerAgentPerHour: number;
  protectedGroupIds: readonly string[];
  /** The console's own app registration (client id): whoever holds one of its roles is staff. */
  consoleAppId: string;
};

/** What a search shows of a match: enough to pick the right person, not a directory dump. */
export type AccountMatch = { id: string; displayName: string; maskedUpn: string };

export const SEARCH_LIMIT = 10;
const AGENT_WINDOW_MS = 60 * 60 * 1000;
const CLOCK_SKEW_SECONDS = 60;

export type SearchResult =
  { kind: 'matches'; matches: AccountMatch[]; more: boolean } | { kind: 'invalid' } | { kind: 'directory-error' };

/** Finds people by the start of their name or username: at least 3 characters, at most SEARCH_LIMIT matches. */
export async function searchPeople(text: string, deps: Pick<ServiceDeskDeps, 'directory'>): Promise<SearchResult> {
  const trimmed = text.trim();
  if (!SEARCH_TEXT.test(trimmed)) return { kind: 'invalid' };
  try {
    // One more than shown: tells the agent to narrow the search instead of silently cutting the list.
    const accounts = await deps.directory.searchAccounts(trimmed, SEARCH_LIMIT + 1);
    return {
      kind: 'matches',
      matches: accounts.slice(0, SEARCH_LIMIT).map((account) => ({ id: account.id, ...maskAccount(account) })),
      more: accounts.length > SEARCH_LIMIT,
    };
  } catch (error) {
    securityEvent('console.search-error', { reason: failureReason(error) });
    return { kind: 'directory-error' };
  }
}

const maskAccount = (account: DirectoryAccount): MaskedAccount => ({
  displayName: account.displayName,
  maskedUpn: maskUpn(account.userPrincipalName),
});

export type DeskPreview =
  | { kind: 'ready'; account: MaskedAccount; methods: AuthMethod[] }
  | { kind: 'nothing-to-remove'; account: MaskedAccount }
  | { kind: 'refused'; reason: 'no-account' | AccountRefusal }
  | { kind: 'directory-error' };

/** Why the desk may not reset an account at all, whatever the agent has checked. */
export type AccountRefusal = 'own-account' | 'staff-account' | 'protected-account';

// Graph's id of an assignment without a role ("default access"): the app's own roles are the ones that count.
const DEFAULT_ACCESS_ROLE = '00000000-0000-0000-0000-000000000000';
// checkMemberGroups takes at most 20 group ids a call.
const GROUPS_PER_CALL = 20;

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

async function memberOfAny(directory: Directory, accountId: string, groupIds: readonly string[]): Promise<boolean> {
  for (let start = 0; start < groupIds.length; start += GROUPS_PER_CALL) {
    const chunk = groupIds.slice(start, start + GROUPS_PER_CALL);
    if ((await directory.memberGroupsAmong(accountId, chunk)).length > 0) return true;
  }
  return false;
}

/**
 * Whether the account is out of the desk's reach: the agent's own (by object id or username), one that holds a role
 * of the console's app (assigned to the account itself, or to a group it is a member of; checkMemberGroups counts
 * nested groups too, so this refuses a little more than Entra would grant), or a member of a protected group.
 * Checked on every preview and every reset, from the directory, whatever the protected-group setting says.
 */
export async function accountRefusal(
  agent: Pick<Agent, 'oid' | 'username'>,
  account: DirectoryAccount,
  directory: Directory,
  settings: Pick<ServiceDeskSettings, 'protectedGroupIds' | 'consoleAppId'>,
): Promise<AccountRefusal | null> {
  if (same(account.id, agent.oid) || same(account.userPrincipalName, agent.username)) return 'own-account';
  const roles = (await directory.appRoleAssignees(settings.consoleAppId)).filter(
    (assignment) => assignment.appRoleId !== DEFAULT_ACCESS_ROLE,
  );
  const holders = (type: string) =>
    roles.filter((assignment) => assignment.principalType === type).map((assignment) => assignment.principalId);
  if (holders('User').some((id) => same(id, account.id))) return 'staff-account';
  if (await memberOfAny(directory, account.id, [...new Set(holders('Group').map((id) => id.toLowerCase()))]))
    return 'staff-account';
  if (await memberOfAny(directory, account.id, settings.protectedGroupIds)) return 'protected-account';
  return null;
}

/**
 * What the reset page shows the agent: the person's removable registrations, exactly as self-service lists them,
 * or why the console will not reset this account. A protected account's refusal is recorded already here.
 */
export async function previewDeskReset(
  agent: Agent,
  accountId: string,
  requestId: string,
  deps: ServiceDeskDeps,
  settings: ServiceDeskSettings,
): Promise<DeskPreview> {
  try {
    const account = await deps.directory.getAccount(accountId);
    if (!account) return { kind: 'refused', reason: 'no-account' };
    const refusal = await accountRefusal(agent, account, deps.directory, settings);
    if (refusal) {
      const progress = newAttempt();
      progress.outcome = { kind: 'refused', reason: refusal };
      progress.accountId = account.id;
      await recordAttempt(deps, progress, {
        requestId,
        nationalIdHash: null,
        channel: 'service-desk',
        agentId: agent.oid,
        agentName: agent.name,
      });
      return { kind: 'refused', reason: refusal };
    }
    const methods = await deps.directory.listRemovableMethods(account.id);
    return methods.length === 0
      ? { kind: 'nothing-to-remove', account: maskAccount(account) }
      : { kind: 'ready', account: maskAccount(account), methods };
  } catch (error) {
    securityEvent('console.preview-error', { requestId, agentId: agent.oid, reason: failureReason(error) });
    return { kind: 'directory-error' };
  }
}

function isFresh(agent: Agent, settings: ServiceDeskSettings, now: Date): boolean {
  const age = now.getTime() / 1000 - agent.authTime;
  return Number.isFinite(age) && age <= settings.maxLoginAgeSeconds && age >= -CLOCK_SKEW_SECONDS;
}

/**
 * The assisted reset. Every check runs again here (the page the agent saw may be old): a fresh staff login, the
 * agent's hourly limit, the account exists, it is not protected. Then the shared removal, and one record that
 * names the channel, the agent and how the person was verified. Attempts on one account run one after another.
 */
export async function resetByServiceDesk(
  agent: Agent,
  accountId: string,
  verification: Verification,
  requestId: string,
  deps: ServiceDeskDeps,
  settings: ServiceDeskSettings,
  choice: ResetChoice,
): Promise<ResetOutcome> {
  const queue = deps.personQueue ?? sharedPerPersonQueue();
  const identity = {
    requestId,
    nationalIdHash: null,
    channel: 'service-desk',
    agentId: agent.oid,
    agentName: agent.name,
    verificationKind: verification.kind,
    ticketReference: verification.ticketReference,
  } as const;
  const lockContext = { requestId, personHash: null, channel: 'service-desk' } as const;
  return withPersonLock(queue, deskLockKey(accountId), lockContext, async () => {
    const now = deps.now?.() ?? new Date();
    const progress = newAttempt();
    let stillThere: AuthMethod[] = [];
    const refuse = (reason: ServiceDeskRefusalReason) => {
      progress.outcome = { kind: 'refused', reason };
    };
    try {
      if (!isFresh(agent, settings, now)) refuse('stale-staff-login');
      else if (
        (await deps.records.countAgentAttemptsSince(agent.oid, new Date(now.getTime() - AGENT_WINDOW_MS))) >=
        settings.limitPerAgentPerHour
      ) {
        refuse('rate-limited-agent');
        countRateLimitHit('agent');
      } else {
        const account = await deps.directory.getAccount(accountId);
        if (!account) refuse('no-account');
        else {
          progress.accountId = account.id;
          const refusal = await accountRefusal(agent, account, deps.directory, settings);
          if (refusal) refuse(refusal);
          else
            await removeChosenMethods(
              account,
              identity,
              deps,
              settings,
              // The notice tells the person the desk did it, after which identity check.
              { ...choice, channel: { kind: 'service-desk', verification: verification.kind } },
              progress,
              (methods) => (stillThere = methods),
              now,
            );
        }
      }
    } catch (error) {
      progress.reason = attemptFailure(error);
      progress.outcome = { kind: 'failed', notRemoved: stillThere.map((method) => ({ method, reason: 'unknown' })) };
    }
    return recordAttempt(deps, progress, identity);
  });
}

/** The desk's attempts on one account run one after another (the desk knows the account, not the person). */
export const deskLockKey = (accountId: string): string => `account:${accountId.toLowerCase()}`;

/** @jest-environment node */
// The service desk's reset domain with a fake directory and records: the desk's own checks (fresh login, per-agent
// limit, protected groups) in front of the shared removal, and one record naming channel, agent and verification.
import type { AppRoleAssignee, AuthMethod, Directory, DirectoryAccount } from '@/lib/directory/directory';
import type { NewRecord } from '@/lib/records/records';
import { createPerPersonQueue } from '@/lib/reset/per-person-queue';
import {
  previewDeskReset,
  resetByServiceDesk,
  searchPeople,
  SEARCH_LIMIT,
  type ServiceDeskSettings,
} from '@/lib/reset/service-desk-reset';
import { completeInPlace } from './fake-intents';

const NOW = new Date('2026-11-25T12:00:00Z');
const AGENT = {
  oid: 'agent-1',
  username: 'anne.agent@oslomet.no',
  name: 'Anne Agent',
  authTime: NOW.getTime() / 1000 - 60,
};
const CONSOLE_APP = '66666666-7777-8888-9999-aaaaaaaaaaaa';
const AGENT_ROLE = 'a0a0a0a0-0000-4000-8000-00000000a9e1';
const PROTECTED_GROUP = '9a9a9a9a-0000-4000-8000-00000000ad01';
const ACCOUNT: DirectoryAccount = {
  id: 'acc-1',
  displayName: 'Kari Skrankesen',
  userPrincipalName: 'kari.skrankesen@oslomet.no',
  mail: null,
  otherMails: [],
};
const method = (id: string, label: string): AuthMethod => ({
  id,
  type: 'microsoftAuthenticator',
  label,
  createdAt: null,
});

class FakeDirectory implements Directory {
  methods = [method('m1', 'iPhone 13'), method('m2', 'Galaxy S23')];
  groups: string[] = [];
  calls: string[] = [];
  found: DirectoryAccount[] = [ACCOUNT];
  assignees: AppRoleAssignee[] = [];
  async appRoleAssignees(appId: string) {
    this.calls.push(`roles:${appId}`);
    return this.assignees;
  }
  async searchAccounts(text: string, limit: number) {
    this.calls.push(`search:${text}:${limit}`);
    return this.found.slice(0, limit);
  }
  async getAccount(id: string) {
    this.calls.push(`get:${id}`);
    return id === ACCOUNT.id ? ACCOUNT : null;
  }
  async memberGroupsAmong(_id: string, groupIds: readonly string[]) {
    this.calls.push('groups');
    if (groupIds.length > 20) throw new Error('Graph takes at most 20 group ids');
    return this.groups.filter((group) => groupIds.includes(group));
  }
  async listRemovableMethods() {
    this.calls.push('list');
    return this.methods;
  }
  async deleteTemporaryAccessPass() {}
  async listMethods() {
    return { removable: await this.listRemovableMethods(), kept: [] };
  }
  async removeMethods(_id: string, methods: AuthMethod[]) {
    this.calls.push(`remove:${methods.map((m) => m.id).join(',')}`);
    this.methods = this.methods.filter((m) => !methods.includes(m));
    return { removed: methods, notRemoved: [] };
  }
  async revokeSessions() {
    this.calls.push('revoke');
    return true;
  }
  async createTemporaryAccessPass() {
    this.calls.push('tap');
    return { pass: 'Pass+1234', expiresAt: new Date(NOW.getTime() + 3_600_000), isUsableOnce: true };
  }
  async sendMail() {}
  async findAccountsByNationalId(): Promise<DirectoryAccount[]> {
    throw new Error('the service desk never looks people up by national id');
  }
}

class FakeRecords {
  records: (NewRecord & { id: string })[] = [];
  async addRecord(record: NewRecord) {
    const stored = { ...record, createdAt: record.createdAt ?? NOW, id: String(this.records.length + 1) };
    this.records.push(stored);
    return stored as never;
  }
  /** Like the store: completes an intent in place, once. */
  async completeIntent(id: string, completion: Partial<NewRecord>) {
    return completeInPlace(this.records, id, completion) as never;
  }
  async countAgentAttemptsSince(agentId: string, since: Date) {
    return this.records.filter(
      (r) => r.agentId === agentId && (r.createdAt ?? NOW) >= since && r.reason !== 'rate-limited-agent',
    ).length;
  }
}

const settings: ServiceDeskSettings = {
  maxLoginAgeSeconds: 900,
  limitPerAgentPerHour: 2,
  protectedGroupIds: [PROTECTED_GROUP],
  consoleAppId: CONSOLE_APP,
  tap: { enabled: true, lifetimeMinutes: 60, usableOnce: true },
};
const passport = { kind: 'passport' as const, ticketReference: 'INC001' };

function setup() {
  const directory = new FakeDirectory();
  const records = new FakeRecords();
  const deps = { directory, records, personQueue: createPerPersonQueue(), now: () => NOW };
  return { directory, records, deps };
}

describe('assisted reset', () => {
  it('removes only the chosen registration and records channel, agent and verification (never a pass)', async () => {
    const { directory, records, deps } = setup();
    const outcome = await resetByServiceDesk(AGENT, ACCOUNT.id, passport, 'req-1', deps, settings, {
      chosenMethodIds: ['m2', 'someone-elses'],
      locale: 'nb',
    });
    expect(outcome.kind).toBe('success');
    expect(directory.calls).toContain('remove:m2');
    expect(directory.methods.map((m) => m.id)).toEqual(['m1']);
    expect(directory.calls).not.toContain('tap'); // something removable stays: no pass due
    expect(records.records).toHaveLength(1);
    expect(records.records[0]).toMatchObject({
      requestId: 'req-1',
      channel: 'service-desk',
      agentId: 'agent-1',
      agentName: 'Anne Agent',
      verificationKind: 'passport',
      ticketReference: 'INC001',
      nationalIdHash: null,
      accountId: ACCOUNT.id,
      chosen: ['m2'],
      ignored: ['someone-elses'],
    });
  });

  it('issues a pass after a full reset and keeps it out of the record', async () => {
    const { records, deps } = setup();
    const outcome = await resetByServiceDesk(AGENT, ACCOUNT.id, passport, 'req-2', deps, settings, {
      chosenMethodIds: ['m1', 'm2'],
      locale: 'en',
    });
    expect(outcome.kind === 'success' && outcome.pass.kind).toBe('issued');
    expect(records.records[0]?.tapIssued).toBe(true);
    expect(JSON.stringify(records.records)).not.toContain('Pass+1234');
  });

  it('refuses a member of a protected group before anything is listed or removed, and records it', async () => {
    const { directory, records, deps } = setup();
    directory.groups = [PROTECTED_GROUP];
    const outcome = await resetByServiceDesk(AGENT, ACCOUNT.id, passport, 'req-3', deps, settings, {
      chosenMethodIds: ['m1'],
      locale: 'nb',
    });
    expect(outcome).toEqual({ kind: 'refused', reason: 'protected-account' });
    expect(directory.calls.some((call) => call === 'list' || call.startsWith('remove'))).toBe(false);
    expect(records.records[0]).toMatchObject({
      outcome: 'refused',
      reason: 'protected-account',
      agentId: 'agent-1',
      accountId: ACCOUNT.id,
    });
  });

  it.each([
    ['their own account, by object id', { ...AGENT, oid: ACCOUNT.id }, 'own-account'],
    ['their own account, by username', { ...AGENT, username: 'KARI.skrankesen@oslomet.no' }, 'own-account'],
  ] as const)('refuses and records the agent resetting %s', async (_case, agent, reason) => {
    const { directory, records, deps } = setup();
    const outcome = await resetByServiceDesk(agent, ACCOUNT.id, passport, 'own', deps, settings, {
      chosenMethodIds: ['m1'],
      locale: 'nb',
    });
    expect(outcome).toEqual({ kind: 'refused', reason });
    expect(directory.calls.some((call) => call === 'list' || call.startsWith('remove'))).toBe(false);
    expect(records.records[0]).toMatchObject({ outcome: 'refused', reason, agentName: 'Anne Agent' });
  });

  it('refuses an account holding a console role directly or through a group, whatever the protected groups are', async () => {
    const choice = { chosenMethodIds: ['m1'], locale: 'nb' as const };
    const direct = setup();
    direct.directory.assignees = [{ principalId: ACCOUNT.id, principalType: 'User', appRoleId: AGENT_ROLE }];
    const noProtectedGroups = { ...settings, protectedGroupIds: [] };
    expect(await resetByServiceDesk(AGENT, ACCOUNT.id, passport, 'r1', direct.deps, noProtectedGroups, choice)).toEqual(
      { kind: 'refused', reason: 'staff-account' },
    );
    expect(direct.directory.calls).toContain(`roles:${CONSOLE_APP}`);

    // The desk's group holds the role; the account is one of 25 role groups' members (two checkMemberGroups calls).
    const viaGroup = setup();
    const groups = Array.from(
      { length: 25 },
      (_, i) => `6a6a6a6a-0000-4000-8000-0000000000${String(i).padStart(2, '0')}`,
    );
    viaGroup.directory.assignees = groups.map((id) => ({
      principalId: id,
      principalType: 'Group',
      appRoleId: AGENT_ROLE,
    }));
    viaGroup.directory.groups = [groups[24]!];
    expect(
      await resetByServiceDesk(AGENT, ACCOUNT.id, passport, 'r2', viaGroup.deps, noProtectedGroups, choice),
    ).toEqual({ kind: 'refused', reason: 'staff-account' });
    expect(viaGroup.directory.calls.filter((call) => call.startsWith('remove'))).toEqual([]);
    expect(viaGroup.records.records[0]).toMatchObject({ reason: 'staff-account', accountId: ACCOUNT.id });
  });

  it("does not count an assignment without a role (default access), nor another account's role", async () => {
    const { deps, directory } = setup();
    directory.assignees = [
      { principalId: ACCOUNT.id, principalType: 'User', appRoleId: '00000000-0000-0000-0000-000000000000' },
      { principalId: 'someone-else', principalType: 'User', appRoleId: AGENT_ROLE },
    ];
    const outcome = await resetByServiceDesk(AGENT, ACCOUNT.id, passport, 'r3', deps, settings, {
      chosenMethodIds: ['m1'],
      locale: 'nb',
    });
    expect(outcome.kind).toBe('success');
  });

  it('refuses a staff login older than the setting without asking the directory, and records it', async () => {
    const { directory, records, deps } = setup();
    const stale = { ...AGENT, authTime: NOW.getTime() / 1000 - 901 };
    const outcome = await resetByServiceDesk(stale, ACCOUNT.id, passport, 'req-4', deps, settings, {
      chosenMethodIds: ['m1'],
      locale: 'nb',
    });
    expect(outcome).toEqual({ kind: 'refused', reason: 'stale-staff-login' });
    expect(directory.calls).toEqual([]);
    expect(records.records[0]).toMatchObject({ outcome: 'refused', reason: 'stale-staff-login' });
  });

  it('limits each agent per hour: the next attempt is refused and recorded, other agents and the next hour go on', async () => {
    const { directory, records, deps } = setup();
    const choice = { chosenMethodIds: [] as string[], locale: 'nb' as const };
    for (const id of ['a', 'b']) await resetByServiceDesk(AGENT, ACCOUNT.id, passport, id, deps, settings, choice);
    const third = await resetByServiceDesk(AGENT, ACCOUNT.id, passport, 'c', deps, settings, choice);
    expect(third).toEqual({ kind: 'refused', reason: 'rate-limited-agent' });
    expect(records.records.at(-1)).toMatchObject({ reason: 'rate-limited-agent', agentId: 'agent-1' });
    // The refusal itself does not count, so the agent is not locked out for longer than the window.
    expect(await records.countAgentAttemptsSince('agent-1', new Date(0))).toBe(2);
    const other = await resetByServiceDesk(
      { ...AGENT, oid: 'agent-2' },
      ACCOUNT.id,
      passport,
      'd',
      deps,
      settings,
      choice,
    );
    expect(other.kind).not.toBe('refused');
    const later = new Date(NOW.getTime() + 61 * 60_000);
    const again = await resetByServiceDesk(
      { ...AGENT, authTime: later.getTime() / 1000 },
      ACCOUNT.id,
      passport,
      'e',
      { ...deps, now: () => later },
      settings,
      choice,
    );
    expect(again.kind).not.toBe('refused');
    expect(directory.calls.filter((call) => call.startsWith('remove'))).toEqual([]);
  });

  it('refuses an account that does not exist', async () => {
    const { records, deps } = setup();
    const outcome = await resetByServiceDesk(AGENT, 'nobody', passport, 'req-5', deps, settings, {
      chosenMethodIds: ['m1'],
      locale: 'nb',
    });
    expect(outcome).toEqual({ kind: 'refused', reason: 'no-account' });
    expect(records.records[0]).toMatchObject({ outcome: 'refused', reason: 'no-account', accountId: null });
  });
});

describe('preview and search', () => {
  it("shows a colleague holding a console role as refused and records the attempt once, with the agent's name", async () => {
    const { directory, records, deps } = setup();
    directory.assignees = [{ principalId: ACCOUNT.id, principalType: 'User', appRoleId: AGENT_ROLE }];
    expect(await previewDeskReset(AGENT, ACCOUNT.id, 'p-0', deps, settings)).toEqual({
      kind: 'refused',
      reason: 'staff-account',
    });
    expect(records.records).toEqual([
      expect.objectContaining({ reason: 'staff-account', agentId: 'agent-1', agentName: 'Anne Agent' }),
    ]);
    expect(directory.calls).not.toContain('list');
  });

  it('shows a protected account as refused and records the attempt once', async () => {
    const { directory, records, deps } = setup();
    directory.groups = [PROTECTED_GROUP];
    expect(await previewDeskReset(AGENT, ACCOUNT.id, 'p-1', deps, settings)).toEqual({
      kind: 'refused',
      reason: 'protected-account',
    });
    expect(records.records).toHaveLength(1);
    expect(records.records[0]).toMatchObject({
      channel: 'service-desk',
      reason: 'protected-account',
      agentId: 'agent-1',
    });
  });

  it('shows the removable registrations and the masked username, recording nothing', async () => {
    const { records, deps } = setup();
    const preview = await previewDeskReset(AGENT, ACCOUNT.id, 'p-2', deps, settings);
    expect(preview).toMatchObject({
      kind: 'ready',
      account: { displayName: 'Kari Skrankesen', maskedUpn: 'k***n@oslomet.no' },
    });
    expect(records.records).toEqual([]);
  });

  it('searches only with at least 3 allowed characters, never passing anything else to the directory', async () => {
    const { directory, deps } = setup();
    for (const text of ['ka', "x') or true", 'a'.repeat(65), '<script>'])
      expect(await searchPeople(text, deps)).toEqual({ kind: 'invalid' });
    expect(directory.calls).toEqual([]);
  });

  it('bounds the list, masks usernames and says when there are more', async () => {
    const { directory, deps } = setup();
    directory.found = Array.from({ length: 15 }, (_, i) => ({
      ...ACCOUNT,
      id: `acc-${i}`,
      userPrincipalName: `kari${i}.nord@oslomet.no`,
    }));
    const result = await searchPeople('kari', deps);
    expect(directory.calls).toEqual([`search:kari:${SEARCH_LIMIT + 1}`]);
    if (result.kind !== 'matches') throw new Error('expected matches');
    expect(result.matches).toHaveLength(SEARCH_LIMIT);
    expect(result.more).toBe(true);
    expect(result.matches[0]).toEqual({ id: 'acc-0', displayName: 'Kari Skrankesen', maskedUpn: 'k***d@oslomet.no' });
    expect(JSON.stringify(result)).not.toContain('nord@');
  });
});

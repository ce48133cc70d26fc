/** @jest-environment node */
// The reset domain with fake directory, records and clock: refusals change nothing, every attempt leaves one record.
import type { AuthMethod, Directory, DirectoryAccount, MailMessage, RemovalReport } from '@/lib/directory/directory';
import { DirectoryError } from '@/lib/directory/errors';
import { hashNationalId, NationalIdSchema } from '@/lib/national-id';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { COUNTED_OUTCOMES, type NewRecord } from '@/lib/records/records';
import { localSiteEnv } from '@/dev/local-env';
import { createAddressLimiter } from '@/lib/reset/address-limiter';
import { maskUpn } from '@/lib/reset/mask-upn';
import { recoverInterruptedAttempts } from '@/lib/reset/recovery';
import { createPerPersonQueue } from '@/lib/reset/per-person-queue';
import {
  personLimitRetryAt,
  previewReset,
  resetTwoFactorFor,
  type ResetDeps,
  type ResetOutcome,
  type ResetPerson,
  type ResetSettings,
} from '@/lib/reset/reset';

const NOW = new Date('2026-03-01T12:00:00Z');
const nowSeconds = NOW.getTime() / 1000;
const NATIONAL_ID = NationalIdSchema.parse('01819012365');
const KEY = 'k'.repeat(32);
const HASH = hashNationalId(NATIONAL_ID, KEY);
const ACCOUNT: DirectoryAccount = {
  id: 'acc-1',
  displayName: 'Kari Nordmann',
  userPrincipalName: 'kari.nordmann@oslomet.no',
  mail: 'kari.nordmann@oslomet.no',
  otherMails: [],
};
// These tests run with TAP and the notice off (settings without them): nothing after the removal but the revocation.
const NOTHING_AFTER = { pass: { kind: 'not-due' }, noticeSent: null, ignored: [] } as const;

const settings: ResetSettings = {
  requiredAcr: 'idporten-loa-substantial',
  maxLoginAgeSeconds: 600,
  limitPerPerson: 3,
  hmacKey: KEY,
};
const person = (overrides: Partial<ResetPerson> = {}): ResetPerson => ({
  nationalId: NATIONAL_ID,
  acr: 'idporten-loa-substantial',
  authTime: nowSeconds - 60,
  clientAddress: '192.0.2.10',
  ...overrides,
});
const method = (id: string, type: AuthMethod['type'] = 'microsoftAuthenticator'): AuthMethod => ({
  id,
  type,
  label: `Phone ${id}`,
  createdAt: null,
});

class FakeDirectory implements Directory {
  // The service desk's calls are not part of the self-service reset.
  searchAccounts = async (): Promise<DirectoryAccount[]> => [];
  getAccount = async (): Promise<DirectoryAccount | null> => null;
  memberGroupsAmong = async (): Promise<string[]> => [];
  appRoleAssignees = async () => [];
  accounts: DirectoryAccount[] = [ACCOUNT];
  methods: AuthMethod[] = [method('m1'), method('m2')];
  failRemoval = new Map<string, string>();
  calls: string[] = [];
  failLookup: Error | null = null;
  failRevoke = false;

  async findAccountsByNationalId() {
    this.calls.push('find');
    if (this.failLookup) throw this.failLookup;
    return this.accounts;
  }
  async listRemovableMethods() {
    this.calls.push('list');
    return [...this.methods];
  }
  async deleteTemporaryAccessPass() {}
  async listMethods() {
    return { removable: await this.listRemovableMethods(), kept: [] };
  }
  async removeMethods(_accountId: string, methods: AuthMethod[]): Promise<RemovalReport> {
    this.calls.push('remove');
    const notRemoved = methods
      .filter((m) => this.failRemoval.has(m.id))
      .map((m) => ({ method: m, reason: this.failRemoval.get(m.id) ?? '' }));
    const removed = methods.filter((m) => !this.failRemoval.has(m.id));
    this.methods = this.methods.filter((m) => !removed.includes(m));
    return { removed, notRemoved };
  }
  async revokeSessions() {
    this.calls.push('revoke');
    if (this.failRevoke) throw new DirectoryError('revoke-sessions', 500, 'generalException', 'r-1');
    return true;
  }
  async createTemporaryAccessPass(): Promise<never> {
    this.calls.push('tap');
    throw new Error('not expected with TAP off');
  }
  async sendMail(): Promise<never> {
    this.calls.push('mail');
    throw new Error('not expected with the notice off');
  }
}

class FakeRecords {
  records: (NewRecord & { createdAt: Date })[] = [];
  async addRecord(record: NewRecord) {
    const stored = { ...record, createdAt: record.createdAt ?? NOW };
    this.records.push(stored);
    return {
      id: String(this.records.length),
      reason: null,
      nationalIdHash: null,
      accountId: null,
      removed: [],
      notRemoved: [],
      sessionsRevoked: null,
      tapIssued: null,
      tapExpiresAt: null,
      tapReason: null,
      tapShownAt: null,
      noticeSent: null,
      agentId: null,
      verificationKind: null,
      ticketReference: null,
      agentName: null,
      ...stored,
      chosen: stored.chosen ?? [],
      ignored: stored.ignored ?? [],
      kept: stored.kept ?? [],
      deskAlerted: stored.deskAlerted ?? null,
      channel: stored.channel ?? 'self-service',
      planned: stored.planned ?? [],
      noticeLocale: stored.noticeLocale ?? null,
    };
  }
  /** Like the store: completes an intent in place, once. */
  async completeIntent(id: string, completion: Partial<NewRecord>) {
    const index = Number(id) - 1;
    const row = this.records[index];
    if (!row || row.outcome !== 'in-progress') return null;
    this.records[index] = { ...row, ...completion };
    return this.records[index] as never;
  }
  async countResetsSince(hash: string, since: Date) {
    return this.counted(hash, since).length;
  }
  async listIntentsBefore(before: Date, limit: number) {
    return this.withIds()
      .filter((r) => r.outcome === 'in-progress' && r.createdAt < before)
      .slice(0, limit) as never[];
  }
  async findRecordByRequestId(requestId: string) {
    return (this.withIds().find((r) => r.requestId === requestId) ?? null) as never;
  }
  private withIds() {
    return this.records.map((r, index) => ({
      ...r,
      id: String(index + 1),
      reason: r.reason ?? null,
      planned: r.planned ?? [],
      noticeLocale: r.noticeLocale ?? null,
      channel: r.channel ?? 'self-service',
      accountId: r.accountId ?? null,
      nationalIdHash: r.nationalIdHash ?? null,
      verificationKind: r.verificationKind ?? null,
    }));
  }
  async firstResetSince(hash: string, since: Date) {
    return this.counted(hash, since)[0]?.createdAt ?? null;
  }
  private counted(hash: string, since: Date) {
    return this.records
      .filter((r) => r.nationalIdHash === hash && r.createdAt >= since && COUNTED_OUTCOMES.includes(r.outcome))
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  }
}

/** The address limiter keeps its own (real) clock: its retry time may be a few milliseconds off the fake one. */
function expectAddressRefusal(outcome: { kind: string; retryAfter?: string }, retryAfter: string) {
  expect(outcome).toMatchObject({ kind: 'refused', reason: 'rate-limited-address' });
  const retryAt = new Date(outcome.retryAfter ?? 0).getTime();
  expect(Math.abs(retryAt - new Date(retryAfter).getTime())).toBeLessThan(1000);
}

function setup(limitPerAddress = 20) {
  const directory = new FakeDirectory();
  const records = new FakeRecords();
  const deps: ResetDeps = {
    directory,
    records,
    addressLimiter: createAddressLimiter(limitPerAddress, () => NOW.getTime()),
    now: () => NOW,
  };
  return { directory, records, deps };
}

describe('maskUpn', () => {
  it.each([
    ['kari.nordmann@oslomet.no', 'k***n@oslomet.no'],
    ['ab@oslomet.no', 'a***@oslomet.no'],
    ['s123456@oslomet.no', 's***6@oslomet.no'],
  ])('%s -> %s', (upn, masked) => expect(maskUpn(upn)).toBe(masked));
});

describe('resetTwoFactorFor', () => {
  it('removes every method, revokes sessions and records one success', async () => {
    const { directory, records, deps } = setup();
    const outcome = await resetTwoFactorFor(person(), 'req-1', deps, settings);
    expect(outcome).toEqual({
      kind: 'success',
      removed: [method('m1'), method('m2')],
      sessionsRevoked: true,
      ...NOTHING_AFTER,
    });
    expect(directory.calls).toEqual(['find', 'list', 'remove', 'revoke']);
    expect(records.records).toEqual([
      expect.objectContaining({
        requestId: 'req-1',
        outcome: 'success',
        reason: null,
        nationalIdHash: HASH,
        accountId: 'acc-1',
        removed: [
          { id: 'm1', type: 'microsoftAuthenticator', label: 'Phone m1' },
          { id: 'm2', type: 'microsoftAuthenticator', label: 'Phone m2' },
        ],
        notRemoved: [],
        sessionsRevoked: true,
      }),
    ]);
    expect(JSON.stringify(records.records)).not.toContain(NATIONAL_ID);
  });

  it.each([
    ['low-assurance', { acr: 'idporten-loa-low' }],
    ['low-assurance', { acr: 'Level4' }],
    ['stale-login', { authTime: nowSeconds - 601 }],
    ['stale-login', { authTime: nowSeconds + 3600 }],
  ] as const)('refuses %s, changes nothing and records one refusal', async (reason, overrides) => {
    const { directory, records, deps } = setup();
    const outcome = await resetTwoFactorFor(person(overrides), 'req-r', deps, settings);
    expect(outcome).toEqual({ kind: 'refused', reason });
    expect(directory.calls).toEqual([]);
    expect(records.records).toEqual([
      expect.objectContaining({ requestId: 'req-r', outcome: 'refused', reason, nationalIdHash: HASH }),
    ]);
  });

  it('requires high assurance when configured, and accepts it', async () => {
    const { deps } = setup();
    const high: ResetSettings = { ...settings, requiredAcr: 'idporten-loa-high' };
    expect(await resetTwoFactorFor(person(), 'a', deps, high)).toEqual({ kind: 'refused', reason: 'low-assurance' });
    expect((await resetTwoFactorFor(person({ acr: 'idporten-loa-high' }), 'b', deps, high)).kind).toBe('success');
  });

  it.each([
    ['no-account', [] as DirectoryAccount[]],
    ['several-accounts', [ACCOUNT, { ...ACCOUNT, id: 'acc-2' }]],
  ] as const)('refuses %s without touching any account', async (reason, accounts) => {
    const { directory, records, deps } = setup();
    directory.accounts = [...accounts];
    const outcome = await resetTwoFactorFor(person(), 'req-a', deps, settings);
    expect(outcome).toEqual({ kind: 'refused', reason });
    expect(directory.calls).toEqual(['find']);
    expect(records.records).toHaveLength(1);
    expect(records.records[0]).toMatchObject({ outcome: 'refused', reason, accountId: null });
  });

  it('refuses a person who reached the limit, and says when to come back', async () => {
    const { directory, records, deps } = setup();
    for (const hoursAgo of [20, 5, 1]) {
      await records.addRecord({
        requestId: `old-${hoursAgo}`,
        outcome: 'success',
        nationalIdHash: HASH,
        createdAt: new Date(NOW.getTime() - hoursAgo * 3_600_000),
      });
    }
    await records.addRecord({ requestId: 'refusal', outcome: 'refused', nationalIdHash: HASH });
    const outcome = await resetTwoFactorFor(person(), 'req-limit', deps, settings);
    expect(outcome).toEqual({ kind: 'refused', reason: 'rate-limited-person', retryAfter: '2026-03-01T16:00:00.000Z' });
    expect(directory.calls).toEqual([]);
    expect(records.records.filter((r) => r.requestId === 'req-limit')).toEqual([
      expect.objectContaining({ outcome: 'refused', reason: 'rate-limited-person' }),
    ]);
  });

  it('does not count failures, refusals or nothing-to-remove against the person', async () => {
    const { directory, records, deps } = setup();
    const one: ResetSettings = { ...settings, limitPerPerson: 1 };
    const hoursAgo = (hours: number) => new Date(NOW.getTime() - hours * 3_600_000);
    await records.addRecord({ requestId: 'f', outcome: 'failed', nationalIdHash: HASH, createdAt: hoursAgo(3) });
    await records.addRecord({ requestId: 'r', outcome: 'refused', nationalIdHash: HASH, createdAt: hoursAgo(2) });
    await records.addRecord({
      requestId: 'n',
      outcome: 'nothing-to-remove',
      nationalIdHash: HASH,
      createdAt: hoursAgo(1),
    });
    expect((await resetTwoFactorFor(person(), 'ok', deps, one)).kind).toBe('success');
    directory.methods = [method('m3')];
    expect(await resetTwoFactorFor(person(), 'limited', deps, one)).toEqual({
      kind: 'refused',
      reason: 'rate-limited-person',
      retryAfter: '2026-03-02T12:00:00.000Z',
    });
  });

  it('limits attempts per client address', async () => {
    const { directory, records, deps } = setup(2);
    await resetTwoFactorFor(person({ acr: 'low' }), '1', deps, settings);
    await resetTwoFactorFor(person({ acr: 'low' }), '2', deps, settings);
    expectAddressRefusal(await resetTwoFactorFor(person(), '3', deps, settings), '2026-03-01T13:00:00.000Z');
    expect(directory.calls).toEqual([]);
    expect(records.records.map((r) => r.reason)).toEqual(['low-assurance', 'low-assurance', 'rate-limited-address']);
    expect((await resetTwoFactorFor(person({ clientAddress: '198.51.100.7' }), '4', deps, settings)).kind).toBe(
      'success',
    );
  });

  it('records nothing-to-remove and does not revoke sessions', async () => {
    const { directory, records, deps } = setup();
    directory.methods = [];
    expect(await resetTwoFactorFor(person(), 'n', deps, settings)).toEqual({ kind: 'nothing-to-remove', ignored: [] });
    expect(directory.calls).toEqual(['find', 'list']);
    expect(records.records).toEqual([expect.objectContaining({ outcome: 'nothing-to-remove', accountId: 'acc-1' })]);
  });

  it('reports a partial removal truthfully, and a second attempt completes it', async () => {
    const { directory, records, deps } = setup();
    directory.failRemoval.set('m2', '500 generalException');
    const first = await resetTwoFactorFor(person(), 'p1', deps, settings);
    expect(first).toEqual({
      kind: 'partial',
      removed: [method('m1')],
      notRemoved: [{ method: method('m2'), reason: '500 generalException' }],
      sessionsRevoked: true,
      ...NOTHING_AFTER,
    });
    expect(records.records[0]).toMatchObject({
      outcome: 'partial',
      reason: '500 generalException',
      removed: [{ id: 'm1', type: 'microsoftAuthenticator', label: 'Phone m1' }],
      notRemoved: [{ id: 'm2', type: 'microsoftAuthenticator', label: 'Phone m2', reason: '500 generalException' }],
    });

    directory.failRemoval.clear();
    expect(await resetTwoFactorFor(person(), 'p2', deps, settings)).toEqual({
      kind: 'success',
      removed: [method('m2')],
      sessionsRevoked: true,
      ...NOTHING_AFTER,
    });
    expect(records.records.map((r) => r.outcome)).toEqual(['partial', 'success']);
  });

  it('records a failure when nothing could be removed, without revoking sessions', async () => {
    const { directory, records, deps } = setup();
    directory.failRemoval.set('m1', 'default-method').set('m2', '503 generalException');
    const outcome = await resetTwoFactorFor(person(), 'f', deps, settings);
    expect(outcome).toEqual({
      kind: 'failed',
      notRemoved: [
        { method: method('m1'), reason: 'default-method' },
        { method: method('m2'), reason: '503 generalException' },
      ],
      ignored: [],
    });
    expect(directory.calls).not.toContain('revoke');
    expect(records.records).toEqual([
      expect.objectContaining({ outcome: 'failed', reason: 'default-method', sessionsRevoked: null }),
    ]);
  });

  it('still reports success when only the session revocation fails', async () => {
    const { directory, records, deps } = setup();
    directory.failRevoke = true;
    expect(await resetTwoFactorFor(person(), 's', deps, settings)).toMatchObject({
      kind: 'success',
      sessionsRevoked: false,
    });
    expect(records.records[0]).toMatchObject({ outcome: 'success', sessionsRevoked: false });
  });

  it('turns an unexpected exception into one failed record', async () => {
    const { directory, records, deps } = setup();
    directory.failLookup = new DirectoryError('find-accounts', 500, 'generalException', 'req-x');
    expect(await resetTwoFactorFor(person(), 'e1', deps, settings)).toEqual({ kind: 'failed', notRemoved: [] });

    directory.failLookup = null;
    directory.removeMethods = async () => {
      throw new TypeError('boom');
    };
    expect(await resetTwoFactorFor(person(), 'e2', deps, settings)).toEqual({
      kind: 'failed',
      notRemoved: [
        { method: method('m1'), reason: 'unknown' },
        { method: method('m2'), reason: 'unknown' },
      ],
    });
    expect(records.records).toEqual([
      expect.objectContaining({ requestId: 'e1', outcome: 'failed', reason: 'find-accounts: 500 generalException' }),
      expect.objectContaining({ requestId: 'e2', outcome: 'failed', reason: 'unexpected-error', accountId: 'acc-1' }),
    ]);
  });

  it('changes nothing in Graph when the intent cannot be written, and says there is no record', async () => {
    const { directory, deps } = setup();
    deps.records.addRecord = async () => {
      throw new Error('database down');
    };
    expect(await resetTwoFactorFor(person(), 'db', deps, settings)).toEqual({
      kind: 'failed',
      notRemoved: [],
      unrecorded: true,
    });
    expect(directory.calls).not.toContain('remove');
    expect(directory.methods.map((m) => m.id)).toEqual(['m1', 'm2']);
  });

  it('writes the intent before the first removal and completes that one record after the last', async () => {
    const { directory, records, deps } = setup();
    const seenAtRemoval: string[] = [];
    const remove = directory.removeMethods.bind(directory);
    directory.removeMethods = async (accountId, methods) => {
      seenAtRemoval.push(...records.records.map((r) => r.outcome));
      return remove(accountId, methods);
    };
    await resetTwoFactorFor(person(), 'intent', deps, settings);
    expect(seenAtRemoval).toEqual(['in-progress']);
    expect(records.records).toEqual([
      expect.objectContaining({
        requestId: 'intent',
        outcome: 'success',
        planned: [summaryOf('m1'), summaryOf('m2')],
        noticeLocale: 'nb',
      }),
    ]);
  });

  it('returns the real outcome when the record cannot be completed, and leaves the intent for recovery', async () => {
    const { records, deps } = setup();
    records.completeIntent = async () => {
      throw new Error('database down');
    };
    expect((await resetTwoFactorFor(person(), 'db', deps, settings)).kind).toBe('success');
    expect(records.records).toEqual([expect.objectContaining({ requestId: 'db', outcome: 'in-progress' })]);
  });

  it('asks to try again, changing nothing, when the person lock (in the records database) cannot be taken', async () => {
    const { directory, records, deps } = setup();
    deps.personQueue = {
      run: async () => {
        throw new Error('connect ECONNREFUSED');
      },
      size: 0,
    };
    expect(await resetTwoFactorFor(person(), 'lock', deps, settings)).toEqual({
      kind: 'failed',
      notRemoved: [],
      unrecorded: true,
    });
    expect(directory.calls).toEqual([]);
    expect(records.records).toEqual([]);
  });
});

const summaryOf = (id: string) => ({ id, type: 'microsoftAuthenticator', label: `Phone ${id}` });

describe('recoverInterruptedAttempts', () => {
  const AFTER_SECONDS = 300;
  const old = new Date(NOW.getTime() - (AFTER_SECONDS + 1) * 1000);
  const noticeSettings = {
    senderMailbox: 'tofaktor-noreply@oslomet.no',
    serviceDesk: { url: 'https://www.oslomet.no/' },
  };

  /** An instance that died after removing m1 and before removing m2: its intent names both, Graph has m2 left. */
  function interrupted(createdAt = old) {
    const { directory, records, deps } = setup();
    const sent: string[] = [];
    directory.getAccount = async () => ACCOUNT;
    directory.sendMail = (async (_sender: string, message: MailMessage) => {
      sent.push(message.text);
    }) as never;
    directory.methods = [method('m2')];
    void records.addRecord({
      requestId: 'died',
      nationalIdHash: HASH,
      accountId: ACCOUNT.id,
      outcome: 'in-progress',
      planned: [summaryOf('m1'), summaryOf('m2')],
      noticeLocale: 'en',
      createdAt,
    });
    const recoveryDeps = { directory, records, now: deps.now, personQueue: createPerPersonQueue() };
    return { directory, records, recoveryDeps, sent };
  }

  it('completes an old intent as interrupted with exactly what Graph no longer has, revokes sessions, notifies once', async () => {
    const { directory, records, recoveryDeps, sent } = interrupted();
    const settingsOf = { afterSeconds: AFTER_SECONDS, notice: noticeSettings };
    expect(await recoverInterruptedAttempts(recoveryDeps, settingsOf)).toEqual({ recovered: 1, failed: 0 });
    expect(records.records).toEqual([
      expect.objectContaining({
        requestId: 'died',
        outcome: 'interrupted',
        reason: 'instance-stopped',
        removed: [summaryOf('m1')],
        notRemoved: [{ ...summaryOf('m2'), reason: 'interrupted' }],
        sessionsRevoked: true,
        noticeSent: true,
      }),
    ]);
    expect(directory.calls).toContain('revoke');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain('Phone m1');
    expect(sent[0]).not.toContain('Phone m2');
    expect(sent[0]).toContain('Reference: died');

    // Once: the next run finds nothing left in progress.
    expect(await recoverInterruptedAttempts(recoveryDeps, settingsOf)).toEqual({ recovered: 0, failed: 0 });
    expect(sent).toHaveLength(1);
  });

  it('leaves a young intent alone: its attempt may still be running', async () => {
    const young = new Date(NOW.getTime() - (AFTER_SECONDS - 5) * 1000);
    const { records, recoveryDeps, sent } = interrupted(young);
    const report = await recoverInterruptedAttempts(recoveryDeps, {
      afterSeconds: AFTER_SECONDS,
      notice: noticeSettings,
    });
    expect(report).toEqual({ recovered: 0, failed: 0 });
    expect(records.records[0]?.outcome).toBe('in-progress');
    expect(sent).toEqual([]);
  });

  it('keeps the intent in progress when Graph cannot be read, and tries again on the next run', async () => {
    const { directory, records, recoveryDeps } = interrupted();
    const list = directory.listMethods.bind(directory);
    directory.listMethods = async () => {
      throw new DirectoryError('list-methods', 503, 'serviceNotAvailable', 'r-2');
    };
    const settingsOf = { afterSeconds: AFTER_SECONDS, notice: noticeSettings };
    expect(await recoverInterruptedAttempts(recoveryDeps, settingsOf)).toEqual({ recovered: 0, failed: 1 });
    expect(records.records[0]?.outcome).toBe('in-progress');
    directory.listMethods = list;
    expect(await recoverInterruptedAttempts(recoveryDeps, settingsOf)).toEqual({ recovered: 1, failed: 0 });
  });

  it('does nothing to an attempt that its own (slow) instance completed while recovery waited for the lock', async () => {
    const { records, recoveryDeps, sent } = interrupted();
    const completedMeanwhile = {
      listIntentsBefore: records.listIntentsBefore.bind(records),
      completeIntent: records.completeIntent.bind(records),
      // The slow attempt completed its record while recovery waited for the person's lock.
      findRecordByRequestId: async (requestId: string) => {
        const found = await records.findRecordByRequestId(requestId);
        return found ? ({ ...(found as object), outcome: 'success' } as never) : null;
      },
    };
    const report = await recoverInterruptedAttempts(
      { ...recoveryDeps, records: completedMeanwhile },
      { afterSeconds: AFTER_SECONDS, notice: noticeSettings },
    );
    expect(report).toEqual({ recovered: 0, failed: 0 });
    expect(sent).toEqual([]);
  });
});

describe('resetTwoFactorFor, twice at once for one person', () => {
  /** A directory whose removal takes a while, noting when each removal started and ended. */
  class SlowDirectory extends FakeDirectory {
    spans: { accountId: string; start: number; end: number }[] = [];
    override async removeMethods(accountId: string, methods: AuthMethod[]): Promise<RemovalReport> {
      const start = performance.now();
      await new Promise((resolve) => setTimeout(resolve, 50));
      const report = await super.removeMethods(accountId, methods);
      this.spans.push({ accountId, start, end: performance.now() });
      return report;
    }
  }

  function slowSetup() {
    const { records, deps } = setup();
    const directory = new SlowDirectory();
    const personQueue = createPerPersonQueue();
    return { directory, records, personQueue, deps: { ...deps, directory, personQueue } };
  }

  it('runs the second after the first, which finds nothing left to remove', async () => {
    const { directory, records, personQueue, deps } = slowSetup();
    const both = Promise.all([
      resetTwoFactorFor(person(), 'first', deps, settings),
      resetTwoFactorFor(person(), 'second', deps, settings),
    ]);
    expect(personQueue.size).toBe(1);
    const [first, second] = await both;
    expect(first).toEqual({
      kind: 'success',
      removed: [method('m1'), method('m2')],
      sessionsRevoked: true,
      ...NOTHING_AFTER,
    });
    expect(second).toEqual({ kind: 'nothing-to-remove', ignored: [] });
    expect(directory.calls).toEqual(['find', 'list', 'remove', 'revoke', 'find', 'list']);
    expect(records.records.map((r) => [r.requestId, r.outcome])).toEqual([
      ['first', 'success'],
      ['second', 'nothing-to-remove'],
    ]);
    expect(personQueue.size).toBe(0);
  });

  it('lets the second see the first one’s record', async () => {
    const { directory, records, deps } = slowSetup();
    const one: ResetSettings = { ...settings, limitPerPerson: 1 };
    // The second would have methods to remove, were it not for the limit the first one just used up.
    const listed = directory.listRemovableMethods.bind(directory);
    directory.listRemovableMethods = async () => {
      const methods = await listed();
      directory.methods = [method('m9')];
      return methods;
    };
    const outcomes: ResetOutcome[] = await Promise.all([
      resetTwoFactorFor(person(), 'a', deps, one),
      resetTwoFactorFor(person(), 'b', deps, one),
      resetTwoFactorFor(person(), 'c', deps, one),
    ]);
    expect(outcomes.map((outcome) => outcome.kind)).toEqual(['success', 'refused', 'refused']);
    expect(outcomes[1]).toEqual({
      kind: 'refused',
      reason: 'rate-limited-person',
      retryAfter: '2026-03-02T12:00:00.000Z',
    });
    expect(records.records.map((r) => r.outcome)).toEqual(['success', 'refused', 'refused']);
    expect(directory.spans).toHaveLength(1);
  });

  it('never overlaps one person’s removals, but lets different people run side by side', async () => {
    const { directory, deps } = slowSetup();
    const other = NationalIdSchema.parse('13097248022');
    (directory as Directory).findAccountsByNationalId = async (id) => [
      id === other ? { ...ACCOUNT, id: 'acc-other' } : ACCOUNT,
    ];
    directory.removeMethods = async function (this: SlowDirectory, accountId: string, methods: AuthMethod[]) {
      // Every attempt finds methods again (as if they came back), so each one removes and is timed.
      const report = await SlowDirectory.prototype.removeMethods.call(this, accountId, methods);
      this.methods = [method('m1'), method('m2')];
      return report;
    };
    await Promise.all([
      resetTwoFactorFor(person(), 'p1', deps, settings),
      resetTwoFactorFor(person(), 'p2', deps, settings),
      resetTwoFactorFor(person({ nationalId: other }), 'o1', deps, settings),
    ]);
    expect(directory.spans).toHaveLength(3);
    const [p1, p2] = directory.spans.filter((span) => span.accountId === ACCOUNT.id).sort((a, b) => a.start - b.start);
    const o1 = directory.spans.find((span) => span.accountId === 'acc-other');
    // The same person's second removal waited for the first to end; the other person ran alongside the first.
    expect(p2!.start).toBeGreaterThanOrEqual(p1!.end);
    expect(o1!.start).toBeLessThan(p1!.end);
    expect(p1!.start).toBeLessThan(o1!.end);
  });
});

describe('per-person queue', () => {
  it('runs one key’s tasks in order, goes on after a rejection, and forgets idle keys', async () => {
    const queue = createPerPersonQueue();
    const log: string[] = [];
    const task =
      (name: string, ms: number, fail = false) =>
      async () => {
        log.push(`${name} start`);
        await new Promise((resolve) => setTimeout(resolve, ms));
        log.push(`${name} end`);
        if (fail) throw new Error(name);
        return name;
      };
    const results = await Promise.allSettled([
      queue.run('a', task('a1', 30, true)),
      queue.run('a', task('a2', 5)),
      queue.run('b', task('b1', 10)),
    ]);
    expect(
      results.map((result) => (result.status === 'fulfilled' ? result.value : (result.reason as Error).message)),
    ).toEqual(['a1', 'a2', 'b1']);
    expect(results[0]?.status).toBe('rejected');
    expect(log).toEqual(['a1 start', 'b1 start', 'b1 end', 'a1 end', 'a2 start', 'a2 end']);
    await new Promise((resolve) => setImmediate(resolve));
    expect(queue.size).toBe(0);
  });
});

describe('personLimitRetryAt', () => {
  it('is when the oldest success or partial in the last 24 hours leaves the window', async () => {
    const records = new FakeRecords();
    const hoursAgo = (hours: number) => new Date(NOW.getTime() - hours * 3_600_000);
    expect(await personLimitRetryAt(HASH, records, NOW)).toBeUndefined();
    await records.addRecord({ requestId: 'old', outcome: 'success', nationalIdHash: HASH, createdAt: hoursAgo(25) });
    await records.addRecord({ requestId: 'failed', outcome: 'failed', nationalIdHash: HASH, createdAt: hoursAgo(22) });
    expect(await personLimitRetryAt(HASH, records, NOW)).toBeUndefined();
    await records.addRecord({ requestId: 'p', outcome: 'partial', nationalIdHash: HASH, createdAt: hoursAgo(20) });
    await records.addRecord({ requestId: 's', outcome: 'success', nationalIdHash: HASH, createdAt: hoursAgo(5) });
    expect(await personLimitRetryAt(HASH, records, NOW)).toBe('2026-03-01T16:00:00.000Z');
  });
});

describe('personLimitRetryAfter (service, with the configured HMAC key and records)', () => {
  // The service reads its configuration from the environment and opens the shared records database (PGlite).
  const ENV = localSiteEnv({ RECORDS_HMAC_KEY: KEY, DATABASE_URL: '' });
  const saved = { ...process.env };
  let dir: string;

  beforeAll(async () => {
    if (!(process.env.NODE_OPTIONS ?? '').includes('--experimental-vm-modules')) {
      throw new Error(
        'These tests open PGlite, which needs --experimental-vm-modules: run them with `npm run test:unit`.',
      );
    }
    dir = await mkdtemp(path.join(tmpdir(), 'tofaktor-service-'));
    Object.assign(process.env, ENV, { PGLITE_DIR: path.join(dir, 'pglite') });
  });

  afterAll(async () => {
    const { getSharedDatabase } = await import('@/lib/records/database');
    const { getConfig } = await import('@/lib/config');
    await (await getSharedDatabase(getConfig().records)).close();
    process.env = saved;
    await rm(dir, { recursive: true, force: true });
  });

  it('hashes the national id with the configured key and answers from the records', async () => {
    const { personLimitRetryAfter } = await import('@/lib/wiring/self-service');
    const { getInfrastructure } = await import('@/lib/wiring/root');
    expect(await personLimitRetryAfter(NATIONAL_ID)).toBeUndefined();
    const store = (await getInfrastructure()).records;
    const oldest = new Date(Date.now() - 20 * 3_600_000);
    await store.addRecord({ requestId: 's1', outcome: 'success', nationalIdHash: HASH, createdAt: oldest });
    await store.addRecord({
      requestId: 's2',
      outcome: 'partial',
      nationalIdHash: HASH,
      createdAt: new Date(Date.now() - 3_600_000),
    });
    await store.addRecord({
      requestId: 'x',
      outcome: 'success',
      nationalIdHash: 'someone-else',
      createdAt: new Date(Date.now() - 23 * 3_600_000),
    });
    expect(await personLimitRetryAfter(NATIONAL_ID)).toBe(new Date(oldest.getTime() + 24 * 3_600_000).toISOString());
  }, 30_000);
});

describe('previewReset', () => {
  it('shows the masked account and the methods, and records nothing', async () => {
    const { directory, records, deps } = setup();
    expect(await previewReset(person(), deps, settings)).toEqual({
      kind: 'ready',
      account: { displayName: 'Kari Nordmann', maskedUpn: 'k***n@oslomet.no' },
      methods: [method('m1'), method('m2')],
      kept: [],
    });
    expect(directory.calls).toEqual(['find', 'list']);
    expect(records.records).toEqual([]);
  });

  it('says when there is nothing to remove', async () => {
    const { directory, deps } = setup();
    directory.methods = [];
    expect(await previewReset(person(), deps, settings)).toEqual({
      kind: 'nothing-to-remove',
      account: { displayName: 'Kari Nordmann', maskedUpn: 'k***n@oslomet.no' },
      kept: [],
      passOffer: false,
    });
  });

  it.each([
    ['stale-login', (d: FakeDirectory) => d, { authTime: nowSeconds - 3600 }],
    ['low-assurance', (d: FakeDirectory) => d, { acr: 'none' }],
    ['several-accounts', (d: FakeDirectory) => (d.accounts = [ACCOUNT, ACCOUNT]), {}],
    ['no-account', (d: FakeDirectory) => (d.accounts = []), {}],
  ] as const)('refuses %s and records one refusal', async (reason, arrange, overrides) => {
    const { directory, records, deps } = setup();
    arrange(directory);
    expect(await previewReset(person(overrides), deps, settings)).toEqual({ kind: 'refused', reason });
    expect(directory.calls).not.toContain('remove');
    expect(records.records).toEqual([expect.objectContaining({ outcome: 'refused', reason, nationalIdHash: HASH })]);
  });

  it('uses up one address attempt per preview, and the action one more', async () => {
    const { deps } = setup(2);
    expect((await previewReset(person(), deps, settings)).kind).toBe('ready');
    expect((await resetTwoFactorFor(person(), 'x', deps, settings)).kind).toBe('success');
    expectAddressRefusal(await previewReset(person(), deps, settings), '2026-03-01T13:00:00.000Z');
  });

  it('stops reloads past the address limit before Graph, and without a record each time', async () => {
    const { directory, records, deps } = setup(3);
    for (let reload = 0; reload < 3; reload += 1)
      expect((await previewReset(person(), deps, settings)).kind).toBe('ready');
    for (let reload = 0; reload < 5; reload += 1) {
      expect(await previewReset(person(), deps, settings)).toMatchObject({
        kind: 'refused',
        reason: 'rate-limited-address',
      });
    }
    expect(directory.calls).toEqual(['find', 'list', 'find', 'list', 'find', 'list']);
    expect(records.records).toEqual([]);
    // The action past the limit is an attempt, and leaves its record.
    expect(await resetTwoFactorFor(person(), 'late', deps, settings)).toMatchObject({ reason: 'rate-limited-address' });
    expect(records.records).toEqual([
      expect.objectContaining({ requestId: 'late', outcome: 'refused', reason: 'rate-limited-address' }),
    ]);
  });

  it('uses up an address attempt even for a refused login', async () => {
    const { directory, deps } = setup(1);
    expect(await previewReset(person({ acr: 'low' }), deps, settings)).toEqual({
      kind: 'refused',
      reason: 'low-assurance',
    });
    expect(await previewReset(person(), deps, settings)).toMatchObject({
      kind: 'refused',
      reason: 'rate-limited-address',
    });
    expect(directory.calls).toEqual([]);
  });

  it('reports a directory failure without recording a refusal', async () => {
    const { directory, records, deps } = setup();
    directory.failLookup = new DirectoryError('find-accounts', 503, 'serviceUnavailable', null);
    expect(await previewReset(person(), deps, settings)).toEqual({ kind: 'directory-error' });
    expect(records.records).toEqual([]);
  });
});

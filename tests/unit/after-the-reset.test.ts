/** @jest-environment node */
// Issue 17's domain with a fake directory and records: what a reset keeps is recorded, a new pass comes only when
// nothing else signs the person in, and "this wasn't me" removes exactly what came after the reset, once.
import type {
  AccountMethods,
  AuthMethod,
  Directory,
  DirectoryAccount,
  KeptMethod,
  MailMessage,
  RemovalReport,
} from '@/lib/directory/directory';
import { metrics } from '@/lib/metrics/metrics';
import { hashNationalId, NationalIdSchema } from '@/lib/national-id';
import type { NewRecord } from '@/lib/records/records';
import type { ResetRecord } from '@/lib/records/schema';
import { createAddressLimiter } from '@/lib/reset/address-limiter';
import { previewNotMe, undoResetFor, type NotMeSettings } from '@/lib/reset/not-me';
import { createPerPersonQueue } from '@/lib/reset/per-person-queue';
import { issueNewPassFor } from '@/lib/reset/new-pass';
import { passOffered, resetTwoFactorFor, type ResetSettings } from '@/lib/reset/reset';
import { completeInPlace } from './fake-intents';

const NOW = new Date('2026-03-01T12:00:00Z');
const NATIONAL_ID = NationalIdSchema.parse('01819012365');
const KEY = 'k'.repeat(32);
const ACCOUNT: DirectoryAccount = {
  id: 'acc-1',
  displayName: 'Kari Nordmann',
  userPrincipalName: 'kari.nordmann@oslomet.no',
  mail: null,
  otherMails: [],
};
const settings: ResetSettings = {
  requiredAcr: 'idporten-loa-substantial',
  maxLoginAgeSeconds: 600,
  limitPerPerson: 3,
  hmacKey: KEY,
  tap: { enabled: true, lifetimeMinutes: 60, usableOnce: true },
};
const person = {
  nationalId: NATIONAL_ID,
  acr: 'idporten-loa-substantial',
  authTime: NOW.getTime() / 1000 - 60,
  clientAddress: '192.0.2.10',
};
const removable = (id: string, createdAt: string | null = null, type: AuthMethod['type'] = 'microsoftAuthenticator') =>
  ({ id, type, label: `Phone ${id}`, createdAt }) satisfies AuthMethod;
const kept = (id: string, type: KeptMethod['type'], signIn: boolean): KeptMethod => ({
  id,
  type,
  label: id,
  createdAt: null,
  signIn,
});

class FakeDirectory implements Directory {
  searchAccounts = async () => [];
  getAccount = async () => null;
  memberGroupsAmong = async () => [];
  appRoleAssignees = async () => [];
  methods: AccountMethods = { removable: [], kept: [] };
  deleted: string[] = [];
  mail: MailMessage[] = [];
  passes = 0;
  revoked = 0;
  async findAccountsByNationalId() {
    return [ACCOUNT];
  }
  async listRemovableMethods() {
    return [...this.methods.removable];
  }
  async listMethods() {
    return { removable: [...this.methods.removable], kept: [...this.methods.kept] };
  }
  async removeMethods(_id: string, methods: AuthMethod[]): Promise<RemovalReport> {
    this.deleted.push(...methods.map((m) => m.id));
    this.methods.removable = this.methods.removable.filter((m) => !methods.includes(m));
    return { removed: methods, notRemoved: [] };
  }
  async deleteTemporaryAccessPass(_id: string, passId: string) {
    this.deleted.push(passId);
    this.methods.kept = this.methods.kept.filter((m) => m.id !== passId);
  }
  async revokeSessions() {
    this.revoked += 1;
    return true;
  }
  async createTemporaryAccessPass() {
    this.passes += 1;
    this.methods.kept = [
      ...this.methods.kept.filter((m) => m.type !== 'temporaryAccessPass'),
      kept(`tap-${this.passes}`, 'temporaryAccessPass', false),
    ];
    return { pass: `PASS-${this.passes}`, expiresAt: new Date(NOW.getTime() + 3_600_000), isUsableOnce: true };
  }
  async sendMail(_sender: string, message: MailMessage) {
    this.mail.push(message);
  }
}

class FakeRecords {
  rows: ResetRecord[] = [];
  async addRecord(record: NewRecord): Promise<ResetRecord> {
    const row = {
      id: String(this.rows.length + 1),
      createdAt: NOW,
      reason: null,
      nationalIdHash: null,
      accountId: null,
      removed: [],
      notRemoved: [],
      sessionsRevoked: null,
      chosen: [],
      ignored: [],
      kept: [],
      tapIssued: null,
      tapExpiresAt: null,
      tapReason: null,
      tapShownAt: null,
      noticeSent: null,
      channel: 'self-service',
      agentId: null,
      verificationKind: null,
      ticketReference: null,
      agentName: null,
      deskAlerted: null,
      ...record,
    } as ResetRecord;
    this.rows.push(row);
    return row;
  }
  /** Like the store: completes an intent in place, once. */
  async completeIntent(id: string, completion: Partial<NewRecord>) {
    return completeInPlace(this.rows, id, completion);
  }
  async countResetsSince(hash: string) {
    return this.rows.filter((r) => r.nationalIdHash === hash && (r.outcome === 'success' || r.tapIssued)).length;
  }
  async firstResetSince() {
    return null;
  }
  async listAttempts(filter: { accountId?: string }) {
    return this.rows.filter((r) => r.accountId === filter.accountId).reverse();
  }
}

function setup() {
  const directory = new FakeDirectory();
  const records = new FakeRecords();
  const deps = {
    directory,
    records,
    addressLimiter: createAddressLimiter(100, () => NOW.getTime()),
    personQueue: createPerPersonQueue(),
    now: () => NOW,
  };
  return { directory, records, deps };
}

describe('passOffered', () => {
  it('offers a pass only when passes are on and nothing left is a second factor', () => {
    const onlyPasswordAndMail = [kept('p', 'password', false), kept('e', 'email', false)];
    expect(passOffered(onlyPasswordAndMail, settings)).toBe(true);
    expect(passOffered([...onlyPasswordAndMail, kept('k', 'securityKey', true)], settings)).toBe(false);
    expect(passOffered(onlyPasswordAndMail, { tap: { ...settings.tap!, enabled: false } })).toBe(false);
  });
});

describe('a reset records what stays', () => {
  it('names the unticked registrations and the kept kinds that still sign the person in, not the password', async () => {
    const { directory, records, deps } = setup();
    directory.methods = {
      removable: [removable('lost'), removable('iphone')],
      kept: [kept('pw', 'password', false), kept('key', 'securityKey', true)],
    };
    await resetTwoFactorFor(person, 'r1', deps, settings, { chosenMethodIds: ['lost'], locale: 'nb' });
    expect(records.rows[0]?.kept.map((m) => m.id)).toEqual(['iphone', 'key']);
    expect(directory.deleted).toEqual(['lost']);
  });
});

describe('issueNewPassFor', () => {
  it('issues a pass when nothing signs the person in, recorded as new-pass and counted', async () => {
    const { directory, records, deps } = setup();
    directory.methods = {
      removable: [],
      kept: [kept('pw', 'password', false), kept('old', 'temporaryAccessPass', false)],
    };
    const outcome = await issueNewPassFor(person, 'n1', deps, settings);
    expect(outcome).toMatchObject({ kind: 'nothing-to-remove', newPass: true, pass: { kind: 'issued' } });
    expect(directory.passes).toBe(1);
    expect(records.rows[0]).toMatchObject({ outcome: 'nothing-to-remove', reason: 'new-pass', tapIssued: true });
    expect(JSON.stringify(records.rows)).not.toContain('PASS-1');
    expect(await records.countResetsSince(hashNationalId(NATIONAL_ID, KEY))).toBe(1);
  });

  it('issues none while something still signs the person in, and records why', async () => {
    const { directory, records, deps } = setup();
    directory.methods = { removable: [], kept: [kept('phone', 'phone', true)] };
    await issueNewPassFor(person, 'n2', deps, settings);
    directory.methods = { removable: [removable('a')], kept: [] };
    await issueNewPassFor(person, 'n3', deps, settings);
    expect(directory.passes).toBe(0);
    expect(records.rows.map((r) => [r.outcome, r.reason])).toEqual([
      ['nothing-to-remove', 'pass-not-due'],
      ['nothing-to-remove', 'pass-not-due'],
    ]);
  });
});

/** The lock-down counter's value for the channel of the reset undone. */
async function lockdowns(channel: string): Promise<number> {
  const { values } = await metrics().notMeLockdowns.get();
  return values.find((sample) => sample.labels.channel === channel)?.value ?? 0;
}

describe('"this wasn\'t me"', () => {
  const notMeSettings: NotMeSettings = {
    ...settings,
    alert: { senderMailbox: 'noreply@oslomet.no', deskAddress: 'desk@oslomet.no' },
  };

  it('removes what came after the reset (and what has no time) and the pass, revokes, records and alerts once', async () => {
    const { directory, records, deps } = setup();
    await records.addRecord({
      requestId: 'reset-1',
      outcome: 'success',
      accountId: ACCOUNT.id,
      createdAt: new Date(NOW.getTime() - 3_600_000),
    });
    directory.methods = {
      removable: [
        removable('before', new Date(NOW.getTime() - 7_200_000).toISOString()),
        removable('after', new Date(NOW.getTime() - 60_000).toISOString()),
        removable('untimed', null, 'phone'),
      ],
      kept: [kept('pass', 'temporaryAccessPass', false), kept('key', 'securityKey', true)],
    };
    const preview = await previewNotMe(person, deps, notMeSettings);
    expect(preview).toMatchObject({ kind: 'ready', reset: { requestId: 'reset-1' } });
    expect(preview.kind === 'ready' && preview.toRemove.map((m) => m.id)).toEqual(['after', 'untimed']);

    const counted = await lockdowns('self-service');
    const record = await undoResetFor(person, 'undo-1', deps, notMeSettings);
    expect(await lockdowns('self-service')).toBe(counted + 1);
    expect(directory.deleted.sort()).toEqual(['after', 'pass', 'untimed']);
    expect(directory.revoked).toBe(1);
    expect(directory.mail).toHaveLength(1);
    expect(directory.mail[0]?.to).toEqual(['desk@oslomet.no']);
    expect(directory.mail[0]?.text).toContain('kari.nordmann@oslomet.no');
    expect(directory.mail[0]?.text).not.toContain(NATIONAL_ID);
    expect(record).toMatchObject({ outcome: 'success', reason: 'not-me', sessionsRevoked: true, deskAlerted: true });
  });

  it('with no reset on record undoes nothing, sends nothing, and says so', async () => {
    const { directory, records, deps } = setup();
    directory.methods = { removable: [removable('mine', null)], kept: [] };
    expect(await previewNotMe(person, deps, notMeSettings)).toMatchObject({ kind: 'no-reset' });
    const counted = await lockdowns('self-service');
    const record = await undoResetFor(person, 'undo-2', deps, notMeSettings);
    expect(await lockdowns('self-service')).toBe(counted);
    expect(record).toMatchObject({ outcome: 'nothing-to-remove', reason: 'not-me' });
    expect(directory.deleted).toEqual([]);
    expect(directory.mail).toEqual([]);
    expect(records.rows).toHaveLength(1);
  });

  it('refuses an old login and changes nothing', async () => {
    const { directory, deps } = setup();
    const counted = await lockdowns('self-service');
    const record = await undoResetFor({ ...person, authTime: person.authTime - 3600 }, 'undo-3', deps, notMeSettings);
    expect(record).toMatchObject({ outcome: 'refused', reason: 'stale-login' });
    expect(await lockdowns('self-service')).toBe(counted);
    expect(directory.deleted).toEqual([]);
    expect(directory.revoked).toBe(0);
  });

  it("counts a lock-down by the channel of the reset it undid: the desk's reset, with a false document", async () => {
    const { directory, records, deps } = setup();
    await records.addRecord({
      requestId: 'desk-reset-1',
      outcome: 'success',
      accountId: ACCOUNT.id,
      channel: 'service-desk',
      createdAt: new Date(NOW.getTime() - 3_600_000),
    });
    directory.methods = { removable: [removable('after', new Date(NOW.getTime() - 60_000).toISOString())], kept: [] };
    const [desk, self] = [await lockdowns('service-desk'), await lockdowns('self-service')];
    await undoResetFor(person, 'undo-4', deps, notMeSettings);
    expect(await lockdowns('service-desk')).toBe(desk + 1);
    expect(await lockdowns('self-service')).toBe(self);
  });
});

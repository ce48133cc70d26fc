/** @jest-environment node */
// Issue 8 in the domain: only the chosen registrations that the account really has are removed, a Temporary Access
// Pass follows only a reset that removed everything removable, the notice goes out after every removal, and none
// of the three afterwards can undo or hide the reset. Fakes for the directory and records; an injected clock.
import { parse } from '@/lib/config';
import type {
  AuthMethod,
  Directory,
  DirectoryAccount,
  MailMessage,
  RemovalReport,
  TemporaryAccessPassRequest,
} from '@/lib/directory/directory';
import { isAuthenticatorPasskey } from '@/lib/directory/authenticator-passkeys';
import { DirectoryError } from '@/lib/directory/errors';
import { NationalIdSchema } from '@/lib/national-id';
import type { NewRecord } from '@/lib/records/records';
import { createAddressLimiter } from '@/lib/reset/address-limiter';
import { chosenIdsFromForm, splitChoice } from '@/lib/reset/method-choice';
import { composeNotice, NOTICE_LOCALES, noticeRecipients } from '@/lib/reset/notice';
import { openPass, sealPass } from '@/lib/reset/pass-handover';
import { createPerPersonQueue } from '@/lib/reset/per-person-queue';
import { resetTwoFactorFor, type ResetDeps, type ResetSettings } from '@/lib/reset/reset';
import { localSiteEnv } from '@/dev/local-env';
import { completeInPlace } from './fake-intents';

const NOW = new Date('2026-11-25T12:00:00Z');
const NATIONAL_ID = NationalIdSchema.parse('01819012365');
const PASS = 'Tap+4xQz';
const ACCOUNT: DirectoryAccount = {
  id: 'acc-1',
  displayName: 'Kari Nordmann',
  userPrincipalName: 'kari.nordmann@oslomet.no',
  mail: 'kari.nordmann@oslomet.no',
  otherMails: ['KARI.NORDMANN@oslomet.no', 'kari@example.com', 'not an address'],
};

const method = (
  id: string,
  type: AuthMethod['type'] = 'microsoftAuthenticator',
  label = `Phone ${id}`,
): AuthMethod => ({
  id,
  type,
  label,
  createdAt: null,
});

class FakeDirectory implements Directory {
  // The service desk's calls are not part of the self-service reset.
  searchAccounts = async (): Promise<DirectoryAccount[]> => [];
  getAccount = async (): Promise<DirectoryAccount | null> => null;
  memberGroupsAmong = async (): Promise<string[]> => [];
  appRoleAssignees = async () => [];
  methods: AuthMethod[] = [
    method('app-1'),
    method('key-1', 'microsoftAuthenticatorPasskey', 'Phone app-1'),
    method('app-2'),
  ];
  deleted: string[] = [];
  mail: { sender: string; message: MailMessage }[] = [];
  passes: TemporaryAccessPassRequest[] = [];
  tapError: Error | null = null;
  mailError: Error | null = null;
  spans: Record<string, [number, number]> = {};

  private async timed<T>(name: string, work: () => Promise<T>): Promise<T> {
    const start = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 30));
    try {
      return await work();
    } finally {
      this.spans[name] = [start, performance.now()];
    }
  }
  async findAccountsByNationalId() {
    return [ACCOUNT];
  }
  async listRemovableMethods() {
    return [...this.methods];
  }
  async deleteTemporaryAccessPass() {}
  async listMethods() {
    return { removable: await this.listRemovableMethods(), kept: [] };
  }
  async removeMethods(_accountId: string, methods: AuthMethod[]): Promise<RemovalReport> {
    this.deleted.push(...methods.map((m) => m.id));
    this.methods = this.methods.filter((m) => !methods.includes(m));
    return { removed: methods, notRemoved: [] };
  }
  async revokeSessions() {
    return this.timed('revoke', async () => true);
  }
  async createTemporaryAccessPass(_accountId: string, request: TemporaryAccessPassRequest) {
    return this.timed('tap', async () => {
      this.passes.push(request);
      if (this.tapError) throw this.tapError;
      return {
        pass: PASS,
        expiresAt: new Date(NOW.getTime() + request.lifetimeInMinutes * 60_000),
        isUsableOnce: request.isUsableOnce,
      };
    });
  }
  async sendMail(sender: string, message: MailMessage) {
    return this.timed('mail', async () => {
      if (this.mailError) throw this.mailError;
      this.mail.push({ sender, message });
    });
  }
}

class FakeRecords {
  records: (NewRecord & { id: string })[] = [];
  async addRecord(record: NewRecord) {
    const stored = { ...record, id: String(this.records.length + 1) };
    this.records.push(stored);
    return stored as never;
  }
  /** Like the store: completes an intent in place, once. */
  async completeIntent(id: string, completion: Partial<NewRecord>) {
    return completeInPlace(this.records, id, completion) as never;
  }
  async countResetsSince() {
    return 0;
  }
  async firstResetSince() {
    return null;
  }
}

const settings: ResetSettings = {
  requiredAcr: 'idporten-loa-substantial',
  maxLoginAgeSeconds: 600,
  limitPerPerson: 3,
  hmacKey: 'k'.repeat(32),
  tap: { enabled: true, lifetimeMinutes: 60, usableOnce: true },
  notice: { senderMailbox: 'tofaktor-noreply@oslomet.no', serviceDesk: { url: 'https://www.oslomet.no/' } },
};
const person = {
  nationalId: NATIONAL_ID,
  acr: 'idporten-loa-substantial',
  authTime: NOW.getTime() / 1000 - 60,
  clientAddress: '192.0.2.1',
};

function setup() {
  const directory = new FakeDirectory();
  const records = new FakeRecords();
  const deps: ResetDeps = {
    directory,
    records,
    addressLimiter: createAddressLimiter(100, () => NOW.getTime()),
    personQueue: createPerPersonQueue(),
    now: () => NOW,
  };
  return { directory, records, deps };
}

describe('the choice', () => {
  it('takes only strings from the form, trimmed, once each, at most fifty', () => {
    const file = new Blob(['x']);
    expect(chosenIdsFromForm([' a ', 'a', 'b', file])).toEqual(['a', 'b']);
    expect(chosenIdsFromForm(Array.from({ length: 80 }, (_, i) => `id-${i}`))).toHaveLength(50);
  });

  it('keeps the intersection with the account and sets the rest aside, shortened and without national ids', () => {
    const methods = [method('a1a1a1a1-0000-4000-8000-000000000101'), method('b')];
    const { chosen, ignored } = splitChoice(
      ['b', 'a1a1a1a1-0000-4000-8000-000000000999', '01819012365', 'x'.repeat(200)],
      methods,
    );
    expect(chosen).toEqual([method('b')]);
    expect(ignored).toEqual(['a1a1a1a1-0000-4000-8000-000000000999', '[11 digits]', 'x'.repeat(64)]);
    expect(splitChoice(null, methods)).toEqual({ chosen: methods, ignored: [] });
    expect(splitChoice([], methods)).toEqual({ chosen: [], ignored: [] });
  });
});

describe('resetTwoFactorFor with a choice, a pass and a notice', () => {
  it('removes only what was chosen and the account has, records chosen and ignored ids, and issues no pass while something stays', async () => {
    const { directory, records, deps } = setup();
    const outcome = await resetTwoFactorFor(person, 'r1', deps, settings, {
      chosenMethodIds: ['app-2', 'someone-elses-method'],
      locale: 'nb',
    });
    expect(directory.deleted).toEqual(['app-2']);
    expect(directory.passes).toEqual([]);
    expect(outcome).toMatchObject({
      kind: 'success',
      pass: { kind: 'not-due' },
      noticeSent: true,
      ignored: ['someone-elses-method'],
    });
    expect(records.records[0]).toMatchObject({
      chosen: ['app-2'],
      ignored: ['someone-elses-method'],
      tapIssued: null,
      noticeSent: true,
    });
  });

  it('removes nothing when nothing is chosen, and says why in the record', async () => {
    const { directory, records, deps } = setup();
    const outcome = await resetTwoFactorFor(person, 'r2', deps, settings, {
      chosenMethodIds: ['garbage'],
      locale: 'nb',
    });
    expect(outcome).toEqual({ kind: 'nothing-to-remove', nothingChosen: true, ignored: ['garbage'] });
    expect(directory.deleted).toEqual([]);
    expect(directory.mail).toEqual([]);
    expect(records.records[0]).toMatchObject({
      outcome: 'nothing-to-remove',
      reason: 'nothing-chosen',
      ignored: ['garbage'],
    });
  });

  it('issues a pass after removing everything removable, keeps it out of the record, and runs revoke, pass and notice side by side', async () => {
    const { directory, records, deps } = setup();
    const outcome = await resetTwoFactorFor(person, 'r3', deps, settings, {
      chosenMethodIds: ['app-1', 'key-1', 'app-2'],
      locale: 'en',
    });
    expect(directory.passes).toEqual([{ lifetimeInMinutes: 60, isUsableOnce: true }]);
    expect(outcome).toMatchObject({
      kind: 'success',
      pass: { kind: 'issued', pass: { pass: PASS } },
      noticeSent: true,
    });
    expect(records.records[0]).toMatchObject({
      tapIssued: true,
      tapExpiresAt: new Date('2026-11-25T13:00:00Z'),
      noticeSent: true,
    });
    expect(JSON.stringify(records.records)).not.toContain(PASS);
    expect(JSON.stringify(directory.mail)).not.toContain(PASS);
    // Each of the three takes 30 ms; side by side they all start before any of them ends.
    const spans = Object.values(directory.spans);
    expect(spans).toHaveLength(3);
    const firstEnd = Math.min(...spans.map(([, end]) => end));
    expect(spans.every(([start]) => start < firstEnd)).toBe(true);
  });

  it('reports a pass refused by the tenant policy (400) truthfully, and the reset stays a success', async () => {
    const { directory, records, deps } = setup();
    directory.tapError = new DirectoryError('create-tap', 400, 'badRequest', 'r-1');
    const outcome = await resetTwoFactorFor(person, 'r4', deps, settings, { chosenMethodIds: null, locale: 'nb' });
    expect(outcome).toMatchObject({
      kind: 'success',
      pass: { kind: 'not-issued', refusedByPolicy: true, reason: 'create-tap: 400 badRequest' },
    });
    expect(directory.methods).toEqual([]);
    expect(records.records[0]).toMatchObject({
      outcome: 'success',
      tapIssued: false,
      tapExpiresAt: null,
      tapReason: 'create-tap: 400 badRequest',
    });
  });

  it.each([
    [403, 'accessDenied', true],
    [500, 'generalException', false],
  ])('tells a %s refusal (policy: %s) from a failure: refusedByPolicy %s', async (status, code, refusedByPolicy) => {
    const { directory, records, deps } = setup();
    directory.tapError = new DirectoryError('create-tap', status, code, null);
    const outcome = await resetTwoFactorFor(person, `r-${status}`, deps, settings, {
      chosenMethodIds: null,
      locale: 'nb',
    });
    expect(outcome).toMatchObject({ kind: 'success', pass: { kind: 'not-issued', refusedByPolicy } });
    expect(records.records[0]).toMatchObject({ tapIssued: false, tapReason: `create-tap: ${status} ${code}` });
  });

  it('a notice that cannot be sent changes nothing about the outcome; the record says it failed', async () => {
    const { directory, records, deps } = setup();
    directory.mailError = new DirectoryError('send-mail', 503, 'serviceNotAvailable', 'r-2');
    const outcome = await resetTwoFactorFor(person, 'r5', deps, settings, { chosenMethodIds: null, locale: 'nb' });
    expect(outcome).toMatchObject({
      kind: 'success',
      noticeSent: false,
      sessionsRevoked: true,
      pass: { kind: 'issued' },
    });
    expect(records.records[0]).toMatchObject({ outcome: 'success', noticeSent: false });
  });

  it('sends one notice to the account address and its alternate addresses, each once, in the chosen language', async () => {
    const { directory, deps } = setup();
    await resetTwoFactorFor(person, 'ref-123', deps, settings, { chosenMethodIds: ['app-1', 'key-1'], locale: 'en' });
    expect(directory.mail).toHaveLength(1);
    const [{ sender, message }] = directory.mail as [{ sender: string; message: MailMessage }];
    expect(sender).toBe('tofaktor-noreply@oslomet.no');
    expect(message.to).toEqual(['kari.nordmann@oslomet.no', 'kari@example.com']);
    expect(message.subject).toBe('Two-factor authentication was reset on your OsloMet account');
    expect(message.text).toContain('Reference: ref-123');
    expect(message.text).toContain('- Microsoft Authenticator on "Phone app-1"');
    expect(message.text).toContain('- Passkey in Microsoft Authenticator on "Phone app-1"');
  });

  it('sends no notice when no sender mailbox is configured, and records that none was due', async () => {
    const { directory, records, deps } = setup();
    await resetTwoFactorFor(person, 'r6', deps, {
      ...settings,
      notice: { senderMailbox: undefined, serviceDesk: { url: 'https://www.oslomet.no/' } },
    });
    expect(directory.mail).toEqual([]);
    expect(records.records[0]).toMatchObject({ noticeSent: null });
  });
});

describe('the notice text', () => {
  const facts = {
    displayName: 'Kari Nordmann',
    removed: [method('a', 'microsoftAuthenticator', 'iPhone 15'), method('b', 'microsoftAuthenticatorPasskey', '')],
    at: NOW,
    reference: 'ref-9',
    serviceDesk: { url: 'https://www.oslomet.no/', email: 'it@example.org' },
  };

  it.each(NOTICE_LOCALES)('in %s names what, when, the reference and the service desk', (locale) => {
    const { subject, text } = composeNotice({ ...facts, locale }, ['kari@example.com']);
    expect(subject.length).toBeGreaterThan(10);
    expect(text).toContain('ref-9');
    expect(text).toContain('iPhone 15');
    expect(text).toContain('https://www.oslomet.no/');
    expect(text).toContain('it@example.org');
    expect(text).toMatch(/2026/);
    // 12:00 UTC is 13:00 in Oslo in November.
    expect(text).toMatch(/13[:.]00/);
  });

  it('is written per language, not the same text three times', () => {
    const texts = NOTICE_LOCALES.map((locale) => composeNotice({ ...facts, locale }, []).text);
    expect(new Set(texts).size).toBe(3);
    expect(texts[1]).toContain('vart nullstilt');
    expect(texts[0]).toContain('ble nullstilt');
  });

  // Issue 17: the notice says truthfully who did the reset, and links to "this wasn't me" (a plain address).
  const channelWording = {
    nb: {
      self: 'logget inn med ID-porten',
      desk: 'av IT-servicedesk',
      document: 'viste fram norsk førerkort i skranken',
    },
    nn: {
      self: 'logga inn med ID-porten',
      desk: 'av IT-servicedesk',
      document: 'viste fram norsk førarkort i skranken',
    },
    en: {
      self: 'signed in with ID-porten',
      desk: 'by the IT service desk',
      document: 'showed a Norwegian driving licence at the desk',
    },
  } as const;

  it.each(NOTICE_LOCALES)(
    'in %s names the channel: ID-porten after self-service, the desk and the document after the desk',
    (locale) => {
      const notMeUrl = `https://tofaktor.example/${locale}/not-me`;
      const self = composeNotice({ ...facts, locale, notMeUrl }, []).text;
      expect(self).toContain(channelWording[locale].self);
      expect(self).not.toContain(channelWording[locale].desk);
      expect(self).toContain(notMeUrl);
      const desk = composeNotice(
        { ...facts, locale, notMeUrl, channel: { kind: 'service-desk', verification: 'norwegian-driving-licence' } },
        [],
      ).text;
      expect(desk).toContain(channelWording[locale].desk);
      expect(desk).toContain(channelWording[locale].document);
      expect(desk).not.toContain(channelWording[locale].self);
      expect(desk).toContain(notMeUrl);
      // Without the page's address the notice still points to the service desk.
      expect(composeNotice({ ...facts, locale }, []).text).toContain('https://www.oslomet.no/');
    },
  );

  it('goes to each valid address once', () => {
    expect(noticeRecipients('A@oslomet.no', ['a@OSLOMET.no', 'b@example.com', '', 'nope'])).toEqual([
      'A@oslomet.no',
      'b@example.com',
    ]);
    expect(noticeRecipients(null, [])).toEqual([]);
  });
});

describe('the pass handover', () => {
  const secret = 'local-auth-secret-for-the-stand-ins-only-0123456789';

  it('opens only for the same reference, the same secret, unaltered and within two minutes', () => {
    const sealed = sealPass(PASS, 'ref-1', secret, NOW);
    expect(sealed).not.toContain(PASS);
    expect(Buffer.from(sealed, 'base64url').toString('latin1')).not.toContain(PASS);
    expect(openPass(sealed, 'ref-1', secret, NOW)).toBe(PASS);
    expect(openPass(sealed, 'ref-2', secret, NOW)).toBeNull();
    expect(openPass(sealed, 'ref-1', `${secret}x`, NOW)).toBeNull();
    const tampered = `${sealed.slice(0, -2)}${sealed.endsWith('AA') ? 'BB' : 'AA'}`;
    expect(openPass(tampered, 'ref-1', secret, NOW)).toBeNull();
    expect(openPass(sealed, 'ref-1', secret, new Date(NOW.getTime() + 121_000))).toBeNull();
    expect(openPass(undefined, 'ref-1', secret, NOW)).toBeNull();
    expect(openPass('garbage', 'ref-1', secret, NOW)).toBeNull();
  });

  it('seals the same pass differently each time (a fresh IV)', () => {
    expect(sealPass(PASS, 'ref-1', secret, NOW)).not.toBe(sealPass(PASS, 'ref-1', secret, NOW));
  });
});

describe('Authenticator passkeys and the settings', () => {
  it('knows Authenticator passkeys by AAGUID and leaves every other FIDO2 credential alone', () => {
    expect(isAuthenticatorPasskey('de1e552d-db1d-4423-a619-566b625cdc84')).toBe(true);
    expect(isAuthenticatorPasskey('90A3CCDF-635C-4729-A248-9B709135078F')).toBe(true);
    expect(isAuthenticatorPasskey('cb69481e-8ff7-4039-93ec-0a2729a154a8')).toBe(false);
    expect(isAuthenticatorPasskey(null)).toBe(false);
  });

  it('has the TAP off and the notice off by default, 60 one-time minutes, and names bad values', () => {
    const base = {
      ...localSiteEnv(),
      TAP_ENABLED: '',
      TAP_LIFETIME_MINUTES: '',
      TAP_USABLE_ONCE: '',
      NOTICE_SENDER: '',
    };
    const parsed = parse('full', base);
    if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
    expect(parsed.config.tap).toEqual({ enabled: false, lifetimeMinutes: 60, usableOnce: true });
    expect(parsed.config.notice.senderMailbox).toBeUndefined();
    const bad = parse('full', {
      ...base,
      TAP_ENABLED: 'maybe',
      TAP_LIFETIME_MINUTES: '5',
      NOTICE_SENDER: 'mailbox',
      SERVICE_DESK_PHONE: 'call us',
    });
    expect(bad.ok ? [] : bad.problems).toEqual([
      'TAP_ENABLED: must be true or false',
      'TAP_LIFETIME_MINUTES: must be at least 10',
      'NOTICE_SENDER: must be an e-mail address',
      'SERVICE_DESK_PHONE: must be a phone number (digits, spaces, optional +)',
    ]);
  });
});

// Everything the Graph stand-in remembers between requests, and what POST /_admin/reset puts back.
import { NOTICE_SENDER_MAILBOX } from '../credentials';
import { STAFF_PEOPLE } from './console-app';
import { fixture, type FixtureMethod, type FixturePerson } from './fixture';

export interface UserRecord {
  id: string;
  displayName: string;
  userPrincipalName: string;
  nationalId: string;
  mail: string | null;
  otherMails: string[];
  methods: FixtureMethod[];
  memberOf: string[];
  sessionsRevokedAt: string | null;
}

/** One message POST /users/{sender}/sendMail accepted: captured here, never sent. */
export interface CapturedMail {
  receivedAt: string;
  sender: string;
  subject: string;
  contentType: string;
  content: string;
  toRecipients: string[];
  ccRecipients: string[];
  bccRecipients: string[];
  saveToSentItems: boolean;
}

/**
 * The tenant's Temporary Access Pass method policy as far as creation depends on it. Entra's defaults: enabled
 * for the targeted users, lifetime 60..480 minutes (an administrator may widen it to 10..43200), one-time passes
 * off by default but allowed.
 */
export interface TapPolicy {
  state: 'enabled' | 'disabled';
  minimumLifetimeInMinutes: number;
  maximumLifetimeInMinutes: number;
  defaultLifetimeInMinutes: number;
  isUsableOnce: boolean;
  /** Users the policy does not target: Graph refuses them like a disabled policy. */
  excludedUserIds: string[];
}

const DEFAULT_TAP_POLICY: TapPolicy = {
  state: 'enabled',
  minimumLifetimeInMinutes: 60,
  maximumLifetimeInMinutes: 480,
  defaultLifetimeInMinutes: 60,
  isUsableOnce: false,
  excludedUserIds: [],
};

/** Mailboxes that may send (the site's configured service mailbox). */
export const SERVICE_MAILBOXES = [NOTICE_SENDER_MAILBOX];

export type FaultStatus = 400 | 403 | 404 | 429 | 500 | 503;

/** A test's order: answer the next `times` matching calls with `status` instead of doing them. */
export interface FaultRule {
  method: 'DELETE' | 'GET' | 'POST';
  pathContains: string;
  status: FaultStatus;
  times: number;
  retryAfterSeconds?: number;
}

/** Keeps the next `times` matching calls waiting `ms` before Graph acts on them. */
export interface HoldRule {
  method: 'DELETE' | 'GET' | 'POST';
  pathContains: string;
  ms: number;
  times: number;
}

export interface RequestLogEntry {
  method: string;
  path: string;
  startedAt: number;
  endedAt: number;
  status: number;
  viaBatch: boolean;
}

function seedUsers(extraPeople: FixturePerson[]): UserRecord[] {
  const users: UserRecord[] = [];
  for (const person of [...fixture.people, ...extraPeople]) {
    for (const account of person.accounts) {
      users.push({
        id: account.id,
        displayName: account.displayName,
        userPrincipalName: account.userPrincipalName,
        nationalId: person.nationalId,
        mail: account.mail === undefined ? account.userPrincipalName : account.mail,
        otherMails: [...(account.otherMails ?? [])],
        methods: account.methods.map((m) => ({ ...m })),
        memberOf: [...(account.memberOf ?? [])],
        sessionsRevokedAt: null,
      });
    }
  }
  return users;
}

export class GraphState {
  users: UserRecord[] = [];
  mailbox: CapturedMail[] = [];
  tapPolicy: TapPolicy = { ...DEFAULT_TAP_POLICY };
  latencyMs = 0;
  faultRules: FaultRule[] = [];
  holds: HoldRule[] = [];
  requestLog: RequestLogEntry[] = [];
  tokenRequests = 0;
  // Never reset: lets a test prove the site fetched one app token for its whole life.
  tokenRequestsSinceStart = 0;
  readonly #extraPeople: FixturePerson[];

  /** `extraPeople`: besides the fixture's and the console's staff (npm run bench:load seeds many); kept on reset. */
  constructor(extraPeople: FixturePerson[] = []) {
    this.#extraPeople = [...STAFF_PEOPLE, ...extraPeople];
    this.reset();
  }

  reset(): void {
    this.users = seedUsers(this.#extraPeople);
    this.mailbox = [];
    this.tapPolicy = { ...DEFAULT_TAP_POLICY };
    this.latencyMs = 0;
    this.faultRules = [];
    this.holds = [];
    this.requestLog = [];
    this.tokenRequests = 0;
  }

  findUser(idOrUpn: string): UserRecord | undefined {
    const lower = idOrUpn.toLowerCase();
    return this.users.find((u) => u.id.toLowerCase() === lower || u.userPrincipalName.toLowerCase() === lower);
  }
}

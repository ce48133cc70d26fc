// The synthetic directory the Graph stand-in starts from (./fixture.json): people, their accounts and each
// account's registered authentication methods, in the shape the fixture file uses.
import fixtureJson from './fixture.json';

export type MethodType =
  | 'microsoftAuthenticator'
  | 'softwareOath'
  | 'password'
  | 'fido2'
  | 'temporaryAccessPass'
  | 'phone'
  | 'email'
  | 'hardwareOath'
  | 'platformCredential'
  | 'windowsHelloForBusiness'
  | 'qrCodePin'
  | 'external';

export interface FixtureMethod {
  id: string;
  type: MethodType;
  displayName: string | null;
  deviceTag?: string;
  phoneAppVersion?: string;
  createdDateTime: string | null;
  isDefault: boolean;
  /** fido2: the authenticator model's AAGUID and name. */
  aaGuid?: string;
  model?: string;
  /** temporaryAccessPass: the pass itself (Graph returns it only when it is created). */
  temporaryAccessPass?: string;
  lifetimeInMinutes?: number;
  isUsableOnce?: boolean;
  startDateTime?: string;
  /** phone: the number as Graph writes it ("+47 91234567") and its kind; email: the address. */
  phoneNumber?: string;
  phoneType?: 'mobile' | 'alternateMobile' | 'office';
  emailAddress?: string;
}

export interface FixtureAccount {
  id: string;
  displayName: string;
  userPrincipalName: string;
  /** Defaults to the UPN, like a synced mailbox. */
  mail?: string | null;
  otherMails?: string[];
  /** Object ids of the groups the account is a member of (the console refuses protected groups). */
  memberOf?: string[];
  methods: FixtureMethod[];
}

export interface FixturePerson {
  key: string;
  nationalId: string;
  description: string;
  accounts: FixtureAccount[];
}

export interface Fixture {
  people: FixturePerson[];
}

export const fixture = fixtureJson as Fixture;

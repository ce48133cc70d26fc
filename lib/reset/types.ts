// The reset domain's vocabulary: who asks, what they may be refused, what they chose, what happened, and what the
// domain takes (its dependencies and settings).
import type { AcrLevel } from '@/lib/config';
import type {
  AuthMethod,
  Directory,
  IssuedTemporaryAccessPass,
  KeptMethod,
  RemovalReport,
} from '@/lib/directory/directory';
import { type NationalId } from '@/lib/national-id';
import type { RecordStore } from '@/lib/records/records';
import type { AddressLimiter } from '@/lib/reset/address-limiter';
import { type NoticeChannel, type NoticeLocale, type ServiceDeskContact } from '@/lib/reset/notice';
import { type PerPersonQueue } from '@/lib/reset/per-person-queue';

export type ResetPerson = {
  nationalId: NationalId;
  acr: string;
  /** epoch seconds, from the ID token */
  authTime: number;
  clientAddress: string;
};

export type RefusalReason =
  'no-account' | 'several-accounts' | 'stale-login' | 'low-assurance' | 'rate-limited-person' | 'rate-limited-address';

export type MaskedAccount = { displayName: string; maskedUpn: string };
export type NotRemoved = RemovalReport['notRemoved'][number];

export type ResetPreview =
  | { kind: 'ready'; account: MaskedAccount; methods: AuthMethod[]; kept: KeptMethod[] }
  /** `passOffer`: nothing on the account works for sign-in any more, and a new pass may be asked for. */
  | { kind: 'nothing-to-remove'; account: MaskedAccount; kept: KeptMethod[]; passOffer: boolean }
  | { kind: 'refused'; reason: RefusalReason; retryAfter?: string }
  | { kind: 'directory-error' }
  /** Something on our side (the records) failed: nothing was read or changed. */
  | { kind: 'unavailable' };

/**
 * What became of the Temporary Access Pass: not due (switched off, or something removable stays), issued (the
 * pass travels in memory to the action, which hands it to the page once), or not issued (Graph refused: policy
 * off or not targeting the person (400/403), or failed).
 */
export type PassOutcome =
  | { kind: 'not-due' }
  | { kind: 'issued'; pass: IssuedTemporaryAccessPass }
  | { kind: 'not-issued'; reason: string; refusedByPolicy: boolean };

/** `sessionsRevoked` null: not tried (a new pass alone changes no registration, so it signs nobody out). */
export type AfterRemoval = {
  sessionsRevoked: boolean | null;
  pass: PassOutcome;
  noticeSent: boolean | null;
  ignored: string[];
};

export type ResetOutcome =
  | ({ kind: 'success'; removed: AuthMethod[] } & AfterRemoval)
  | { kind: 'nothing-to-remove'; nothingChosen?: boolean; ignored?: string[] }
  /** Nothing was left to remove and the person asked for a new pass (recorded with reason `new-pass`). */
  | ({ kind: 'nothing-to-remove'; newPass: true } & AfterRemoval)
  | ({ kind: 'partial'; removed: AuthMethod[]; notRemoved: NotRemoved[] } & AfterRemoval)
  /** `unrecorded`: the records were unreachable, so nothing was changed and there is no record to show. */
  | { kind: 'failed'; notRemoved: NotRemoved[]; ignored?: string[]; unrecorded?: true }
  | { kind: 'refused'; reason: RefusalReason | ServiceDeskRefusalReason; retryAfter?: string };

/** Refusals of the service desk console's reset (lib/reset/service-desk-reset.ts). */
export type ServiceDeskRefusalReason =
  'stale-staff-login' | 'rate-limited-agent' | 'own-account' | 'staff-account' | 'protected-account' | 'no-account';

/**
 * What the person asked for. `chosenMethodIds` are the form's ticked ids (untrusted; null = every removable
 * registration, for internal callers such as the benchmark); `locale` is the language of the notice.
 */
export type ResetChoice = {
  chosenMethodIds: readonly string[] | null;
  locale: NoticeLocale;
  /** Who did it, as the notice says (self-service when absent). */
  channel?: NoticeChannel;
};

export type ResetDeps = {
  directory: Directory;
  records: Pick<RecordStore, 'addRecord' | 'completeIntent' | 'countResetsSince' | 'firstResetSince'>;
  addressLimiter: AddressLimiter;
  /** Serialises resets per person; the process-wide queue unless a test brings its own. */
  personQueue?: PerPersonQueue;
  now?: () => Date;
};

export type ResetSettings = {
  requiredAcr: AcrLevel;
  maxLoginAgeSeconds: number;
  limitPerPerson: number;
  hmacKey: string;
  /** Temporary Access Pass after a reset that removed everything removable; off when absent. */
  tap?: { enabled: boolean; lifetimeMinutes: number; usableOnce: boolean };
  /** The notice e-mail; off when there is no sender mailbox. */
  notice?: {
    senderMailbox: string | undefined;
    serviceDesk: ServiceDeskContact;
    /** The "this wasn't me" page in a language; the notice links to it when present. */
    notMeUrl?: (locale: NoticeLocale) => string;
  };
};

export type Refusal = { kind: 'refused'; reason: RefusalReason; retryAfter?: string };

// "This wasn't me": a person whose two-factor was reset without their asking (by someone with their ID-porten, or
// at the desk with a false document) undoes what the reset let in. After their own fresh ID-porten login: every
// removable registration made since the reset (by the creation time Graph gives; one without a time goes too), any
// Temporary Access Pass, and every sign-in session are removed; one record (reason `not-me`) and exactly one alert
// e-mail to the service desk, which follows up by phone or at the desk.
import type { AuthMethod, DirectoryAccount, KeptMethod, MailMessage } from '@/lib/directory/directory';
import { DirectoryError } from '@/lib/directory/errors';
import { securityEvent } from '@/lib/log';
import { countNotMeLockdown } from '@/lib/metrics/metrics';
import { hashNationalId } from '@/lib/national-id';
import type { RecordStore } from '@/lib/records/records';
import type { ResetRecord } from '@/lib/records/schema';
import {
  failureReason,
  passOffered,
  type MaskedAccount,
  type ResetDeps,
  type ResetPerson,
  type ResetSettings,
} from '@/lib/reset/reset';
import { maskUpn } from '@/lib/reset/mask-upn';
import { sharedPerPersonQueue } from '@/lib/reset/per-person-queue';
import { inResetSpan } from '@/lib/tracing/spans';
import { meetsAssurance } from '@/lib/idporten/assurance';

export type NotMeDeps = Omit<ResetDeps, 'records'> & {
  records: Pick<RecordStore, 'addRecord' | 'completeIntent' | 'listAttempts'>;
};
export type NotMeSettings = Pick<ResetSettings, 'requiredAcr' | 'maxLoginAgeSeconds' | 'hmacKey' | 'tap'> & {
  /** The sender mailbox (NOTICE_SENDER) and the desk's address (SERVICE_DESK_EMAIL); no alert without both. */
  alert: { senderMailbox: string | undefined; deskAddress: string | undefined };
};

/** The reset being undone, as the page shows it: when, and which channel. */
export type UndoneReset = { requestId: string; at: Date; channel: ResetRecord['channel'] };

export type NotMePreview =
  | { kind: 'ready'; account: MaskedAccount; reset: UndoneReset; toRemove: AuthMethod[]; passes: KeptMethod[] }
  | { kind: 'no-reset'; account: MaskedAccount }
  | {
      kind: 'refused';
      reason: 'no-account' | 'several-accounts' | 'stale-login' | 'low-assurance' | 'rate-limited-address';
    }
  | { kind: 'directory-error' }
  /** The records failed: nothing was read or changed. */
  | { kind: 'unavailable' };

const CLOCK_SKEW_SECONDS = 60;

function loginRefusal(person: ResetPerson, settings: NotMeSettings, now: Date) {
  if (!meetsAssurance(person.acr, settings.requiredAcr)) return 'low-assurance' as const;
  const age = now.getTime() / 1000 - person.authTime;
  if (!Number.isFinite(age) || age > settings.maxLoginAgeSeconds || age < -CLOCK_SKEW_SECONDS)
    return 'stale-login' as const;
  return null;
}

/** The account's latest reset that changed something (either channel), never an earlier "this wasn't me". */
async function latestReset(records: NotMeDeps['records'], accountId: string): Promise<ResetRecord | null> {
  const attempts = await records.listAttempts({ accountId, limit: 50 });
  return (
    attempts.find(
      (record) =>
        record.reason !== 'not-me' &&
        (record.outcome === 'success' ||
          record.outcome === 'partial' ||
          record.tapIssued ||
          // An attempt cut short by a dead instance changed the account if recovery found anything removed.
          (record.outcome === 'interrupted' && record.removed.length > 0)),
    ) ?? null
  );
}

/** Registered since the reset by Graph's creation time; a registration without a time cannot be cleared, so it goes. */
const registeredSince = (since: Date) => (method: AuthMethod) =>
  method.createdAt === null || !(Date.parse(method.createdAt) <= since.getTime());

type Found =
  | {
      kind: 'found';
      account: DirectoryAccount;
      reset: ResetRecord | null;
      toRemove: AuthMethod[];
      passes: KeptMethod[];
    }
  | Exclude<
      NotMePreview,
      { kind: 'ready' } | { kind: 'no-reset' } | { kind: 'directory-error' } | { kind: 'unavailable' }
    >;

async function findWhatToUndo(
  person: ResetPerson,
  deps: NotMeDeps,
  settings: NotMeSettings,
  now: Date,
): Promise<Found> {
  const address = await deps.addressLimiter.consume(person.clientAddress);
  if (address) return { kind: 'refused', reason: 'rate-limited-address' };
  const login = loginRefusal(person, settings, now);
  if (login) return { kind: 'refused', reason: login };
  const accounts = await deps.directory.findAccountsByNationalId(person.nationalId);
  if (accounts.length !== 1)
    return { kind: 'refused', reason: accounts.length === 0 ? 'no-account' : 'several-accounts' };
  const account = accounts[0] as DirectoryAccount;
  const reset = await latestReset(deps.records, account.id);
  const { removable, kept } = await deps.directory.listMethods(account.id);
  return {
    kind: 'found',
    account,
    reset,
    toRemove: reset ? removable.filter(registeredSince(reset.createdAt)) : [],
    passes: kept.filter((method) => method.type === 'temporaryAccessPass'),
  };
}

const masked = (account: DirectoryAccount): MaskedAccount => ({
  displayName: account.displayName,
  maskedUpn: maskUpn(account.userPrincipalName),
});

/** What the page shows before the button: the reset, and what pressing it would remove. Nothing is recorded. */
export async function previewNotMe(
  person: ResetPerson,
  deps: NotMeDeps,
  settings: NotMeSettings,
): Promise<NotMePreview> {
  try {
    const found = await findWhatToUndo(person, deps, settings, deps.now?.() ?? new Date());
    if (found.kind !== 'found') return found;
    if (!found.reset) return { kind: 'no-reset', account: masked(found.account) };
    return {
      kind: 'ready',
      account: masked(found.account),
      reset: { requestId: found.reset.requestId, at: found.reset.createdAt, channel: found.reset.channel },
      toRemove: found.toRemove,
      passes: found.passes,
    };
  } catch (error) {
    securityEvent('not-me.preview-error', { reason: failureReason(error) });
    return error instanceof DirectoryError ? { kind: 'directory-error' } : { kind: 'unavailable' };
  }
}

const summary = (method: { id: string; type: string; label: string }) => ({
  id: method.id,
  type: method.type,
  label: method.label,
});

function alertMessage(
  to: string,
  account: DirectoryAccount,
  reset: ResetRecord,
  requestId: string,
  removed: number,
): MailMessage {
  // To the desk, in bokmål (the desk's working language); the username, never the national id.
  return {
    to: [to],
    subject: `Tofaktor: «Dette var ikke meg» for ${account.userPrincipalName}`,
    text: [
      `${account.displayName} (${account.userPrincipalName}) har logget inn med ID-porten og sier at nullstillingen ${reset.requestId} (${reset.channel === 'service-desk' ? 'IT-servicedesk' : 'selvbetjening'}, ${reset.createdAt.toISOString()}) ikke var dem.`,
      '',
      `Vi har fjernet ${removed} registrering(er) og midlertidige tilgangspass lagt til etter nullstillingen, og logget kontoen ut overalt.`,
      'Kontakt personen, hjelp dem med å sette opp tofaktor igjen, og vurder om passordet må byttes.',
      '',
      `Referanse: ${requestId}`,
    ].join('\n'),
  };
}

/** The lock-down in Graph: the registrations made since the reset and every pass removed, every session ended. */
async function lockDown(
  directory: NotMeDeps['directory'],
  accountId: string,
  { toRemove, passes, undone }: { toRemove: AuthMethod[]; passes: KeptMethod[]; undone: ResetRecord['channel'] },
) {
  const { removed, notRemoved } = await directory.removeMethods(accountId, toRemove);
  const passesGone = await Promise.all(
    passes.map((pass) =>
      directory.deleteTemporaryAccessPass(accountId, pass.id).then(
        () => pass,
        () => null,
      ),
    ),
  );
  const sessionsRevoked = await directory.revokeSessions(accountId).catch(() => false);
  countNotMeLockdown(undone);
  const removedAll = [...removed, ...passesGone.filter((pass): pass is KeptMethod => pass !== null)];
  return { removedAll, notRemoved, sessionsRevoked };
}

/** The desk's one alert: null when no sender or desk address is configured, else whether it went out. */
async function alertDesk(
  directory: NotMeDeps['directory'],
  settings: NotMeSettings,
  message: (to: string) => MailMessage,
): Promise<boolean | null> {
  const { senderMailbox, deskAddress } = settings.alert;
  if (!senderMailbox || !deskAddress) return null;
  return directory.sendMail(senderMailbox, message(deskAddress)).then(
    () => true,
    () => false,
  );
}

/**
 * Undoes the latest reset for the person behind the session. Records exactly one record, whatever happens, and
 * sends the desk at most one alert. Returns the record: the intent still in progress when the records failed after
 * it was written (recovery completes it), null when they were unreachable before it (nothing was changed).
 */
export async function undoResetFor(
  person: ResetPerson,
  requestId: string,
  deps: NotMeDeps,
  settings: NotMeSettings,
): Promise<ResetRecord | null> {
  const personHash = hashNationalId(person.nationalId, settings.hmacKey);
  const queue = deps.personQueue ?? sharedPerPersonQueue();
  let intent: ResetRecord | null = null;
  const undo = () =>
    queue.run(personHash, async () => {
      const now = deps.now?.() ?? new Date();
      const base = { requestId, nationalIdHash: personHash, reason: 'not-me' } as const;
      let found: Found;
      try {
        found = await findWhatToUndo(person, deps, settings, now);
      } catch (error) {
        securityEvent('not-me.failed', { requestId, personHash, reason: failureReason(error) });
        return deps.records.addRecord({ ...base, outcome: 'failed', reason: failureReason(error) });
      }
      if (found.kind !== 'found') {
        securityEvent('not-me.refused', { requestId, personHash, reason: found.reason });
        return deps.records.addRecord({ ...base, outcome: 'refused', reason: found.reason });
      }
      const { account, reset, toRemove, passes } = found;
      if (!reset) return deps.records.addRecord({ ...base, outcome: 'nothing-to-remove', accountId: account.id });

      // The intent first: if this instance dies half-way, recovery finds what the lock-down removed.
      intent = await deps.records.addRecord({
        ...base,
        outcome: 'in-progress',
        accountId: account.id,
        planned: [...toRemove, ...passes].map(summary),
      });
      const done = await lockDown(deps.directory, account.id, { toRemove, passes, undone: reset.channel });
      const { removedAll, notRemoved, sessionsRevoked } = done;
      const deskAlerted = await alertDesk(deps.directory, settings, (to) =>
        alertMessage(to, account, reset, requestId, removedAll.length),
      );
      const { kept } = await deps.directory.listMethods(account.id).catch(() => ({ kept: [] as KeptMethod[] }));
      securityEvent('not-me.undone', {
        requestId,
        personHash,
        accountId: account.id,
        undid: reset.requestId,
        removed: removedAll.length,
        notRemoved: notRemoved.length,
        sessionsRevoked,
        deskAlerted,
        passOffered: passOffered(kept, settings),
      });
      const completion = {
        outcome: notRemoved.length > 0 ? ('partial' as const) : ('success' as const),
        accountId: account.id,
        removed: removedAll.map(summary),
        notRemoved: notRemoved.map(({ method, reason }) => ({ ...summary(method), reason })),
        chosen: removedAll.map((method) => method.id),
        sessionsRevoked,
        deskAlerted,
      };
      // An intent that recovery completed first keeps recovery's record (it read Graph after this one died down).
      return (await deps.records.completeIntent(intent.id, completion)) ?? intent;
    });
  return inResetSpan('not me', requestId, async () => {
    try {
      return await undo();
    } catch {
      securityEvent('not-me.unavailable', {
        requestId,
        personHash,
        intent: intent !== null,
        reason: 'records-unavailable',
      });
      return intent;
    }
  });
}

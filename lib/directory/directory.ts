// The directory as the reset domain sees it: accounts and removable sign-in methods, as small DTOs.
import 'server-only';
import type { Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import { REMOVABLE_METHOD_TYPES, type Config } from '@/lib/config';
import { createAppTokenProvider, type AppTokenProvider } from '@/lib/directory/app-token';
import { isAuthenticatorPasskey } from '@/lib/directory/authenticator-passkeys';
import { callGraph, DirectoryError, toDirectoryError } from '@/lib/directory/errors';
import { createGraphClient } from '@/lib/directory/graph-client';
import {
  GRAPH_FIDO2_TYPE,
  GRAPH_KEPT_TYPES,
  GRAPH_METHOD_TYPES,
  GraphAppRoleAssignmentListSchema,
  GraphAuthMethodListSchema,
  GraphCheckMemberGroupsSchema,
  GraphRevokeResponseSchema,
  GraphTemporaryAccessPassSchema,
  GraphUserListSchema,
  GraphUserSchema,
  type GraphAuthMethod,
  type GraphUser,
} from '@/lib/directory/graph-types';
import { NationalIdSchema, type NationalId } from '@/lib/national-id';

export const AuthMethodTypeSchema = z.enum(REMOVABLE_METHOD_TYPES);

export const AuthMethodSchema = z.object({
  id: z.string(),
  type: AuthMethodTypeSchema,
  label: z.string(),
  createdAt: z.string().nullable(),
});

export const DirectoryAccountSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  userPrincipalName: z.string(),
  /** Where the notice goes: the account's mail and its alternate addresses (never shown on a page). */
  mail: z.string().nullable(),
  otherMails: z.array(z.string()),
});

export type AuthMethodType = z.output<typeof AuthMethodTypeSchema>;
export type AuthMethod = z.output<typeof AuthMethodSchema>;
/** A kind of method the site leaves alone: Graph's other types, removable kinds switched off, or one it does not know. */
export type KeptMethodType = (typeof GRAPH_KEPT_TYPES)[keyof typeof GRAPH_KEPT_TYPES] | AuthMethodType | 'other';
/** A registration the reset keeps. `signIn`: it still proves who the person is at sign-in (a second factor). */
export type KeptMethod = { id: string; type: KeptMethodType; label: string; createdAt: string | null; signIn: boolean };
/** Everything the account has, split into what a reset may remove and what it never touches. */
export type AccountMethods = { removable: AuthMethod[]; kept: KeptMethod[] };
export type DirectoryAccount = z.output<typeof DirectoryAccountSchema>;
export type RemovalReport = { removed: AuthMethod[]; notRemoved: { method: AuthMethod; reason: string }[] };
export type TemporaryAccessPassRequest = { lifetimeInMinutes: number; isUsableOnce: boolean };
/** The pass lives only in this value, in memory, on its way to the person's screen. */
export type IssuedTemporaryAccessPass = { pass: string; expiresAt: Date; isUsableOnce: boolean };
export type MailMessage = { subject: string; text: string; to: string[] };
/** One holder of an app's role: a user, a group (its direct members hold the role) or a service principal. */
export type AppRoleAssignee = { principalId: string; principalType: string; appRoleId: string };

export interface Directory {
  findAccountsByNationalId(id: NationalId): Promise<DirectoryAccount[]>;
  listRemovableMethods(accountId: string): Promise<AuthMethod[]>;
  /** Every registration the account has (one Graph call): the removable ones and the rest, named. */
  listMethods(accountId: string): Promise<AccountMethods>;
  /** Never throws for a single method: what could not be removed is reported with a short reason. */
  removeMethods(accountId: string, methods: AuthMethod[]): Promise<RemovalReport>;
  revokeSessions(accountId: string): Promise<boolean>;
  /** Deletes a Temporary Access Pass ("this wasn't me": an unused pass must not stay usable). 404 counts as gone. */
  deleteTemporaryAccessPass(accountId: string, passId: string): Promise<void>;
  /** Graph replaces an existing pass of the account with the new one. */
  createTemporaryAccessPass(accountId: string, request: TemporaryAccessPassRequest): Promise<IssuedTemporaryAccessPass>;
  sendMail(senderMailbox: string, message: MailMessage): Promise<void>;
  /** Service desk: accounts whose display name or username starts with the text (at most `limit`). */
  searchAccounts(text: string, limit: number): Promise<DirectoryAccount[]>;
  /** Service desk: one account by object id or username; null when there is none. */
  getAccount(idOrUsername: string): Promise<DirectoryAccount | null>;
  /** The asked groups the account is a member of, transitively (Graph checkMemberGroups, at most 20 ids). */
  memberGroupsAmong(accountId: string, groupIds: readonly string[]): Promise<string[]>;
  /** Service desk: every assignment of a role of the app with this application (client) id. */
  appRoleAssignees(appId: string): Promise<AppRoleAssignee[]>;
}

/** What a service desk search may contain: letters (any script), digits and the characters of a username. */
export const SEARCH_TEXT = /^[\p{L}\p{M}\p{N} .@_'-]{3,64}$/u;

const METHOD_COLLECTIONS: Record<AuthMethodType, string> = {
  microsoftAuthenticator: 'microsoftAuthenticatorMethods',
  microsoftAuthenticatorPasskey: 'fido2Methods',
  softwareOath: 'softwareOathMethods',
  phone: 'phoneMethods',
};

// Kinds that are not a second factor: the password is the first, e-mail only resets a password, and a pass is what
// this site itself hands out. Whether "something still works for sign-in" ignores them.
const NOT_A_SECOND_FACTOR: ReadonlySet<KeptMethodType> = new Set(['password', 'email', 'temporaryAccessPass']);

function toAccount(user: GraphUser): DirectoryAccount {
  return {
    id: user.id,
    displayName: user.displayName ?? '',
    userPrincipalName: user.userPrincipalName ?? '',
    mail: user.mail ?? null,
    otherMails: user.otherMails ?? [],
  };
}

function methodType(method: GraphAuthMethod): AuthMethodType | null {
  // A FIDO2 credential is removable only when it lives in Microsoft Authenticator; security keys never are.
  if (method['@odata.type'] === GRAPH_FIDO2_TYPE)
    return isAuthenticatorPasskey(method.aaGuid) ? 'microsoftAuthenticatorPasskey' : null;
  return GRAPH_METHOD_TYPES[method['@odata.type'] as keyof typeof GRAPH_METHOD_TYPES] ?? null;
}

/** A phone is shown by its last two digits: enough to recognise one's own number, never the number itself. */
function phoneLabel(number: string | null | undefined): string {
  const digits = (number ?? '').replace(/\D/g, '');
  return digits.length >= 2 ? digits.slice(-2) : '';
}

function methodLabel(method: GraphAuthMethod, type: KeptMethodType): string {
  if (type === 'phone') return phoneLabel(method.phoneNumber);
  // A security key without a name of its own is named by its model ("YubiKey 5 NFC").
  if (type === 'securityKey') return method.displayName ?? method.model ?? '';
  // Empty when Graph gives no name: the page says "unnamed" in the reader's language, the DTO invents nothing.
  return method.displayName ?? '';
}

function toAuthMethod(method: GraphAuthMethod): AuthMethod | null {
  const type = methodType(method);
  if (!type) return null;
  return { id: method.id, type, label: methodLabel(method, type), createdAt: method.createdDateTime ?? null };
}

function toKeptMethod(method: GraphAuthMethod): KeptMethod {
  const type: KeptMethodType =
    methodType(method) ?? GRAPH_KEPT_TYPES[method['@odata.type'] as keyof typeof GRAPH_KEPT_TYPES] ?? 'other';
  return {
    id: method.id,
    type,
    label: methodLabel(method, type),
    createdAt: method.createdDateTime ?? null,
    signIn: !NOT_A_SECOND_FACTOR.has(type),
  };
}

const userPath = (accountId: string) => `/users/${encodeURIComponent(accountId)}`;

type Settings = Pick<Config, 'graph' | 'reset'>;

export function createDirectory(client: Client, settings: Settings): Directory {
  return {
    ...accountCalls(client, settings),
    ...methodCalls(client, settings),
    ...passAndMailCalls(client),
    ...serviceDeskCalls(client),
  };
}

/** Finding the person's accounts by national id, and ending their sessions. */
function accountCalls(
  client: Client,
  settings: Settings,
): Pick<Directory, 'findAccountsByNationalId' | 'revokeSessions'> {
  return {
    async findAccountsByNationalId(id) {
      // Validated again here: this value is spliced into an OData $filter, so only 11 checked digits may pass.
      const checked = NationalIdSchema.safeParse(id);
      if (!checked.success) throw new DirectoryError('find-accounts', 0, 'invalidNationalId', null);
      const list = await callGraph(
        'find-accounts',
        () =>
          client
            .api('/users')
            .header('ConsistencyLevel', 'eventual')
            .filter(`${settings.graph.nationalIdAttribute} eq '${checked.data}'`)
            .select(['id', 'displayName', 'userPrincipalName', 'mail', 'otherMails'])
            .count(true)
            .get(),
        GraphUserListSchema,
      );
      return list.value.map(toAccount);
    },

    async revokeSessions(accountId) {
      const result = await callGraph(
        'revoke-sessions',
        () => client.api(`${userPath(accountId)}/revokeSignInSessions`).post({}),
        GraphRevokeResponseSchema,
      );
      return result.value;
    },
  };
}

/** The account's authentication methods: listed, split into removable and kept, removed. */
function methodCalls(
  client: Client,
  settings: Settings,
): Pick<Directory, 'listMethods' | 'listRemovableMethods' | 'removeMethods'> {
  const removableTypes = new Set<AuthMethodType>(settings.reset.methodTypes);

  async function attempt(accountId: string, method: AuthMethod) {
    const path = `${userPath(accountId)}/authentication/${METHOD_COLLECTIONS[method.type]}/${encodeURIComponent(method.id)}`;
    try {
      await callGraph('remove-method', () => client.api(path).delete(), z.unknown());
      return { method, error: null };
    } catch (error) {
      const failure = toDirectoryError('remove-method', error);
      // 404: the method is already gone (a second submission raced this one). Deleting is idempotent.
      return { method, error: failure.isNotFound ? null : failure };
    }
  }

  async function listMethods(accountId: string): Promise<AccountMethods> {
    const list = await callGraph(
      'list-methods',
      () => client.api(`${userPath(accountId)}/authentication/methods`).get(),
      GraphAuthMethodListSchema,
    );
    const methods: AccountMethods = { removable: [], kept: [] };
    for (const raw of list.value) {
      const method = toAuthMethod(raw);
      if (method && removableTypes.has(method.type)) methods.removable.push(method);
      else methods.kept.push(toKeptMethod(raw));
    }
    return methods;
  }

  return {
    listMethods,
    async listRemovableMethods(accountId) {
      return (await listMethods(accountId)).removable;
    },
    // Parallel DELETEs rather than $batch: each request gets the retry middleware (429/Retry-After) on its own,
    // and per-method errors map one to one. Graph refuses to delete the default method while others remain,
    // so those refusals are tried once more after everything else is gone.
    async removeMethods(accountId, methods) {
      const firstRound = await Promise.all(methods.map((method) => attempt(accountId, method)));
      const retried = await Promise.all(
        firstRound.map((result) =>
          result.error?.isDefaultMethodRefusal ? attempt(accountId, result.method) : Promise.resolve(result),
        ),
      );
      return {
        removed: retried.filter((result) => result.error === null).map((result) => result.method),
        notRemoved: retried.flatMap((result) =>
          result.error ? [{ method: result.method, reason: result.error.reason }] : [],
        ),
      };
    },
  };
}

/** The Temporary Access Pass, and the notice sent from the site's mailbox. */
function passAndMailCalls(
  client: Client,
): Pick<Directory, 'createTemporaryAccessPass' | 'deleteTemporaryAccessPass' | 'sendMail'> {
  return {
    async deleteTemporaryAccessPass(accountId, passId) {
      const path = `${userPath(accountId)}/authentication/temporaryAccessPassMethods/${encodeURIComponent(passId)}`;
      try {
        await callGraph('delete-tap', () => client.api(path).delete(), z.unknown());
      } catch (error) {
        if (!toDirectoryError('delete-tap', error).isNotFound) throw error;
      }
    },

    async createTemporaryAccessPass(accountId, request) {
      const created = await callGraph(
        'create-tap',
        () => client.api(`${userPath(accountId)}/authentication/temporaryAccessPassMethods`).post(request),
        GraphTemporaryAccessPassSchema,
      );
      const start = Date.parse(created.startDateTime ?? created.createdDateTime);
      if (Number.isNaN(start)) throw new DirectoryError('create-tap', 0, 'unexpectedResponse', null);
      return {
        pass: created.temporaryAccessPass,
        expiresAt: new Date(start + created.lifetimeInMinutes * 60_000),
        isUsableOnce: created.isUsableOnce,
      };
    },

    async sendMail(senderMailbox, message) {
      // Plain text: nothing to render or sanitise, and mail clients show it as written.
      await callGraph(
        'send-mail',
        () =>
          client.api(`${userPath(senderMailbox)}/sendMail`).post({
            message: {
              subject: message.subject,
              body: { contentType: 'Text', content: message.text },
              toRecipients: message.to.map((address) => ({ emailAddress: { address } })),
            },
            saveToSentItems: false,
          }),
        z.unknown(),
      );
    },
  };
}

const ACCOUNT_FIELDS = ['id', 'displayName', 'userPrincipalName', 'mail', 'otherMails'];
// OData string literal: a quote is written twice.
const odataString = (value: string) => `'${value.replace(/'/g, "''")}'`;

/** Directory calls of the service desk console; the same client and typed errors as the reset's. */
function serviceDeskCalls(
  client: Client,
): Pick<Directory, 'searchAccounts' | 'getAccount' | 'memberGroupsAmong' | 'appRoleAssignees'> {
  return {
    async searchAccounts(text, limit) {
      // Checked again here: the text goes into an OData $filter.
      if (!SEARCH_TEXT.test(text)) throw new DirectoryError('search-accounts', 0, 'invalidSearchText', null);
      const literal = odataString(text.trim());
      const list = await callGraph(
        'search-accounts',
        () =>
          client
            .api('/users')
            .filter(`startswith(displayName,${literal}) or startswith(userPrincipalName,${literal})`)
            .select(ACCOUNT_FIELDS)
            .top(limit)
            .get(),
        GraphUserListSchema,
      );
      return list.value.slice(0, limit).map(toAccount);
    },

    async getAccount(idOrUsername) {
      try {
        const user = await callGraph(
          'get-account',
          () => client.api(userPath(idOrUsername)).select(ACCOUNT_FIELDS).get(),
          GraphUserSchema,
        );
        return toAccount(user);
      } catch (error) {
        if (error instanceof DirectoryError && error.isNotFound) return null;
        throw error;
      }
    },

    async memberGroupsAmong(accountId, groupIds) {
      if (groupIds.length === 0) return [];
      const result = await callGraph(
        'check-member-groups',
        () => client.api(`${userPath(accountId)}/checkMemberGroups`).post({ groupIds: [...groupIds] }),
        GraphCheckMemberGroupsSchema,
      );
      const asked = new Set(groupIds.map((id) => id.toLowerCase()));
      return result.value.filter((id) => asked.has(id.toLowerCase()));
    },

    // Least privilege: Application.Read.All reads the app's assignments; the users' own appRoleAssignments
    // would need Directory.Read.All.
    async appRoleAssignees(appId) {
      if (!APP_ID.test(appId)) throw new DirectoryError('list-app-role-assignments', 0, 'invalidAppId', null);
      const assignees: AppRoleAssignee[] = [];
      let page = await callGraph(
        'list-app-role-assignments',
        () =>
          client
            .api(`/servicePrincipals(appId='${appId}')/appRoleAssignedTo`)
            .select(['principalId', 'principalType', 'appRoleId'])
            .top(999)
            .get(),
        GraphAppRoleAssignmentListSchema,
      );
      for (let pages = 1; ; pages += 1) {
        assignees.push(
          ...page.value.map((item) => ({
            principalId: item.principalId,
            principalType: item.principalType ?? '',
            appRoleId: item.appRoleId,
          })),
        );
        const next = page['@odata.nextLink'];
        if (!next) return assignees;
        // A cap against a server that pages forever: far beyond any desk's size at 999 a page.
        if (pages >= 50) throw new DirectoryError('list-app-role-assignments', 0, 'tooManyPages', null);
        page = await callGraph(
          'list-app-role-assignments',
          () => client.api(next).get(),
          GraphAppRoleAssignmentListSchema,
        );
      }
    },
  };
}

const APP_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The production wiring: one token provider and one Graph client for this directory. */
export function createGraphDirectory(
  config: Pick<Config, 'entra' | 'graph' | 'reset'>,
  tokens: AppTokenProvider = createAppTokenProvider(config.entra),
): Directory {
  return createDirectory(createGraphClient(config.graph.baseUrl, tokens), config);
}

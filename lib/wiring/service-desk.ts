// The service desk channel's use cases, bound to the composition root's infrastructure and to configuration.
import 'server-only';
import { getConfig } from '@/lib/config';
import { getInfrastructure } from './root';
import { noticeSettings } from './self-service';
import {
  previewDeskReset,
  resetByServiceDesk,
  searchPeople,
  type Agent,
  type DeskPreview,
  type SearchResult,
  type ServiceDeskDeps,
  type ServiceDeskSettings,
  type Verification,
} from '@/lib/reset/service-desk-reset';
import type { ResetChoice, ResetOutcome } from '@/lib/reset/reset';

async function deskDeps(): Promise<ServiceDeskDeps> {
  // The self-service reset's directory: one app token per process for both channels.
  const { directory, records } = await getInfrastructure();
  return { directory, records };
}

function deskSettings(): ServiceDeskSettings {
  const config = getConfig();
  return {
    maxLoginAgeSeconds: config.console.resetMaxLoginAgeSeconds,
    limitPerAgentPerHour: config.console.limitPerAgentPerHour,
    protectedGroupIds: config.console.protectedGroupIds,
    consoleAppId: config.console.clientId,
    tap: config.tap,
    notice: noticeSettings(),
  };
}

export async function searchPeopleForAgent(text: string): Promise<SearchResult> {
  return searchPeople(text, await deskDeps());
}

export async function previewForAgent(agent: Agent, accountId: string, requestId: string): Promise<DeskPreview> {
  return previewDeskReset(agent, accountId, requestId, await deskDeps(), deskSettings());
}

export async function resetForAgent(
  agent: Agent,
  accountId: string,
  verification: Verification,
  requestId: string,
  choice: ResetChoice,
): Promise<ResetOutcome> {
  return resetByServiceDesk(agent, accountId, verification, requestId, await deskDeps(), deskSettings(), choice);
}

/** An account's object id as the console's forms and links carry it. */
export const ACCOUNT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One person's account id by their username, for the agent's history lookup; null when there is none. */
export async function accountIdForUsername(username: string): Promise<string | null> {
  const account = await (await deskDeps()).directory.getAccount(username);
  return account?.id ?? null;
}

/** The agent as the desk domain needs them, from the console session. */
export function agentOf(session: { oid: string; username: string; name: string; authTime: number }): Agent {
  return { oid: session.oid, username: session.username, name: session.name, authTime: session.authTime };
}

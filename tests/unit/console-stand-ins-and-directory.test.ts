/** @jest-environment node */
// The console's directory calls against the Graph stand-in (user search, one account, checkMemberGroups) and the
// Entra ID stand-in's discovery, over real HTTP; and the console's settings.
import { spawnStandIn, type SpawnedStandIn } from '../../dev/testing/spawn-stand-in';
import { ENTRA_TENANT_ID, PROTECTED_GROUP_IDS } from '../../dev/credentials';
import { localSiteEnv } from '../../dev/local-env';
import { parse } from '@/lib/config';
import { createGraphDirectory } from '@/lib/directory/directory';
import { DirectoryError } from '@/lib/directory/errors';
import { accountRefusal } from '@/lib/reset/service-desk-reset';
import { CONSOLE_CLIENT_ID } from '../../dev/credentials';
import { STAFF } from '../../dev/entra/staff';

jest.setTimeout(40_000);

let graph: SpawnedStandIn;
let entra: SpawnedStandIn;

beforeAll(async () => {
  [graph, entra] = await Promise.all([spawnStandIn('dev/graph/server.ts'), spawnStandIn('dev/entra/server.ts')]);
});
afterAll(async () => {
  await Promise.all([graph?.stop(), entra?.stop()]);
});

function directory() {
  const result = parse('full', localSiteEnv({ ENTRA_AUTHORITY_HOST: graph.url, GRAPH_BASE_URL: graph.url }));
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return createGraphDirectory(result.config);
}

describe('the console against the Graph stand-in', () => {
  it('finds people by the start of the display name or the username, bounded by $top', async () => {
    const byUsername = await directory().searchAccounts('kari.skrank', 11);
    expect(byUsername.map((account) => account.userPrincipalName)).toEqual(['kari.skrankesen@oslomet.no']);
    const byName = await directory().searchAccounts('Leif Skr', 11);
    expect(byName.map((account) => account.displayName)).toEqual(['Leif Skrankesen']);
    expect(await directory().searchAccounts('Skrankesen', 11)).toEqual([]); // the start, not any part
    expect((await directory().searchAccounts('hanne', 11)).map((account) => account.userPrincipalName)).toHaveLength(2);
    expect(await directory().searchAccounts('hanne', 1)).toHaveLength(1);
    const requests = (await (await fetch(`${graph.url}/_admin/requests`)).json()) as { requests: { path: string }[] };
    const search = requests.requests.find((request) => request.path.includes('startswith'));
    expect(decodeURIComponent(search?.path ?? '')).toContain(
      "startswith(displayName,'kari.skrank') or startswith(userPrincipalName,'kari.skrank')",
    );
  });

  it('escapes a quote in the search text and refuses text that is not a name', async () => {
    expect(await directory().searchAccounts("d'arcy", 11)).toEqual([]);
    await expect(directory().searchAccounts("x') or (1 eq 1", 11)).rejects.toBeInstanceOf(DirectoryError);
  });

  it('reads one account by id or username, and null for none', async () => {
    expect((await directory().getAccount('per.administratorsen@oslomet.no'))?.id).toBe(
      'd1d1d1d1-0000-4000-8000-000000000203',
    );
    expect((await directory().getAccount('d1d1d1d1-0000-4000-8000-000000000201'))?.displayName).toBe('Kari Skrankesen');
    expect(await directory().getAccount('nobody@oslomet.no')).toBeNull();
  });

  it('tells a protected group member from others with checkMemberGroups', async () => {
    expect(await directory().memberGroupsAmong('d1d1d1d1-0000-4000-8000-000000000203', PROTECTED_GROUP_IDS)).toEqual([
      ...PROTECTED_GROUP_IDS,
    ]);
    expect(await directory().memberGroupsAmong('d1d1d1d1-0000-4000-8000-000000000201', PROTECTED_GROUP_IDS)).toEqual(
      [],
    );
    expect(await directory().memberGroupsAmong('d1d1d1d1-0000-4000-8000-000000000201', [])).toEqual([]);
  });
});

describe("staff never reset staff: the console app's role holders from Graph", () => {
  const member = (key: string) => STAFF.find((candidate) => candidate.key === key)!;

  it("lists the console app's assignments in Graph's shape: the desk's group, the auditor, default access", async () => {
    const assignees = await directory().appRoleAssignees(CONSOLE_CLIENT_ID);
    expect(assignees).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ principalType: 'Group', principalId: '5a5a5a5a-0000-4000-8000-00000000de51' }),
        expect.objectContaining({ principalType: 'User', principalId: member('auditor').oid }),
        {
          principalType: 'User',
          principalId: member('no-role').oid,
          appRoleId: '00000000-0000-0000-0000-000000000000',
        },
      ]),
    );
    const requests = (await (await fetch(`${graph.url}/_admin/requests`)).json()) as { requests: { path: string }[] };
    expect(requests.requests.map((request) => decodeURIComponent(request.path))).toContainEqual(
      expect.stringContaining(`/v1.0/servicePrincipals(appId='${CONSOLE_CLIENT_ID}')/appRoleAssignedTo?`),
    );
    await expect(directory().appRoleAssignees("x')/../users")).rejects.toBeInstanceOf(DirectoryError);
  });

  it('refuses the agent themself, the auditor (direct role), the other agent (role through the group), a protected admin', async () => {
    const agent = { oid: member('agent').oid, username: member('agent').preferredUsername };
    const settings = { protectedGroupIds: PROTECTED_GROUP_IDS, consoleAppId: CONSOLE_CLIENT_ID };
    const verdict = async (idOrUsername: string, as = agent) =>
      accountRefusal(as, (await directory().getAccount(idOrUsername))!, directory(), settings);
    expect(await verdict(member('agent').oid)).toBe('own-account');
    expect(await verdict(member('agent').preferredUsername, { ...agent, oid: 'another-oid' })).toBe('own-account');
    expect(await verdict(member('auditor').oid)).toBe('staff-account');
    expect(await verdict(member('agent-no-mfa').oid)).toBe('staff-account');
    expect(await verdict('per.administratorsen@oslomet.no')).toBe('protected-account');
    // Default access is not a role, and a person is not staff.
    expect(await verdict(member('no-role').oid)).toBeNull();
    expect(await verdict('kari.skrankesen@oslomet.no')).toBeNull();
  });
});

describe('the Entra ID stand-in', () => {
  it('publishes a v2.0-shaped discovery document under /{tenant}/v2.0 with the claims the console reads', async () => {
    const response = await fetch(`${entra.url}/${ENTRA_TENANT_ID}/v2.0/.well-known/openid-configuration`);
    expect(response.status).toBe(200);
    const discovery = (await response.json()) as Record<string, unknown>;
    expect(discovery.issuer).toBe(`${entra.url}/${ENTRA_TENANT_ID}/v2.0`);
    expect(discovery.authorization_endpoint).toBe(`${entra.url}/${ENTRA_TENANT_ID}/v2.0/oauth2/v2.0/authorize`);
    expect(discovery.code_challenge_methods_supported).toEqual(['S256']);
    expect(discovery.claims_supported).toEqual(
      expect.arrayContaining(['tid', 'oid', 'roles', 'amr', 'preferred_username']),
    );
  });
});

describe('console settings', () => {
  it('are off without an issuer, and need the client id and secret with one', () => {
    const off = parse('full', { ...localSiteEnv(), CONSOLE_ENTRA_ISSUER: '' });
    expect(off.ok && off.config.console.enabled).toBe(false);
    const half = parse('full', { ...localSiteEnv(), CONSOLE_CLIENT_ID: '', CONSOLE_CLIENT_SECRET: '' });
    expect(half.ok ? [] : half.problems).toEqual([
      'CONSOLE_CLIENT_ID: is required with CONSOLE_ENTRA_ISSUER',
      'CONSOLE_CLIENT_SECRET: is required with CONSOLE_ENTRA_ISSUER',
    ]);
  });

  it('default to 8 hours of session and 15 minutes of freshness, and check the limits and group ids', () => {
    const result = parse('full', localSiteEnv());
    if (!result.ok) throw new Error(result.problems.join('\n'));
    expect(result.config.console).toMatchObject({
      enabled: true,
      sessionMaxAgeSeconds: 28_800,
      resetMaxLoginAgeSeconds: 900,
      limitPerAgentPerHour: 20,
    });
    const bad = parse('full', {
      ...localSiteEnv(),
      CONSOLE_SESSION_MAX_AGE_SECONDS: '100000',
      CONSOLE_PROTECTED_GROUP_IDS: 'admins',
      CONSOLE_RESET_LIMIT_PER_AGENT: '0',
    });
    expect(bad.ok ? [] : bad.problems.map((problem) => problem.split(':')[0])).toEqual([
      'CONSOLE_SESSION_MAX_AGE_SECONDS',
      'CONSOLE_RESET_LIMIT_PER_AGENT',
      'CONSOLE_PROTECTED_GROUP_IDS',
    ]);
  });
});

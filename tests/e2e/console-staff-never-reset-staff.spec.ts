// Done when 2 and 5 (issue 16): an agent's reset of their own account, and of an account holding the Agent role
// (through the desk's group) or the Auditor role (assigned directly), is refused with a page saying why, changes
// nothing in the Graph stand-in, and leaves a refusal record that names the agent; the log shows the agent by name.
import { expect, test } from '@playwright/test';
import { consolePaths, loginToConsole, postFromPage, staff, type StaffKey } from './support/console';
import { graphAdmin } from './support/graph-admin';
import { recordsSince } from './support/records';

// The staff's accounts in the Graph stand-in (dev/graph/console-app.ts), by their place in dev/entra/staff.ts.
const staffAccount = (key: StaffKey) =>
  graphAdmin.user(`staff-${['agent', 'auditor', 'no-role', 'agent-no-mfa'].indexOf(key)}`);

const cases = [
  {
    key: 'agent',
    search: 'anne.agent',
    name: 'Anne Agent',
    reason: 'own-account',
    heading: 'Du kan ikke nullstille din egen konto',
  },
  {
    key: 'auditor',
    search: 'arne.revisor',
    name: 'Arne Revisor',
    reason: 'staff-account',
    heading: 'Denne personen har en rolle i servicedesken',
  },
  {
    key: 'agent-no-mfa',
    search: 'mona.utenmfa',
    name: 'Mona Utenmfa',
    reason: 'staff-account',
    heading: 'Denne personen har en rolle i servicedesken',
  },
] as const;

test('an agent is refused their own account and colleagues with a console role, on the page and on a post', async ({
  page,
}) => {
  await graphAdmin.reset();
  const since = new Date();
  const before = await Promise.all(cases.map((item) => staffAccount(item.key)));
  await loginToConsole(page, 'agent');

  for (const [index, item] of cases.entries()) {
    await page.goto(`${consolePaths.search.nb}?q=${item.search}`);
    await page.getByRole('link', { name: `Nullstill for ${item.name}` }).click();
    const refusal = page.getByTestId(`refusal-${item.reason}`);
    await expect(refusal.getByRole('heading', { level: 2 })).toHaveText(item.heading);
    await expect(refusal).toContainText('Forsøket er logget.');
    await expect(page.getByRole('button', { name: 'Nullstill nå' })).toHaveCount(0);

    // The form the page never offered, posted anyway: refused again, by the route, and recorded.
    const account = before[index]!;
    const posted = await postFromPage(page, '/api/servicedesk/reset', [
      ['locale', 'nb'],
      ['account', account.id],
      ['verification', 'passport'],
      ...account.methods.map((method): [string, string] => ['method', method.id]),
    ]);
    expect(new URL(posted.url).pathname).toBe(consolePaths.result.nb);
    await page.goto(posted.url);
    await expect(page.getByTestId(`outcome-refused-${item.reason}`)).toBeVisible();
  }

  // Nothing changed in the directory, and no DELETE ever reached Graph.
  expect(await Promise.all(cases.map((item) => staffAccount(item.key)))).toEqual(before);
  expect((await graphAdmin.requests()).requests.filter((request) => request.method === 'DELETE')).toEqual([]);

  const records = (await recordsSince(since)).filter((record) => record.channel === 'service-desk');
  expect(
    records.map((record) => [record.outcome, record.reason, record.accountId, record.agentId, record.agentName]),
  ).toEqual(
    cases.flatMap((item, index) => [
      ['refused', item.reason, before[index]!.id, staff('agent').oid, 'Anne Agent'],
      ['refused', item.reason, before[index]!.id, staff('agent').oid, 'Anne Agent'],
    ]),
  );

  // The log shows who tried, by name, with the object id beside it.
  await page.goto(`${consolePaths.audit.nb}?outcome=refused&channel=service-desk`);
  for (const record of records) {
    const agentCell = page.locator(`tr[data-reference="${record.requestId}"]`).getByTestId('audit-agent');
    await expect(agentCell).toContainText('Anne Agent');
    await expect(agentCell).toContainText(staff('agent').oid);
  }
});

// Done when 5 (issue 16): a page the role does not allow is refused with a text for that role, in each language: the
// agent opening the statistics is not told the auditor's text, and the auditor opening the search is told what an
// auditor may do.
import { expect, test } from '@playwright/test';
import en from '../../messages/en.json';
import nb from '../../messages/nb.json';
import nn from '../../messages/nn.json';
import { consolePaths, loginToConsole, type Locale } from './support/console';

const messages = { nb: nb.Console, nn: nn.Console, en: en.Console };

for (const locale of ['nb', 'nn', 'en'] as const satisfies readonly Locale[]) {
  test(`the refusal says what the agent's and the auditor's role may do (${locale})`, async ({ browser }) => {
    const texts = messages[locale];
    expect(texts.forbiddenRoleAgent).not.toBe(texts.forbiddenRoleAuditor);

    const agent = await (await browser.newContext({ locale })).newPage();
    await loginToConsole(agent, 'agent', { locale });
    const refused = await agent.goto(consolePaths.statistics[locale]);
    expect(refused?.status()).toBe(403);
    await expect(agent.getByTestId('console-forbidden-text')).toHaveText(texts.forbiddenRoleAgent);
    await expect(agent.getByTestId('console-role-allows')).toHaveText(texts.allowsAgent);
    await expect(agent.getByTestId('console-forbidden-role')).not.toContainText(texts.allowsAuditor);
    await agent.context().close();

    const auditor = await (await browser.newContext({ locale })).newPage();
    await loginToConsole(auditor, 'auditor', { locale });
    await auditor.goto(consolePaths.search[locale]);
    await expect(auditor.getByTestId('console-forbidden-text')).toHaveText(texts.forbiddenRoleAuditor);
    await expect(auditor.getByTestId('console-role-allows')).toHaveText(texts.allowsAuditor);
    await expect(auditor.getByTestId('console-roles')).toContainText(texts.roleAuditor);
    await auditor.context().close();
  });
}

/** @jest-environment node */
// The start-up warning for a console without protected groups: said when the console is on and the list is empty.
import { localSiteEnv } from '../../dev/local-env';
import { parse } from '@/lib/config';
import { consoleStartupWarnings } from '@/lib/console/startup-warnings';

function config(overrides: Record<string, string>) {
  const result = parse('full', localSiteEnv(overrides));
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return result.config;
}

it('warns when the console is on and no protected group is configured, and only then', () => {
  expect(consoleStartupWarnings(config({ CONSOLE_PROTECTED_GROUP_IDS: '' }))).toEqual([
    expect.objectContaining({ event: 'startup.console-no-protected-groups' }),
  ]);
  expect(consoleStartupWarnings(config({}))).toEqual([]);
  expect(consoleStartupWarnings(config({ CONSOLE_PROTECTED_GROUP_IDS: '', CONSOLE_ENTRA_ISSUER: '' }))).toEqual([]);
});

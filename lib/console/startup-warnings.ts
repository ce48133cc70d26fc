// What the console says at start about settings that leave it weaker than it should be (lib/startup.ts logs them).
import type { Config } from '@/lib/config';

export type StartupWarning = { event: string; message: string };

export function consoleStartupWarnings(config: Pick<Config, 'console'>): StartupWarning[] {
  if (!config.console.enabled || config.console.protectedGroupIds.length > 0) return [];
  return [
    {
      event: 'startup.console-no-protected-groups',
      message:
        'CONSOLE_PROTECTED_GROUP_IDS is empty: the service desk can reset administrators and break-glass accounts. ' +
        'Staff holding a console role are refused all the same.',
    },
  ];
}

// The reset pages' refusal, with the limits and the service desk's address it names taken from the settings here:
// components receive settings, they do not read them.
import type { ComponentProps } from 'react';
import { RefusalNotice } from '@/components/reset/refusal-notice';
import { getBuildSettings, getConfig } from '@/lib/config';

type Props = Omit<ComponentProps<typeof RefusalNotice>, 'limits' | 'serviceDeskUrl'>;

export function ResetRefusal(props: Props) {
  return <RefusalNotice {...props} limits={getConfig().reset} serviceDeskUrl={getBuildSettings().serviceDeskUrl} />;
}

// The console's Auth.js instance: only Entra ID's callback is open (lib/auth/callback-route.ts), and only while the
// console is configured.
import { callbackOnlyRoute } from '@/lib/auth/callback-route';
import { STAFF_AUTH_BASE_PATH, STAFF_PROVIDER_ID, staffHandlers } from '@/lib/auth/staff';
import { getConfig } from '@/lib/config';

export const { GET, POST } = callbackOnlyRoute({
  handlers: staffHandlers,
  callbackPath: `${STAFF_AUTH_BASE_PATH}/callback/${STAFF_PROVIDER_ID}`,
  enabled: () => getConfig().console.enabled,
});

// ID-porten's Auth.js instance: only its callback is open (lib/auth/callback-route.ts).
import { callbackOnlyRoute } from '@/lib/auth/callback-route';
import { handlers } from '@/lib/auth/idporten';

export const { GET, POST } = callbackOnlyRoute({ handlers, callbackPath: '/api/auth/callback/idporten' });

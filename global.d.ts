import type { routing } from '@/lib/i18n/routing';
import type messages from './messages/nb.json';

declare module 'next-intl' {
  interface AppConfig {
    Locale: (typeof routing.locales)[number];
    Messages: typeof messages;
  }
}
// Other locales are checked against nb.json in lib/i18n/messages-shape.ts (this file is not type-checked).

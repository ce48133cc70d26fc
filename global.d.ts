import type { routing } from '@/lib/i18n/routing';
import type messages from './messages/nb.json';
import type enMessages from './messages/en.json';

declare module 'next-intl' {
  interface AppConfig {
    Locale: (typeof routing.locales)[number];
    Messages: typeof messages;
  }
}

// English must have every key Norwegian has: a missing key fails the type check here.
type AssertSameShape<T extends typeof messages> = T;
export type EnglishMessagesCheck = AssertSameShape<typeof enMessages>;

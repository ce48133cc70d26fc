import type { routing } from '@/lib/i18n/routing';
import type messages from './messages/nb.json';
import type enMessages from './messages/en.json';
import type nnMessages from './messages/nn.json';

declare module 'next-intl' {
  interface AppConfig {
    Locale: (typeof routing.locales)[number];
    Messages: typeof messages;
  }
}

// Every locale must have every key bokmål has: a missing key fails the type check here
// (tests/unit/messages-parity.test.ts checks the other direction and the placeholders).
type AssertSameShape<T extends typeof messages> = T;
export type EnglishMessagesCheck = AssertSameShape<typeof enMessages>;
export type NynorskMessagesCheck = AssertSameShape<typeof nnMessages>;

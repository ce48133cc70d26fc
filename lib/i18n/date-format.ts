// Dates and times as each language writes them, always in Norwegian time. Plain `en` would give US dates
// ("December 2, 2026 at 8:37 PM"); the English pages are British: "2 December 2026, 20:37".
import type { Locale } from './routing';

const INTL_LOCALES: Record<Locale, string> = { nb: 'nb-NO', nn: 'nn-NO', en: 'en-GB' };
const TIME_ZONE = 'Europe/Oslo';

/** The locale Intl should format with for one of the site's languages (en → en-GB). */
export function intlLocale(locale: Locale): string {
  return INTL_LOCALES[locale];
}

/** A day: "2 December 2026", "2. desember 2026". */
export function formatDate(locale: Locale, date: Date): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'long', timeZone: TIME_ZONE }).format(date);
}

/** A moment: "2 December 2026, 20:37", "2. desember 2026 kl. 20:37". */
export function formatDateTime(locale: Locale, date: Date): string {
  const time = new Intl.DateTimeFormat(intlLocale(locale), { timeStyle: 'short', timeZone: TIME_ZONE }).format(date);
  // en-GB's own joiner is " at "; British house style (GOV.UK's, for one) writes a comma.
  if (locale === 'en') return `${formatDate(locale, date)}, ${time}`;
  return new Intl.DateTimeFormat(intlLocale(locale), {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: TIME_ZONE,
  }).format(date);
}

// Drives a login from the reset guide through the ID-porten stand-in's test login page.
import { expect, type Page } from '@playwright/test';
import { onSite } from './origins';

export type Locale = 'nb' | 'nn' | 'en';
export const guidePath = { nb: '/nb/nullstill', nn: '/nn/nullstill', en: '/en/reset' } as const;
export const confirmPath = {
  nb: '/nb/nullstill/bekreft',
  nn: '/nn/nullstill/stadfest',
  en: '/en/reset/confirm',
} as const;
const startButton = {
  nb: 'Nullstill med ID-porten',
  nn: 'Nullstill med ID-porten',
  en: 'Reset with ID-porten',
} as const;
const loginButton = { nb: 'Logg inn', nn: 'Logg inn', en: 'Log in' } as const;

export type LoginOptions = {
  locale?: Locale;
  acr?: 'idporten-loa-substantial' | 'idporten-loa-high';
  minutesAgo?: number;
  noPid?: boolean;
};

/** From the reset guide to ID-porten's login form, signed in as `nationalId`; returns where the site sent us. */
export async function loginFromResetGuide(page: Page, nationalId: string, options: LoginOptions = {}): Promise<void> {
  const locale = options.locale ?? 'nb';
  await page.goto(guidePath[locale]);
  await page.getByRole('button', { name: startButton[locale] }).click();
  await page.waitForURL(/127\.0\.0\.1:4010/);
  await expect(page.locator('html')).toHaveAttribute('lang', locale); // ui_locales reached ID-porten
  await page.locator('input[name="pid"]').fill(nationalId);
  await page.locator('select[name="acr"]').selectOption(options.acr ?? 'idporten-loa-high');
  if (options.minutesAgo) await page.locator('input[name="minutesAgo"]').fill(String(options.minutesAgo));
  if (options.noPid) await page.locator('input[name="noPid"]').check();
  await page.getByRole('button', { name: loginButton[locale], exact: true }).click();
  await page.waitForURL(onSite);
}

export const resultPath = {
  nb: '/nb/nullstill/resultat',
  nn: '/nn/nullstill/resultat',
  en: '/en/reset/result',
} as const;
const resetButton = { nb: 'Nullstill nå', nn: 'Nullstill no', en: 'Reset now' } as const;

/** Presses "Reset now" on the confirm page and waits for the result page. */
export async function confirmReset(page: Page, locale: Locale = 'nb'): Promise<void> {
  await page.getByRole('button', { name: resetButton[locale] }).click();
  await page.waitForURL(new RegExp(`${resultPath[locale]}\\?ref=`));
}

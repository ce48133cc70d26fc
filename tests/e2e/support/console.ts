// Drives the service desk console's staff login through the Entra ID stand-in's test login page.
import { expect, type Page } from '@playwright/test';
import { onSite } from './origins';
import { STAFF } from '../../../dev/entra/staff';

export type Locale = 'nb' | 'nn' | 'en';
export const consolePaths = {
  home: { nb: '/nb/servicedesk', nn: '/nn/servicedesk', en: '/en/servicedesk' },
  search: { nb: '/nb/servicedesk/finn-person', nn: '/nn/servicedesk/finn-person', en: '/en/servicedesk/find-person' },
  reset: { nb: '/nb/servicedesk/nullstill', nn: '/nn/servicedesk/nullstill', en: '/en/servicedesk/reset' },
  result: { nb: '/nb/servicedesk/resultat', nn: '/nn/servicedesk/resultat', en: '/en/servicedesk/result' },
  audit: { nb: '/nb/servicedesk/logg', nn: '/nn/servicedesk/logg', en: '/en/servicedesk/audit' },
  statistics: { nb: '/nb/servicedesk/statistikk', nn: '/nn/servicedesk/statistikk', en: '/en/servicedesk/statistics' },
  forbidden: {
    nb: '/nb/servicedesk/ingen-tilgang',
    nn: '/nn/servicedesk/ingen-tilgang',
    en: '/en/servicedesk/forbidden',
  },
} as const;
const signInButton = {
  nb: 'Logg inn med Microsoft Entra ID',
  nn: 'Logg inn med Microsoft Entra ID',
  en: 'Sign in with Microsoft Entra ID',
} as const;

export type StaffKey = 'agent' | 'auditor' | 'no-role' | 'agent-no-mfa';
export const staff = (key: StaffKey) => {
  const member = STAFF.find((candidate) => candidate.key === key);
  if (!member) throw new Error(`no staff member ${key}`);
  return member;
};

/** From the console's front page through Entra's login as `key`; ends wherever the site sends the browser. */
export async function loginToConsole(
  page: Page,
  key: StaffKey,
  options: { locale?: Locale; minutesAgo?: number } = {},
) {
  const locale = options.locale ?? 'nb';
  await page.goto(consolePaths.home[locale]);
  await page.getByRole('button', { name: signInButton[locale] }).click();
  await page.waitForURL(/127\.0\.0\.1:4030/);
  await page.locator(`#staff-${key}`).check();
  if (options.minutesAgo) await page.locator('#minutesAgo').fill(String(options.minutesAgo));
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL(onSite);
}

/** Signed in as an agent: search, open the person's reset page. */
export async function openResetFor(page: Page, search: string, displayName: string, locale: Locale = 'nb') {
  await page.goto(`${consolePaths.search[locale]}?q=${encodeURIComponent(search)}`);
  await page
    .getByRole('link', { name: locale === 'nb' ? `Nullstill for ${displayName}` : `Reset for ${displayName}` })
    .click();
  await expect(page.getByTestId('account-name')).toHaveText(displayName);
}

/** Posts a form from the page (the browser sets Origin and cookies, like a submitted form) and follows redirects. */
export async function postFromPage(
  page: Page,
  path: string,
  fields: [string, string][],
): Promise<{ status: number; url: string }> {
  return page.evaluate(
    async ({ path, fields }) => {
      const body = new URLSearchParams(fields);
      const response = await fetch(path, { method: 'POST', body, redirect: 'follow' });
      return { status: response.status, url: response.url };
    },
    { path, fields },
  );
}

export const KARI_ACCOUNT = 'd1d1d1d1-0000-4000-8000-000000000201';
/** A complete, valid reset form for Kari's account with both phones ticked. */
export const kariResetForm = (locale: Locale = 'nb'): [string, string][] => [
  ['locale', locale],
  ['account', KARI_ACCOUNT],
  ['verification', 'passport'],
  ['method', 'a1a1a1a1-0000-4000-8000-000000000201'],
  ['method', 'a1a1a1a1-0000-4000-8000-000000000202'],
];

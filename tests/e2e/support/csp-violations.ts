// Collects every Content-Security-Policy violation a page reports, across navigations.
import type { Page } from '@playwright/test';

const MARKER = 'csp-violation:';

/** Starts listening on every document the page loads; returns the list that fills up. */
export async function watchCspViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.addInitScript((marker) => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`${marker} ${event.violatedDirective} ${event.blockedURI} at ${document.location.href}`);
    });
  }, MARKER);
  page.on('console', (message) => {
    const text = message.text();
    if (text.startsWith(MARKER) || text.includes('Content Security Policy')) violations.push(text);
  });
  return violations;
}

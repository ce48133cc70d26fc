// The page checks the accessibility statement promises, shared by the guide and reset-flow tests.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/**
 * axe's violations as "rule: targets" lines, once the page has its title. A page reached by a client-side
 * navigation (a form's server action that redirects) gets its streamed <title> a moment after its content;
 * without the wait axe can run in between and report document-title for a page that has one.
 */
export async function axeViolations(page: Page, options: { tags?: string[] } = {}): Promise<string[]> {
  await expect(page).toHaveTitle(/\S/);
  const builder = new AxeBuilder({ page });
  const axe = await (options.tags ? builder.withTags(options.tags) : builder).analyze();
  return axe.violations.map((violation) => `${violation.id}: ${violation.nodes.map((n) => n.target).join(' | ')}`);
}

/** axe finds no violations (with every FAQ answer open), and nothing scrolls sideways at 320 px. */
export async function expectNoAxeViolationsAndReflow(page: Page): Promise<void> {
  await page.locator('details').evaluateAll((all) => all.forEach((details) => details.setAttribute('open', '')));
  expect(await axeViolations(page, { tags: axeTags })).toEqual([]);
  const viewport = page.viewportSize();
  await page.setViewportSize({ width: 320, height: 800 });
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  if (viewport) await page.setViewportSize(viewport);
}

/** Pressing Tab reaches every link, button and form field of the page, and each shows where the focus is. */
export async function expectKeyboardReachesEverything(page: Page): Promise<void> {
  const focusable = await page.evaluate(() => {
    const selector =
      'a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';
    const all = [...document.querySelectorAll<HTMLElement>(selector)].filter(
      (element) => !element.closest('details:not([open]) > :not(summary)') && !element.hasAttribute('disabled'),
    );
    all.forEach((element, index) => element.setAttribute('data-focus-probe', String(index)));
    return all.length;
  });
  expect(focusable).toBeGreaterThan(3);
  const reached = new Set<string>();
  const withoutVisibleFocus: string[] = [];
  for (let press = 0; press < focusable + 2; press += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      if (!element || element === document.body) return null;
      const style = getComputedStyle(element);
      const outlined = style.outlineStyle !== 'none' && style.outlineWidth !== '0px';
      const ringed = style.boxShadow !== 'none';
      return {
        probe: element.getAttribute('data-focus-probe'),
        visible: outlined || ringed,
        text: element.textContent?.trim().slice(0, 40) ?? '',
      };
    });
    if (!focused?.probe) continue;
    reached.add(focused.probe);
    if (!focused.visible) withoutVisibleFocus.push(focused.text);
  }
  expect(reached.size).toBe(focusable);
  expect(withoutVisibleFocus).toEqual([]);
}

import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { locales, publicPages } from './support/pages';

for (const page of publicPages) {
  for (const locale of locales) {
    test(`${page.name} (${locale}) has one h1, its language, no axe violations and no sideways scroll at 320 px`, async ({ page: tab }) => {
      const response = await tab.goto(page[locale]);
      expect(response?.status()).toBe(200);
      await expect(tab.locator('html')).toHaveAttribute('lang', locale);
      await expect(tab.locator('h1')).toHaveCount(1);
      await expect(tab.locator('main#main')).toHaveCount(1);
      await expect(tab).toHaveTitle(/\S/);

      // Open every FAQ entry so axe checks the answers too.
      await tab.locator('details').evaluateAll((all) => all.forEach((details) => details.setAttribute('open', '')));
      const axe = await new AxeBuilder({ page: tab }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
      expect(axe.violations.map((violation) => `${violation.id}: ${violation.nodes.map((n) => n.target).join(' | ')}`)).toEqual([]);

      await tab.setViewportSize({ width: 320, height: 800 });
      const overflow = await tab.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    });

    test(`${page.name} (${locale}): the Tab key reaches every link, button and field, each with a visible focus`, async ({ page: tab }) => {
      await tab.goto(page[locale]);
      const focusable = await tab.evaluate(() => {
        const selector = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';
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
        await tab.keyboard.press('Tab');
        const focused = await tab.evaluate(() => {
          const element = document.activeElement as HTMLElement | null;
          if (!element || element === document.body) return null;
          const style = getComputedStyle(element);
          const outlined = style.outlineStyle !== 'none' && style.outlineWidth !== '0px';
          const ringed = style.boxShadow !== 'none';
          return { probe: element.getAttribute('data-focus-probe'), visible: outlined || ringed, text: element.textContent?.trim().slice(0, 40) ?? '' };
        });
        if (!focused?.probe) continue;
        reached.add(focused.probe);
        if (!focused.visible) withoutVisibleFocus.push(focused.text);
      }
      expect(reached.size).toBe(focusable);
      expect(withoutVisibleFocus).toEqual([]);
    });
  }
}

test('the skip link is the first stop for the keyboard and moves focus to the main content', async ({ page }) => {
  for (const [path, name] of [
    ['/nb/aktiver', 'Hopp til hovedinnholdet'],
    ['/nn/aktiver', 'Hopp til hovudinnhaldet'],
  ] as const) {
    await page.goto(path);
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name });
    await expect(skip).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#main$/);
    await expect(page.locator('main#main')).toBeFocused();
  }
});

test('an FAQ entry opens with the keyboard alone', async ({ page }) => {
  await page.goto('/en/faq');
  const first = page.locator('details').first();
  await first.locator('summary').focus();
  await page.keyboard.press('Enter');
  await expect(first).toHaveAttribute('open', '');
});

test('each guide shows when it was last checked, in the page language', async ({ page }) => {
  for (const [path, text] of [
    ['/nb/aktiver', 'Sist kontrollert 25. november 2026'],
    ['/nn/aktiver', 'Sist kontrollert 25. november 2026'],
    ['/en/activate', 'Last checked 25 November 2026'],
  ] as const) {
    await page.goto(path);
    await expect(page.locator('time[datetime="2026-11-25"]')).toHaveText(text);
  }
});

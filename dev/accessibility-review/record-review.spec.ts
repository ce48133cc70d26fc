// Not a test: the recorder of the manual accessibility review (content/accessibility-review/), run with
// `npm run review:accessibility` (its own Playwright config, outside the test suite). It writes screenshots, the
// keyboard's path and the accessibility tree of a few pages; a person then looks at them and writes down what they
// found. Run it again for the next review (REVIEW_DATE=YYYY-MM-DD).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, type Page } from '@playwright/test';

const out = join(__dirname, '..', '..', 'content', 'accessibility-review', process.env.REVIEW_DATE ?? '2026-12-03');
const shot = (page: Page, name: string) => page.screenshot({ path: join(out, `${name}.png`) });

test.beforeAll(() => mkdirSync(out, { recursive: true }));

test('keyboard: the path of the Tab key through a guide, with the focus shown', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/nb/aktiver');
  const path: string[] = [];
  for (let press = 1; press <= 40; press += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      if (!element || element === document.body) return '(body)';
      return `${element.tagName.toLowerCase()} "${(element.getAttribute('aria-label') ?? element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 60)}"`;
    });
    path.push(`${press}. ${focused}`);
    if ([1, 2, 6, 12].includes(press)) await shot(page, `keyboard-nb-activate-tab-${press}`);
  }
  writeFileSync(join(out, 'keyboard-nb-activate-path.txt'), `${path.join('\n')}\n`);
  await page.goto('/en/faq');
  await page.keyboard.press('Tab');
  for (let press = 0; press < 8; press += 1) await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await shot(page, 'keyboard-en-faq-answer-opened');
});

test('zoom 200 %, 320 px, landscape and text spacing', async ({ browser }) => {
  // 200 % zoom in a 1280 px window lays the page out at 640 CSS pixels, drawn at twice the size.
  const zoomed = await browser.newPage({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });
  for (const [path, name] of [
    ['/nb/aktiver', 'zoom-200-nb-activate'],
    ['/nn/nullstill', 'zoom-200-nn-reset'],
  ] as const) {
    await zoomed.goto(path);
    await shot(zoomed, name);
  }
  await zoomed.close();

  const narrow = await browser.newPage({ viewport: { width: 320, height: 640 } });
  for (const [path, name] of [
    ['/nn/tilgjenge', 'reflow-320-nn-accessibility'],
    ['/nb', 'reflow-320-nb-home'],
    ['/en/faq', 'reflow-320-en-faq'],
  ] as const) {
    await narrow.goto(path);
    await shot(narrow, name);
  }
  await narrow.close();

  const landscape = await browser.newPage({ viewport: { width: 740, height: 360 } });
  await landscape.goto('/nb/nullstill');
  await shot(landscape, 'orientation-landscape-nb-reset');
  await landscape.close();

  // WCAG 1.4.12's values: line height 1.5, paragraphs 2 em apart, letters 0.12 em, words 0.16 em.
  // The site's Content-Security-Policy refuses injected styles; this check stands in for a user style sheet.
  const spaced = await browser.newPage({ viewport: { width: 320, height: 640 }, bypassCSP: true });
  const report: string[] = [];
  for (const path of ['/nb/aktiver', '/nn/sporsmal-og-svar', '/en/reset']) {
    await spaced.goto(path);
    await spaced.addStyleTag({
      content:
        '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }',
    });
    const overflow = await spaced.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    report.push(`${path}: sideways overflow ${overflow} px`);
  }
  await shot(spaced, 'text-spacing-320-en-reset');
  writeFileSync(join(out, 'text-spacing.txt'), `${report.join('\n')}\n`);
  await spaced.close();
});

test('accessibility tree: what a screen reader is given on two guides', async ({ page }) => {
  for (const [path, name] of [
    ['/nb/aktiver', 'accessibility-tree-nb-activate'],
    ['/en/faq', 'accessibility-tree-en-faq'],
  ] as const) {
    await page.goto(path);
    writeFileSync(join(out, `${name}.txt`), `${await page.locator('body').ariaSnapshot()}\n`);
  }
});

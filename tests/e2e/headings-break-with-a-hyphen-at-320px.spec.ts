import { expect, test } from '@playwright/test';
import { locales, publicPages } from './support/pages';

// At 320 px a long Norwegian compound in a heading is wider than the screen. It may break over two lines, but
// only where a hyphen shows (a soft hyphen or a real one), never in the middle of the word without one.
test.use({ viewport: { width: 320, height: 800 } });

const guides = publicPages.filter((page) =>
  ['home', 'activate', 'reset', 'external-users', 'faq', 'accessibility'].includes(page.name),
);

for (const page of guides) {
  for (const locale of locales) {
    test(`${page.name} (${locale}): no heading word breaks without a hyphen at 320 px`, async ({ page: tab }) => {
      await tab.goto(page[locale]);
      const breaks = await tab.evaluate(() => {
        const bad: string[] = [];
        // How many lines a stretch of a text node takes (boxes of zero width are hidden soft hyphens).
        const lines = (node: Text, start: number, end: number) => {
          const range = document.createRange();
          range.setStart(node, start);
          range.setEnd(node, end);
          return new Set(
            [...range.getClientRects()].filter((rect) => rect.width > 0).map((rect) => Math.round(rect.top)),
          ).size;
        };
        for (const heading of document.querySelectorAll('h1, h2, h3, summary')) {
          const walker = document.createTreeWalker(heading, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
            const text = node.data;
            for (const word of text.matchAll(/\S+/g)) {
              const start = word.index ?? 0;
              if (lines(node, start, start + word[0].length) < 2) continue;
              // The word spans two lines: find the first letter on the second line; what ends the first must be a hyphen.
              for (let end = start + 2; end <= start + word[0].length; end += 1) {
                if (lines(node, start, end) > 1) {
                  const before = text[end - 2];
                  if (before !== '\u00ad' && before !== '-') {
                    bad.push(
                      `${heading.tagName}: "${word[0].replaceAll('\u00ad', '|')}" breaks before "${text.slice(end - 1)}"`,
                    );
                  }
                  break;
                }
              }
            }
          }
        }
        return bad;
      });
      expect(breaks).toEqual([]);
    });
  }
}

// How much JavaScript a guide page makes the browser download. Prerendered pages ship without the framework's
// client runtime (scripts/static-pages.cjs): a guide loads one script of its own, the language links' anchor keeper.
import { expect, test } from '@playwright/test';
import { SITE_ORIGIN } from './support/origins';

const BUDGET_BYTES = 1_000;

for (const path of ['/nb', '/nb/aktiver', '/en/faq']) {
  test(`${path} loads at most ${BUDGET_BYTES} bytes of JavaScript, none of it the framework's`, async ({
    page,
  }, testInfo) => {
    const scripts: Promise<{ url: string; decoded: number }>[] = [];
    page.on('requestfinished', (request) => {
      if (request.resourceType() !== 'script') return;
      scripts.push(
        (async () => ({ url: request.url(), decoded: (await (await request.response())?.body())?.length ?? 0 }))(),
      );
    });
    // next/link would fetch each linked page's RSC payload as soon as its link is in view.
    const prefetches: string[] = [];
    page.on('request', (request) => {
      if (request.headers()['rsc'] || new URL(request.url()).searchParams.has('_rsc')) prefetches.push(request.url());
    });
    await page.goto(path, { waitUntil: 'networkidle' });
    const loaded = await Promise.all(scripts);
    const decoded = loaded.reduce((sum, script) => sum + script.decoded, 0);
    const summary = `${path}: ${loaded.length} scripts, ${decoded} bytes uncompressed`;
    testInfo.annotations.push({ type: 'javascript', description: summary });
    const expected = path === '/nb' ? [] : [`${SITE_ORIGIN}/keep-anchor.js`];
    expect(loaded.map((script) => script.url)).toEqual(expected);
    expect(decoded).toBeLessThanOrEqual(BUDGET_BYTES);
    expect(await page.locator('script:not([src="/keep-anchor.js"])').count()).toBe(0);
    expect(prefetches, 'links on a guide are plain links: nothing prefetched').toEqual([]);
  });
}

// How much JavaScript a guide page makes the browser download (transferred, compressed bytes).
import { expect, test } from '@playwright/test';

// Next's runtime + React are all of it but the language link's click handler and the error page: 138.3 kB
// transferred here, 462 kB uncompressed. next-intl's navigation module (its client Link and formatjs) or next/link
// on a page would add ≈ 12 kB and break this budget; npm run bench:guides compares with a bare Next page.
const BUDGET_BYTES = 145_000;

for (const path of ['/nb/aktiver', '/en/faq']) {
  test(`${path} loads at most ${BUDGET_BYTES / 1000} kB of JavaScript`, async ({ page }, testInfo) => {
    const scripts: Promise<{ url: string; transferred: number; decoded: number }>[] = [];
    page.on('requestfinished', (request) => {
      if (request.resourceType() !== 'script') return;
      scripts.push(
        (async () => {
          const response = await request.response();
          const sizes = await request.sizes();
          return {
            url: request.url(),
            transferred: sizes.responseBodySize,
            decoded: (await response?.body())?.length ?? 0,
          };
        })(),
      );
    });
    // next/link would fetch each linked page's RSC payload as soon as its link is in view.
    const prefetches: string[] = [];
    page.on('request', (request) => {
      if (request.headers()['rsc'] || new URL(request.url()).searchParams.has('_rsc')) prefetches.push(request.url());
    });
    await page.goto(path, { waitUntil: 'networkidle' });
    const loaded = await Promise.all(scripts);
    const transferred = loaded.reduce((sum, script) => sum + script.transferred, 0);
    const decoded = loaded.reduce((sum, script) => sum + script.decoded, 0);
    const summary = `${path}: ${loaded.length} scripts, ${transferred} bytes transferred, ${decoded} bytes uncompressed`;
    console.log(summary);
    testInfo.annotations.push({ type: 'javascript', description: summary });
    expect(loaded.length).toBeGreaterThan(0);
    expect(transferred).toBeLessThanOrEqual(BUDGET_BYTES);
    expect(prefetches, 'links on a guide are plain links: nothing prefetched').toEqual([]);
  });
}

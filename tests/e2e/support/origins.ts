// Where the tests reach the site and the Graph stand-in: plain http on localhost in the main run, the public
// https origin behind nginx and the https stand-ins in the production-shape run (playwright.tls.config.ts).
export const SITE_ORIGIN = process.env.E2E_SITE_ORIGIN ?? 'http://localhost:3000';
export const GRAPH_ORIGIN = process.env.E2E_GRAPH_ORIGIN ?? 'http://127.0.0.1:4020';

/** For `page.waitForURL`: back on the site after a login elsewhere. */
export const onSite = (url: URL): boolean => url.origin === SITE_ORIGIN;

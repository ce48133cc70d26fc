// After `next build`: completes the standalone artifact (.next/standalone) so that it runs by itself, anywhere:
// the static files and public/ (Next leaves them out, expecting a CDN), and the entry server/start.cjs. Its
// prerendered pages lose the framework's client runtime (scripts/static-pages.cjs).
import { cp, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';

const { stripPrerenderedPages } = createRequire(import.meta.url)('./static-pages.cjs');

const standalone = '.next/standalone';
await stat(`${standalone}/server.js`).catch(() => {
  throw new Error(`${standalone}/server.js is missing: next.config.ts must have output: 'standalone'`);
});
await cp('.next/static', `${standalone}/.next/static`, { recursive: true });
await cp('public', `${standalone}/public`, { recursive: true });
await cp('server/start.cjs', `${standalone}/start.cjs`);
await cp('server/page-cache.cjs', `${standalone}/page-cache.cjs`);
await stat(`${standalone}/lib/records/migrations/meta/_journal.json`).catch(() => {
  throw new Error('the migrations were not traced into the artifact (outputFileTracingIncludes in next.config.ts)');
});
const pages = stripPrerenderedPages(`${standalone}/.next`);
console.log(`${pages.length} prerendered pages ship without the framework's client runtime`);
console.log(`standalone artifact ready: node ${standalone}/start.cjs`);

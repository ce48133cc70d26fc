// The proxy runs for every request, guides included: what it imports, every request pays for. It routes and adds
// headers only; the database, Graph and Auth.js stay with the pages, actions and routes. Read from the build the
// whole suite runs against (its trace lists the files the proxy needs at run time; its chunks hold what was bundled).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';

const SERVER = path.join('.next', 'server');
const HEAVY_PACKAGES =
  /node_modules\/(pg|pg-[a-z-]+|@electric-sql\/pglite|drizzle-orm|@azure\/msal-[a-z]+|next-auth|@auth\/core)\//;
// What those packages leave in a bundle: Drizzle's and PGlite's names, the person lock's SQL, msal, Auth.js' cookie.
const HEAVY_MARKERS = [
  'drizzle-orm',
  '@electric-sql/pglite',
  'pg_advisory_lock',
  '@azure/msal',
  'authjs.session-token',
];

function proxyTrace(): string[] {
  return (JSON.parse(readFileSync(path.join(SERVER, 'middleware.js.nft.json'), 'utf8')) as { files: string[] }).files;
}

test('the built proxy traces no database driver, Drizzle, msal or Auth.js file', () => {
  const files = proxyTrace();
  expect(files.length).toBeGreaterThan(0);
  expect(files.filter((file) => HEAVY_PACKAGES.test(file))).toEqual([]);
});

test("the built proxy's chunks bundle none of them either", () => {
  const chunks = proxyTrace().filter((file) => file.startsWith('chunks/') && file.endsWith('.js'));
  expect(chunks.length).toBeGreaterThan(0);
  const found = chunks.flatMap((chunk) => {
    const code = readFileSync(path.join(SERVER, chunk), 'utf8');
    return HEAVY_MARKERS.filter((marker) => code.includes(marker)).map((marker) => `${chunk}: ${marker}`);
  });
  expect(found).toEqual([]);
});

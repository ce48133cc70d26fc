// Prerendered pages cannot carry a per-request nonce (that would make every guide dynamic), so their
// CSP allows exactly the inline scripts the build wrote into their HTML, by hash. The table is read
// from the build output once per process: what is hashed is byte for byte what Next serves.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { scriptHash } from './security-headers';

// Inline scripts only: <script src> files are allowed by 'self'. React escapes "</script" inside them.
const INLINE_SCRIPT = /<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi;

export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const match of html.matchAll(INLINE_SCRIPT)) {
    if (match[1]) hashes.add(scriptHash(match[1]));
  }
  return [...hashes];
}

type PrerenderManifest = { routes?: Record<string, unknown> };

/** Route → hashes for every route the build prerendered as HTML; empty under `next dev` or before a build. */
export function readPrerenderedScriptHashes(distDir: string): Map<string, string[]> {
  const table = new Map<string, string[]>();
  let manifest: PrerenderManifest;
  try {
    manifest = JSON.parse(readFileSync(path.join(distDir, 'prerender-manifest.json'), 'utf8')) as PrerenderManifest;
  } catch {
    return table;
  }
  for (const route of Object.keys(manifest.routes ?? {})) {
    try {
      const html = readFileSync(path.join(distDir, 'server', 'app', `${route}.html`), 'utf8');
      table.set(route, inlineScriptHashes(html));
    } catch {
      // Not an HTML route (sitemap.xml, robots.txt): nothing to hash.
    }
  }
  return table;
}

let table: Map<string, string[]> | undefined;

/** The hashes for a prerendered route, or undefined when the route is rendered per request. */
export function prerenderedScriptHashes(route: string): readonly string[] | undefined {
  table ??= readPrerenderedScriptHashes(path.join(process.cwd(), '.next'));
  return table.get(route);
}

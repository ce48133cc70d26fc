'use strict';
// Prerendered pages (the guides, home, the 404 page and the other fixed pages) are documents: every link and form on
// them works as plain HTML, so after `next build` they lose the framework's client runtime — its script files, their
// preloads and the inline RSC payload — and the browser has nothing to download, compile or hydrate. Their RSC files
// stay, so a page that does run the runtime can still move to them without a full load.
const { readFileSync, writeFileSync } = require('node:fs');
const path = require('node:path');

// An inline script, or one loaded from the framework's build files. The site's own files in public/ stay.
const FRAMEWORK_SCRIPT = /<script\b(?:(?![^>]*\bsrc=)|(?=[^>]*\bsrc="\/_next\/))[^>]*>[\s\S]*?<\/script>/gi;
const SCRIPT_PRELOAD = /<link\b(?=[^>]*\bas="script")[^>]*>|<link\b(?=[^>]*\brel="modulepreload")[^>]*>/gi;
// What must be gone afterwards; a build whose markup no longer matches the patterns above fails here.
const LEFT_OVER = /\/_next\/static\/[^"'\s>]*\.js|__next_f|\bas=["']?script/i;

/** The page's HTML without the framework's client runtime. */
function withoutFrameworkRuntime(html) {
  const stripped = html.replace(FRAMEWORK_SCRIPT, '').replace(SCRIPT_PRELOAD, '');
  const left = LEFT_OVER.exec(stripped);
  if (left) throw new Error(`a framework script is left in a prerendered page: ${left[0]}`);
  return stripped;
}

/** Rewrites every prerendered HTML page of a build (its `.next` folder); returns the routes it rewrote. */
function stripPrerenderedPages(distDir) {
  const manifest = JSON.parse(readFileSync(path.join(distDir, 'prerender-manifest.json'), 'utf8'));
  const rewritten = [];
  for (const route of Object.keys(manifest.routes ?? {})) {
    const file = path.join(distDir, 'server', 'app', `${route}.html`);
    let html;
    try {
      html = readFileSync(file, 'utf8');
    } catch {
      continue; // not an HTML route: sitemap.xml, robots.txt, the icons
    }
    writeFileSync(file, withoutFrameworkRuntime(html));
    rewritten.push(route);
  }
  return rewritten;
}

module.exports = { withoutFrameworkRuntime, stripPrerenderedPages };

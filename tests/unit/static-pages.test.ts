/** @jest-environment node */
// Prerendered pages lose the framework's client runtime after the build (scripts/static-pages.cjs): its script files,
// their preloads and the inline RSC payload go, the page's own markup and the site's own scripts stay, and a page
// whose markup the patterns no longer match fails the build instead of shipping half a runtime.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(__filename);
const { withoutFrameworkRuntime, stripPrerenderedPages } = require('../../scripts/static-pages.cjs') as {
  withoutFrameworkRuntime(html: string): string;
  stripPrerenderedPages(distDir: string): string[];
};

const page = (body: string) =>
  '<!DOCTYPE html><html lang="nb"><head><meta charSet="utf-8"/>' +
  '<link rel="stylesheet" href="/_next/static/chunks/a.css" data-precedence="next"/>' +
  '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/b.js"/>' +
  '<script src="/_next/static/chunks/c.js" async=""></script>' +
  '<script src="/keep-anchor.js" async=""></script>' +
  '<title>Aktiver</title></head><body><main><h1>Aktiver</h1><p>Tekst med <code>&lt;script&gt;</code>.</p></main>' +
  body +
  '</body></html>';
const runtime =
  '<script>(self.__next_f=self.__next_f||[]).push([0])</script>' +
  '<script>self.__next_f.push([1,"1:\\"$Sreact.fragment\\"\\n"])</script>' +
  '<script id="_R_">requestAnimationFrame(function(){$RT=performance.now()});</script>';

describe('a prerendered page without the framework runtime', () => {
  it('keeps the markup, the stylesheet and the site’s own script, and nothing of the runtime', () => {
    const html = withoutFrameworkRuntime(page(runtime));
    expect(html).toBe(
      '<!DOCTYPE html><html lang="nb"><head><meta charSet="utf-8"/>' +
        '<link rel="stylesheet" href="/_next/static/chunks/a.css" data-precedence="next"/>' +
        '<script src="/keep-anchor.js" async=""></script>' +
        '<title>Aktiver</title></head><body><main><h1>Aktiver</h1><p>Tekst med <code>&lt;script&gt;</code>.</p></main>' +
        '</body></html>',
    );
  });

  it('fails when a runtime script is written in a form it does not recognise', () => {
    expect(() => withoutFrameworkRuntime(page("<script src='/_next/static/chunks/d.js'></script>"))).toThrow(
      /framework script is left/,
    );
    expect(() => withoutFrameworkRuntime(page('<SCRIPT\nsrc="/_next/static/chunks/d.js"></SCRIPT >'))).toThrow(
      /framework script is left/,
    );
  });

  it('rewrites every HTML route of the prerender manifest and leaves the others alone', () => {
    const dist = mkdtempSync(path.join(tmpdir(), 'static-pages-'));
    mkdirSync(path.join(dist, 'server', 'app', 'nb'), { recursive: true });
    writeFileSync(
      path.join(dist, 'prerender-manifest.json'),
      JSON.stringify({ routes: { '/nb': {}, '/nb/aktiver': {}, '/robots.txt': {} } }),
    );
    writeFileSync(path.join(dist, 'server', 'app', 'nb.html'), page(runtime));
    writeFileSync(path.join(dist, 'server', 'app', 'nb', 'aktiver.html'), page(runtime));
    writeFileSync(path.join(dist, 'server', 'app', 'nb', 'aktiver.rsc'), '1:"$Sreact.fragment"');
    expect(stripPrerenderedPages(dist)).toEqual(['/nb', '/nb/aktiver']);
    for (const file of ['nb.html', 'nb/aktiver.html'])
      expect(readFileSync(path.join(dist, 'server', 'app', file), 'utf8')).not.toMatch(
        /_next\/static\/chunks\/[bc]|__next_f/,
      );
    expect(readFileSync(path.join(dist, 'server', 'app', 'nb', 'aktiver.rsc'), 'utf8')).toBe('1:"$Sreact.fragment"');
  });
});

/** @jest-environment node */
// The in-process page cache of the standalone entry (server/page-cache.cjs), in front of a real HTTP server whose
// "Next" counts what reaches it: only answers marked public with s-maxage are replayed, only to plain page loads,
// byte for byte, until s-maxage runs out (an injected clock).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';

const require = createRequire(__filename);
const { createPageCache } = require('../../server/page-cache.cjs') as {
  createPageCache(now?: () => number): { serve(req: http.IncomingMessage, res: http.ServerResponse): boolean };
};

type Answer = { status: number; headers: Record<string, string | string[]>; body: string };
const PUBLIC = 'public, max-age=300, s-maxage=3600';

let clock = 0;
let reached: string[] = [];
let server: http.Server;
let base = '';

function nextAnswer(url: string): Answer {
  if (url === '/no-store') return { status: 200, headers: { 'cache-control': 'no-store' }, body: 'private' };
  if (url === '/cookie') return { status: 200, headers: { 'cache-control': PUBLIC, 'set-cookie': 'a=1' }, body: 'c' };
  if (url === '/missing') return { status: 404, headers: { 'cache-control': PUBLIC }, body: 'gone' };
  return { status: 200, headers: { 'cache-control': PUBLIC, 'x-page': url }, body: `page ${url} #${reached.length}` };
}

beforeAll(async () => {
  const pages = createPageCache(() => clock);
  server = http.createServer((req, res) => {
    if (pages.serve(req, res)) return;
    reached.push(`${req.method} ${req.url}`);
    const answer = nextAnswer(req.url ?? '');
    res.writeHead(answer.status, answer.headers);
    // Two writes, as a streamed render would.
    res.write(answer.body.slice(0, 3));
    res.end(answer.body.slice(3));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise((resolve) => server.close(resolve)));

beforeEach(() => {
  clock = 1_000;
  reached = [];
});

const get = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
  fetch(`${base}${path}`, { method, headers });

describe('the page cache', () => {
  it('replays a public page byte for byte and header for header, without reaching Next again', async () => {
    const first = await get('/nb/a');
    const firstBody = await first.text();
    const second = await get('/nb/a');
    expect(await second.text()).toBe(firstBody);
    expect(second.headers.get('x-page')).toBe('/nb/a');
    expect(second.headers.get('cache-control')).toBe(PUBLIC);
    expect(second.headers.get('content-length')).toBe(String(Buffer.byteLength(firstBody)));
    expect(reached).toEqual(['GET /nb/a']);
  });

  it('answers HEAD from what GET left, and asks Next again once s-maxage has run out', async () => {
    await (await get('/nb/b')).text();
    const head = await get('/nb/b', {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers.get('x-page')).toBe('/nb/b');
    expect(reached).toEqual(['GET /nb/b']);
    clock += 3_600_000;
    await (await get('/nb/b')).text();
    expect(reached).toEqual(['GET /nb/b', 'GET /nb/b']);
  });

  it('never keeps an answer that is not public, sets a cookie or is not a 200', async () => {
    for (const path of ['/no-store', '/cookie', '/missing']) {
      await (await get(path)).text();
      await (await get(path)).text();
    }
    expect(reached).toEqual([
      'GET /no-store',
      'GET /no-store',
      'GET /cookie',
      'GET /cookie',
      'GET /missing',
      'GET /missing',
    ]);
  });

  it('lets React Server Component, conditional and query-string requests through to Next', async () => {
    await (await get('/nb/c')).text();
    await (await get('/nb/c', { rsc: '1' })).text();
    await (await get('/nb/c', { 'if-none-match': '"x"' })).text();
    await (await get('/nb/c?x=1')).text();
    expect(reached).toEqual(['GET /nb/c', 'GET /nb/c', 'GET /nb/c', 'GET /nb/c?x=1']);
  });

  it('makes room for a new page by dropping the oldest when full', async () => {
    await (await get('/nb/first', { 'accept-encoding': 'gzip' })).text();
    for (let n = 0; n < 200; n += 1) await (await get('/nb/filler', { 'accept-encoding': `x-${n}` })).text();
    await (await get('/nb/last', { 'accept-encoding': 'gzip' })).text();
    reached = [];
    await (await get('/nb/last', { 'accept-encoding': 'gzip' })).text();
    await (await get('/nb/first', { 'accept-encoding': 'gzip' })).text();
    expect(reached).toEqual(['GET /nb/first']);
  });

  it('keeps one answer per Accept-Encoding, since Next compresses by it', async () => {
    await (await get('/nb/d', { 'accept-encoding': 'identity' })).text();
    await (await get('/nb/d', { 'accept-encoding': 'gzip' })).text();
    await (await get('/nb/d', { 'accept-encoding': 'gzip' })).text();
    expect(reached).toEqual(['GET /nb/d', 'GET /nb/d']);
  });
});

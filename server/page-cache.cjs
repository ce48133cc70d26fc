'use strict';
// A shared cache inside the process, for the answers the site itself marks as the same for everyone: a 200 with
// `Cache-Control: public, …, s-maxage=N` (the prerendered guides and home pages, with their hash-based CSP). What
// nginx's proxy_cache would keep in front of the site, kept here too, so that a guide does not pay for Next's proxy
// and router on every request when no cache is configured in front. The first request of a page goes through Next
// as always; what it answered is replayed, byte for byte and header for header, until s-maxage runs out.
//
// Only plain page loads take part: GET or HEAD without a query string, and without the headers that change Next's
// answer (React Server Component requests, conditional and range requests). The key holds the path and the
// Accept-Encoding (Next compresses by it); an answer that sets a cookie is never kept.

const BYPASS_HEADERS = [
  'rsc',
  'next-router-state-tree',
  'next-router-prefetch',
  'next-router-segment-prefetch',
  'next-url',
  'if-none-match',
  'if-modified-since',
  'range',
];
// Headers of the moment, written again for each answer, or about the connection rather than the page.
const NOT_REPLAYED = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length']);
const MAX_ENTRIES = 200;
const MAX_BODY_BYTES = 1024 * 1024;

function isPlainPageLoad(req) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  if (!req.url || !req.url.startsWith('/') || req.url.includes('?')) return false;
  return !BYPASS_HEADERS.some((name) => req.headers[name] !== undefined);
}

const keyOf = (req) => `${req.url}\n${req.headers['accept-encoding'] || ''}`;

/** Seconds a shared cache may keep the answer, or 0 when it may not keep it at all. */
function sharedMaxAge(res) {
  const cacheControl = String(res.getHeader('cache-control') || '');
  if (res.statusCode !== 200 || !/\bpublic\b/.test(cacheControl)) return 0;
  if (res.getHeader('set-cookie') !== undefined) return 0;
  const match = /\bs-maxage=(\d+)/.exec(cacheControl);
  return match ? Number(match[1]) : 0;
}

function replayable(res) {
  const headers = {};
  for (const [name, value] of Object.entries(res.getHeaders())) if (!NOT_REPLAYED.has(name)) headers[name] = value;
  return headers;
}

/** Collects what Next writes (after its compression) and keeps it when the finished answer may be shared. */
function recordInto(entries, req, res, now) {
  const chunks = [];
  let size = 0;
  // Decided at the first byte, when the headers are final: a dynamic page's body is never held in memory.
  let keep;
  const collect = (chunk, encoding) => {
    if (keep === undefined) keep = sharedMaxAge(res) > 0;
    if (!keep || chunk === undefined || chunk === null || typeof chunk === 'function') return;
    const buffer = Buffer.isBuffer(chunk)
      ? chunk
      : Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8');
    size += buffer.length;
    if (size <= MAX_BODY_BYTES) chunks.push(buffer);
  };
  const write = res.write;
  const end = res.end;
  const writeHead = res.writeHead;
  // Headers handed to writeHead are not kept where getHeaders() finds them: set them first, so the record has them.
  res.writeHead = function recordWriteHead(statusCode, ...rest) {
    const headers = rest.find((arg) => arg && typeof arg === 'object');
    if (!headers || Array.isArray(headers)) return writeHead.call(this, statusCode, ...rest);
    for (const [name, value] of Object.entries(headers)) if (value !== undefined) this.setHeader(name, value);
    return writeHead.call(this, statusCode, ...rest.filter((arg) => typeof arg === 'string'));
  };
  res.write = function recordWrite(chunk, encoding, callback) {
    collect(chunk, encoding);
    return write.call(this, chunk, encoding, callback);
  };
  res.end = function recordEnd(chunk, encoding, callback) {
    collect(chunk, encoding);
    return end.call(this, chunk, encoding, callback);
  };
  res.once('finish', () => {
    const seconds = keep ? sharedMaxAge(res) : 0;
    if (!seconds || size > MAX_BODY_BYTES) return;
    // Full (only Accept-Encoding values nobody else sends could fill it): the oldest entry makes room.
    if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value);
    const body = Buffer.concat(chunks);
    entries.set(keyOf(req), { headers: replayable(res), body, expiresAt: now() + seconds * 1000 });
  });
}

/**
 * A page cache for one server: `serve(req, res)` answers from the cache and returns true, or returns false (and
 * records the answer Next is about to give, when it is a plain page load).
 */
function createPageCache(now = Date.now) {
  const entries = new Map();
  return {
    serve(req, res) {
      if (!isPlainPageLoad(req)) return false;
      const key = keyOf(req);
      const entry = entries.get(key);
      if (entry && entry.expiresAt > now()) {
        res.writeHead(200, { ...entry.headers, 'content-length': entry.body.length });
        res.end(req.method === 'HEAD' ? undefined : entry.body);
        return true;
      }
      if (entry) entries.delete(key);
      if (req.method === 'GET') recordInto(entries, req, res, now);
      return false;
    },
  };
}

module.exports = { createPageCache };

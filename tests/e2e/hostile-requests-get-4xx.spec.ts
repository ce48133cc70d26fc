// Oversized, malformed and undecodable requests get a short 4xx in the visitor's language, never a 500
// or a stack trace, and the server keeps serving.
import { request as httpRequest } from 'node:http';
import { expect, test } from '@playwright/test';

const SITE = 'http://localhost:3000';

type RawRequest = { method: string; path: string; headers?: Record<string, string>; body?: string | Buffer };

/** A raw HTTP request, so that paths and bodies no client library would send can be sent. */
function raw(options: RawRequest) {
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>((resolve, reject) => {
    const headers = { ...options.headers };
    // Like a browser, send the body's length unless the case is about a body without one.
    if (options.body && !headers['transfer-encoding'])
      headers['content-length'] = String(Buffer.byteLength(options.body));
    const request = httpRequest(
      { host: 'localhost', port: 3000, method: options.method, path: options.path, headers },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            headers: response.headers,
          }),
        );
      },
    );
    request.on('error', reject);
    if (options.body) request.write(options.body);
    request.end();
  });
}

const actionHeaders = { origin: SITE, 'accept-language': 'en' };
const cases: { name: string; request: RawRequest; status: number }[] = [
  {
    name: 'a body over the limit',
    request: {
      method: 'POST',
      path: '/en/reset/confirm',
      headers: { ...actionHeaders, 'content-type': 'multipart/form-data; boundary=x' },
      body: Buffer.alloc(2 * 1024 * 1024, 'a'),
    },
    status: 413,
  },
  {
    name: 'a malformed multipart body',
    request: {
      method: 'POST',
      path: '/en/reset/confirm',
      headers: { ...actionHeaders, 'content-type': 'multipart/form-data; boundary=zzz' },
      body: '--zzz\r\nContent-Disposition: form-data; name="a"\r\n\r\nbroken',
    },
    status: 400,
  },
  {
    name: 'a JSON body to the action',
    request: {
      method: 'POST',
      path: '/en/reset/confirm',
      headers: { ...actionHeaders, 'content-type': 'application/json', 'next-action': 'x' },
      body: '{"accountId":"someone-else"}',
    },
    status: 400,
  },
  {
    name: 'a body without a length',
    request: {
      method: 'POST',
      path: '/nb/nullstill/bekreft',
      headers: { origin: SITE, 'content-type': 'multipart/form-data; boundary=x', 'transfer-encoding': 'chunked' },
      body: '--x--',
    },
    status: 411,
  },
  // The route handlers that read a form: Next's request.formData() would throw on anything else.
  ...[
    '/api/auth/idporten-logout',
    '/api/reset/pass-written-down',
    '/api/servicedesk/sign-in',
    '/api/servicedesk/sign-out',
    '/api/servicedesk/reset',
  ].map((path) => ({
    name: `a JSON body to ${path}`,
    request: {
      method: 'POST',
      path,
      headers: { ...actionHeaders, 'content-type': 'application/json' },
      body: '{"locale":"en"}',
    },
    status: 400,
  })),
  {
    name: 'a malformed multipart body to the console reset',
    request: {
      method: 'POST',
      path: '/api/servicedesk/reset',
      headers: { ...actionHeaders, 'content-type': 'multipart/form-data; boundary=zzz' },
      body: '--zzz\r\nContent-Disposition: form-data; name="a"\r\n\r\nbroken',
    },
    status: 400,
  },
  {
    name: 'a body over the limit to the console sign-in',
    request: {
      method: 'POST',
      path: '/api/servicedesk/sign-in',
      headers: { ...actionHeaders, 'content-type': 'application/x-www-form-urlencoded' },
      body: Buffer.alloc(2 * 1024 * 1024, 'a'),
    },
    status: 413,
  },
  // Issue 17's pages take the same hostile bodies as the confirm page: "this wasn't me" and the history.
  ...['/nb/nullstill/ikke-meg', '/en/reset/history'].flatMap((path) => [
    {
      name: `a body over the limit to ${path}`,
      request: {
        method: 'POST',
        path,
        headers: { ...actionHeaders, 'content-type': 'multipart/form-data; boundary=x' },
        body: Buffer.alloc(2 * 1024 * 1024, 'a'),
      },
      status: 413,
    },
    {
      name: `a JSON body to an action on ${path}`,
      request: {
        method: 'POST',
        path,
        headers: { ...actionHeaders, 'content-type': 'application/json', 'next-action': 'x' },
        body: '{"accountId":"someone-else"}',
      },
      status: 400,
    },
    {
      name: `a foreign origin posting to ${path}`,
      request: {
        method: 'POST',
        path,
        headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
        body: 'locale=en',
      },
      status: 403,
    },
  ]),
  {
    name: 'a malformed multipart body to "I have written it down"',
    request: {
      method: 'POST',
      path: '/api/reset/pass-written-down',
      headers: { ...actionHeaders, 'content-type': 'multipart/form-data; boundary=zzz' },
      body: '--zzz\r\nContent-Disposition: form-data; name="ref"\r\n\r\nbroken',
    },
    status: 400,
  },
  {
    name: 'an undecodable path',
    request: { method: 'GET', path: '/%ff', headers: { 'accept-language': 'en' } },
    status: 400,
  },
  {
    name: 'an undecodable path under a locale',
    request: { method: 'GET', path: '/nb/%E0%A4%A', headers: {} },
    status: 400,
  },
];

for (const hostile of cases) {
  test(`${hostile.name} gets ${hostile.status}, no stack trace, and the next request is served`, async () => {
    const response = await raw(hostile.request);
    expect(response.status).toBe(hostile.status);
    expect(response.body).not.toMatch(/\bat \S+:\d+:\d+|Error:|node_modules/);
    expect(response.body.length).toBeGreaterThan(10);
    const language = hostile.request.path.startsWith('/nb') ? 'nb' : 'en';
    expect(response.headers['content-language']).toBe(language);
    const next = await raw({ method: 'GET', path: '/nb' });
    expect(next.status).toBe(200);
  });
}

// The arguments of a real server action of the site, as an object or an array instead of its form (issue 16).
for (const [name, body] of [
  ['an object', '{"locale":"en"}'],
  ['an array', '[{"locale":"en"}]'],
] as const) {
  test(`${name} posted as text to a real server action gets 400, and the next request is served`, async () => {
    const html = await (await fetch(`${SITE}/en/reset`)).text();
    const action = /name="\$ACTION_ID_([0-9a-f]+)"/.exec(html)?.[1];
    expect(action).toBeDefined();
    const response = await raw({
      method: 'POST',
      path: '/en/reset',
      headers: { ...actionHeaders, 'content-type': 'text/plain;charset=UTF-8', 'next-action': action! },
      body,
    });
    expect(response.status).toBe(400);
    expect(response.body).not.toMatch(/\bat \S+:\d+:\d+|Error:|node_modules/);
    expect((await raw({ method: 'GET', path: '/en' })).status).toBe(200);
  });
}

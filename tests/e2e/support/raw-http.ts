// Plain HTTP requests with headers a browser (or fetch) will not let a test set, such as Host.
import { request as httpRequest } from 'node:http';

export type RawResponse = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

export function rawRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    // Like a browser, send the body's length (without it Node sends the body chunked, and the site answers 411).
    const headers = { ...options.headers };
    if (
      options.body !== undefined &&
      !Object.keys(headers).some((name) => /^(content-length|transfer-encoding)$/i.test(name))
    ) {
      headers['content-length'] = String(Buffer.byteLength(options.body));
    }
    const req = httpRequest(url, { method: options.method ?? 'GET', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    req.on('error', reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

/** The Set-Cookie headers as name → value. */
export function cookiesOf(response: RawResponse): Map<string, string> {
  const setCookie = response.headers['set-cookie'] ?? [];
  return new Map(
    (Array.isArray(setCookie) ? setCookie : [setCookie]).map((line) => {
      const [pair = ''] = line.split(';');
      const index = pair.indexOf('=');
      return [pair.slice(0, index), decodeURIComponent(pair.slice(index + 1))];
    }),
  );
}

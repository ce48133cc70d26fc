import type http from 'node:http';

/** The request body as text; a stand-in never needs more than `limit` bytes, so more is an error. */
export async function readBody(req: http.IncomingMessage, limit = 1024 * 1024): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > limit) throw new Error('request entity too large');
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** A login or logout form's fields (application/x-www-form-urlencoded). */
export async function readForm(req: http.IncomingMessage): Promise<URLSearchParams> {
  return new URLSearchParams(await readBody(req, 64 * 1024));
}

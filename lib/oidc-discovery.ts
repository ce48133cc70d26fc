// An OpenID provider's discovery document, fetched once per process and per issuer; each caller parses it with
// its own schema. A failure (unreachable, an error status, a document without what the caller needs) is not kept:
// the next call tries again. No `server-only`: proxy.ts reads ID-porten's for the CSP, and discovery documents are
// public anyway.
import type { z } from 'zod';

const documents = new Map<string, Promise<unknown>>();

function fetchOnce(url: string, provider: string, timeoutMs: number): Promise<unknown> {
  let document = documents.get(url);
  if (!document) {
    document = fetch(url, { signal: AbortSignal.timeout(timeoutMs) })
      .then((response) => {
        if (!response.ok) throw new Error(`${provider} discovery answered ${response.status}`);
        return response.json() as Promise<unknown>;
      })
      .catch((error: unknown) => {
        documents.delete(url); // try again on the next call rather than keep a failure
        throw error;
      });
    documents.set(url, document);
  }
  return document;
}

export async function discoveryDocument<Schema extends z.ZodType>(
  issuer: string,
  schema: Schema,
  options: { provider: string; timeoutMs: number },
): Promise<z.infer<Schema>> {
  const url = new URL('.well-known/openid-configuration', `${issuer.replace(/\/$/, '')}/`).toString();
  const parsed = schema.safeParse(await fetchOnce(url, options.provider, options.timeoutMs));
  if (!parsed.success) {
    documents.delete(url); // a document without what we need is a failure too: fetch it again next time
    throw parsed.error;
  }
  return parsed.data as z.infer<Schema>;
}

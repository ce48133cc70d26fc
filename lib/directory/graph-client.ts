// The Graph client with our own middleware chain: bearer token → retry → fetch. The SDK's default
// AuthenticationHandler only sends the token to https Graph hosts, which would leave the http stand-in without one.
import 'server-only';
import {
  Client,
  HTTPMessageHandler,
  RetryHandler,
  RetryHandlerOptions,
  type Context,
  type Middleware,
} from '@microsoft/microsoft-graph-client';
import type { AppTokenProvider } from '@/lib/directory/app-token';

// A person is waiting on the page: two retries, and never sleep longer than a few seconds.
const MAX_RETRIES = 2;
const BASE_DELAY_SECONDS = 1;
export const MAX_RETRY_DELAY_SECONDS = 5;

class BearerTokenMiddleware implements Middleware {
  private next: Middleware | undefined;

  constructor(private readonly tokens: AppTokenProvider) {}

  async execute(context: Context): Promise<void> {
    setHeader(context, 'Authorization', `Bearer ${await this.tokens.getToken()}`);
    if (!this.next) throw new Error('BearerTokenMiddleware has no next middleware');
    await this.next.execute(context);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

function setHeader(context: Context, name: string, value: string) {
  if (context.request instanceof Request) {
    context.request.headers.set(name, value);
    return;
  }
  context.options ??= {};
  const headers = context.options.headers;
  if (headers instanceof Headers) headers.set(name, value);
  else if (Array.isArray(headers)) headers.push([name, value]);
  else context.options.headers = { ...(headers ?? {}), [name]: value };
}

function retryAfterSeconds(response: Response): number | null {
  const header = response.headers.get('Retry-After');
  if (header === null) return null;
  const seconds = Number(header);
  return Number.isNaN(seconds) ? (new Date(header).getTime() - Date.now()) / 1000 : seconds;
}

function createRetryOptions(): RetryHandlerOptions {
  // When Graph asks for a longer pause than the person should wait, give up and report instead of retrying early.
  const options = new RetryHandlerOptions(
    BASE_DELAY_SECONDS,
    MAX_RETRIES,
    (_delay, _attempt, _request, _options, response) => {
      const asked = retryAfterSeconds(response);
      return asked === null || asked <= MAX_RETRY_DELAY_SECONDS;
    },
  );
  // The SDK caps computed back-off at 180 s through getMaxDelay(); it copies own properties when it clones options.
  options.getMaxDelay = () => MAX_RETRY_DELAY_SECONDS;
  return options;
}

export function createGraphClient(baseUrl: string, tokens: AppTokenProvider): Client {
  return Client.initWithMiddleware({
    baseUrl,
    defaultVersion: 'v1.0',
    middleware: [new BearerTokenMiddleware(tokens), new RetryHandler(createRetryOptions()), new HTTPMessageHandler()],
  });
}

// A minimal cookie-keeping HTTP client that follows redirects and submits the site's no-JavaScript forms: enough
// for a simulated person to go through login → confirm → reset without a real browser (npm run bench:load).
export class HttpBrowser {
  private readonly jar = new Map<string, Map<string, string>>();
  url = '';

  private cookieHeader(url: URL): string {
    return [...(this.jar.get(url.host) ?? new Map<string, string>())]
      .map(([name, value]) => `${name}=${value}`)
      .join('; ');
  }

  private keep(url: URL, response: Response) {
    const cookies = this.jar.get(url.host) ?? new Map<string, string>();
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index);
      const value = pair.slice(index + 1);
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(line) || value === '') cookies.delete(name);
      else cookies.set(name, value);
    }
    this.jar.set(url.host, cookies);
  }

  /** One request, then every redirect (303/302 become GET); returns the final response's body. */
  async request(
    target: string,
    init: { method?: string; body?: string | FormData | URLSearchParams; headers?: Record<string, string> } = {},
  ): Promise<string> {
    let url = new URL(target, this.url || undefined);
    let method = init.method ?? 'GET';
    let body = init.body;
    for (let hop = 0; hop < 20; hop += 1) {
      const response = await fetch(url, {
        method,
        body,
        redirect: 'manual',
        headers: { ...(init.headers ?? {}), cookie: this.cookieHeader(url), 'accept-language': 'nb' },
      });
      this.keep(url, response);
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        await response.arrayBuffer();
        url = new URL(location, url);
        if (response.status !== 307 && response.status !== 308) {
          method = 'GET';
          body = undefined;
        }
        continue;
      }
      this.url = url.toString();
      const text = await response.text();
      if (response.status >= 400) throw new Error(`${method} ${url.pathname} answered ${response.status}`);
      return text;
    }
    throw new Error('too many redirects');
  }

  /**
   * Submits a server-action form of the current page (no JavaScript) as a browser would: its hidden fields and the
   * checkboxes that are ticked (as the page renders them), plus `fields`.
   */
  async submitAction(html: string, formMarker: string, fields: Record<string, string> = {}): Promise<string> {
    const start = html.indexOf(formMarker);
    if (start < 0) throw new Error(`no form with ${formMarker} on ${this.url}`);
    const formStart = html.lastIndexOf('<form', start);
    const formEnd = html.indexOf('</form>', start);
    const form = html.slice(formStart, formEnd);
    const data = new FormData();
    const sent = (input: string) =>
      /type="hidden"/.test(input) || (/type="checkbox"/.test(input) && /\schecked(?:=""|\s|\/?>)/.test(input));
    for (const match of [...form.matchAll(/<input[^>]*>/g)].filter((input) => sent(input[0]))) {
      const name = /name="([^"]*)"/.exec(match[0])?.[1];
      const value = /value="([^"]*)"/.exec(match[0])?.[1] ?? '';
      if (name) data.append(name, value);
    }
    for (const [name, value] of Object.entries(fields)) data.set(name, value);
    return this.request(this.url, { method: 'POST', body: data, headers: { origin: new URL(this.url).origin } });
  }
}

// Done when 4 (issue 13): with OTEL_EXPORTER_OTLP_ENDPOINT set, one reset is exported as the request's span, its
// Graph calls' and its database statements' spans, tied together by the reset's reference; nothing exported carries
// a national id, a pass, a token, an authorization code or an e-mail address. Without the setting nothing is
// exported (not even to the OTLP default port) and nothing about it is logged.
import { expect, test } from '@playwright/test';
import fixture from '../../dev/graph/fixture.json';
import { NOTICE_SENDER_MAILBOX } from '../../dev/credentials';
import { graphAdmin, passes } from './support/graph-admin';
import { confirmReset, loginFromResetGuide } from './support/login';
import { startOtlpReceiver, type ReceivedSpan } from './support/otlp-receiver';
import { person } from './support/people';
import { startInstance } from './support/instance';
import { E2E_OTLP_PORT } from './support/site-env';

const SERVER = 2;
const REFERENCE = 'tofaktor.reset.reference';

async function waitFor<T>(probe: () => T | undefined, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`no ${what} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

test('one reset: the request, Graph and database spans carry the reference, and nobody', async ({ page }) => {
  const receiver = await startOtlpReceiver(E2E_OTLP_PORT);
  try {
    await graphAdmin.reset();
    const someone = person('trace-flow');
    await loginFromResetGuide(page, someone.nationalId);
    await confirmReset(page);
    await expect(page.getByTestId('outcome-success')).toBeVisible();
    await expect(page.getByTestId('tap-shown')).toBeVisible();
    const reference = new URL(page.url()).searchParams.get('ref') ?? '';
    expect(reference).toMatch(/^[0-9a-f-]{36}$/);
    const pass = passes(await graphAdmin.user(someone.nationalId))[0]?.temporaryAccessPass ?? '';
    expect(pass.length).toBeGreaterThan(5);

    const withReference = (spans: ReceivedSpan[]) => spans.filter((span) => span.attributes[REFERENCE] === reference);
    // The record is the reset's last statement: once its span is in, the reset's spans are.
    await waitFor(
      () =>
        withReference(receiver.spans).find((span) => span.name === 'INSERT reset_records') &&
        receiver.spans.find((span) => span.name === 'reset' && span.attributes[REFERENCE] === reference),
      'span of the reset record',
    );
    const reset = receiver.spans.find((span) => span.name === 'reset' && span.attributes[REFERENCE] === reference)!;
    const graphOperations = withReference(receiver.spans)
      .filter((span) => span.name.startsWith('graph '))
      .map((span) => span.attributes['graph.operation']);
    expect(new Set(graphOperations)).toEqual(
      new Set(['find-accounts', 'list-methods', 'remove-method', 'revoke-sessions', 'create-tap', 'send-mail']),
    );
    const statements = withReference(receiver.spans).filter(
      (span) => span.attributes['db.system.name'] === 'postgresql',
    );
    expect(statements.map((span) => span.name)).toContain('INSERT reset_records');
    expect(statements.map((span) => span.name)).toContain('SELECT reset_records'); // the per-person count
    // Every one of them in the trace of the action's request: a server span for the POST of the confirm page.
    const trace = receiver.spans.filter((span) => span.traceId === reset.traceId);
    const request = trace.find((span) => span.kind === SERVER && span.attributes['http.method'] === 'POST');
    expect(request, 'the request span of the reset').toBeTruthy();
    expect(String(request?.attributes['http.target'])).toMatch(/^\/nb\/nullstill\/bekreft$/);
    for (const span of [...statements, ...withReference(receiver.spans)]) expect(span.traceId).toBe(reset.traceId);
    // Next's own spans of the Graph requests are in the trace too, their URLs cut to path words.
    const graphFetches = trace.filter((span) => span.name.startsWith('fetch ') && span.name.includes(':4020/'));
    expect(graphFetches.length).toBeGreaterThanOrEqual(6);
    expect(graphFetches.map((span) => span.attributes['http.url'])).toContain(
      'http://127.0.0.1:4020/v1.0/users/:id/authentication/methods',
    );

    // Nothing exported, in any span of the whole login and reset, names the person or carries a secret.
    const exported = receiver.bodies.join('\n');
    const account = someone.accounts[0] as { userPrincipalName: string; otherMails?: string[] };
    const forbidden = [
      ...fixture.people.map((candidate) => candidate.nationalId),
      pass,
      account.userPrincipalName,
      ...(account.otherMails ?? []),
      NOTICE_SENDER_MAILBOX,
      encodeURIComponent(NOTICE_SENDER_MAILBOX),
      'Bearer',
      'eyJ', // a JWT: the app token, the ID token
      'code=', // the authorization code on the login callback
      'filter', // Graph's $filter, which holds the national id
      'authjs',
    ];
    for (const secret of forbidden) expect(exported, `exported spans carry ${secret}`).not.toContain(secret);
    // Trace and span ids are hex and may hold eleven digits in a row by chance: names and values only.
    // The reference is a UUID, whose last group can hold eleven digits: it is checked above, not here.
    const texts = receiver.spans.flatMap((span) => [
      span.name,
      ...Object.entries(span.attributes)
        .filter(([name]) => name !== REFERENCE)
        .map(([, value]) => String(value)),
    ]);
    expect(texts.filter((text) => /(?<!\d)\d{11}(?!\d)/.test(text))).toEqual([]);
  } finally {
    await receiver.close();
  }
});

test('without OTEL_EXPORTER_OTLP_ENDPOINT nothing is exported, not even to the default port, and nothing is logged', async () => {
  test.setTimeout(240_000);
  // 4318 is OTLP/HTTP's default port: a library that fell back to its defaults would send here.
  const receiver = await startOtlpReceiver(4318);
  const env = { PGLITE_DIR: './data/e2e-pglite-without-traces', OTEL_BSP_SCHEDULE_DELAY: '100' };
  try {
    // The second start finds its database made, so its log is the one of an ordinary start.
    await (await startInstance(3310, env)).stop();
    const site = await startInstance(3310, env);
    try {
      for (const path of ['/nb', '/nb/nullstill', '/en/reset', '/api/ready', '/nb/finnes-ikke'])
        expect((await fetch(`${site.url}${path}`)).status).toBeLessThan(500);
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(receiver.bodies).toEqual([]);
      expect(receiver.otherRequests).toBe(0);
      const lines = site.output().split('\n').filter(Boolean);
      expect(lines.filter((line) => /opentelemetry|otlp|export|ECONNREFUSED|span/i.test(line))).toEqual([]);
      // pino's JSON lines at error level or above, and anything else the process printed about an error.
      const errors = lines.filter((line) =>
        line.startsWith('{') ? Number((JSON.parse(line) as { level?: unknown }).level) >= 50 : /error|fail/i.test(line),
      );
      expect(errors).toEqual([]);
    } finally {
      await site.stop();
    }
  } finally {
    await receiver.close();
  }
});

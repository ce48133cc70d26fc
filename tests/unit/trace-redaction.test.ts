/** @jest-environment node */
// The last gate before spans leave the process (lib/tracing/redact.ts): URLs lose their query and keep only the
// words of their path, attributes with a telling name go, and national ids, addresses and tokens are scrubbed.
import { SpanKind } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { redactAttributes, redactSpan, redactText } from '@/lib/tracing/redact';

const lookup =
  'http://127.0.0.1:4020/v1.0/users?$filter=employeeId%20eq%20%2704866110781%27&$select=id,mail&$count=true';

describe('trace redaction', () => {
  it("cuts Graph's lookup URL to its path, so the national id in $filter never leaves", () => {
    expect(redactText(lookup)).toBe('http://127.0.0.1:4020/v1.0/users');
    expect(redactText(`fetch GET ${lookup}`)).toBe('fetch GET http://127.0.0.1:4020/v1.0/users');
  });

  it('replaces ids and addresses in paths, keeps the words', () => {
    expect(redactText('http://graph/v1.0/users/tofaktor-noreply%40oslomet.no/sendMail')).toBe(
      'http://graph/v1.0/users/:id/sendMail',
    );
    expect(
      redactText('/v1.0/users/d1d1d1d1-0000-4000-8000-000000000108/authentication/microsoftAuthenticatorMethods/a1b2'),
    ).toBe('/v1.0/users/:id/authentication/microsoftAuthenticatorMethods/:id');
    expect(redactText('/api/auth/callback/idporten?code=abc&state=def&iss=x')).toBe('/api/auth/callback/idporten');
    expect(redactText('POST /[locale]/reset/confirm')).toBe('POST /[locale]/reset/confirm');
  });

  it('scrubs national ids, e-mail addresses and tokens from free text', () => {
    const text = redactText('kari@example.com had 04866110781 and Bearer abc.def, eyJhbGciOi.eyJzdWIi.sig');
    expect(text).not.toMatch(/kari|04866110781|abc\.def|eyJ/);
  });

  it('drops attributes whose name says what they hold, and redacts the rest', () => {
    expect(
      redactAttributes({
        'http.url': lookup,
        'http.method': 'GET',
        'http.status_code': 200,
        'enduser.id': 'kari',
        'http.request.header.authorization': 'Bearer x',
        'db.query.text': "select * from users where pid = '04866110781'",
        mail: 'kari@example.com',
        pid: '04866110781',
        'tofaktor.reset.reference': 'f3b1c1de-6b7e-4c39-9d5c-1f1e2d3c4b5a',
        'some.number': 4866110781,
      }),
    ).toEqual({
      'http.url': 'http://127.0.0.1:4020/v1.0/users',
      'http.method': 'GET',
      'http.status_code': 200,
      'tofaktor.reset.reference': 'f3b1c1de-6b7e-4c39-9d5c-1f1e2d3c4b5a',
      'some.number': 4866110781,
    });
  });

  it('keeps the reference whole, even when its last group looks like a national id', () => {
    const reference = 'f3b1c1de-6b7e-4c39-9d5c-04866110781a';
    expect(redactAttributes({ 'tofaktor.reset.reference': reference })).toEqual({
      'tofaktor.reset.reference': reference,
    });
    expect(redactAttributes({ 'tofaktor.reset.reference': 'x 04866110781' })).toEqual({
      'tofaktor.reset.reference': 'x [11 digits]',
    });
  });

  it('redacts a whole span: name, attributes, events and status', () => {
    const span = {
      name: `fetch GET ${lookup}`,
      kind: SpanKind.CLIENT,
      spanContext: () => ({ traceId: 'a'.repeat(32), spanId: 'b'.repeat(16), traceFlags: 1 }),
      startTime: [0, 0],
      endTime: [0, 1],
      status: { code: 2, message: 'failed for kari@example.com' },
      attributes: { 'http.url': lookup },
      links: [],
      events: [{ name: 'exception', time: [0, 0], attributes: { 'exception.message': `GET ${lookup} failed` } }],
      duration: [0, 1],
      ended: true,
      resource: {},
      instrumentationScope: { name: 'next.js' },
      droppedAttributesCount: 0,
      droppedEventsCount: 0,
      droppedLinksCount: 0,
    } as unknown as ReadableSpan;
    const clean = JSON.stringify({ ...redactSpan(span), spanContext: undefined });
    expect(clean).not.toMatch(/04866110781|filter|kari/);
    expect(redactSpan(span).spanContext().spanId).toBe('b'.repeat(16));
  });
});

/** @jest-environment node */
import { ConfigError, formatProblems, parse } from '@/lib/config';

const validEnv = {
  APP_ORIGIN: 'http://localhost:3000',
  AUTH_SECRET: 'local-auth-secret-for-the-stand-ins-only-0123456789',
  IDPORTEN_ISSUER: 'http://127.0.0.1:4010',
  IDPORTEN_CLIENT_ID: 'tofaktor-local',
  IDPORTEN_CLIENT_SECRET: 'local-idporten-secret-not-for-production',
  ENTRA_TENANT_ID: '11111111-2222-3333-4444-555555555555',
  ENTRA_CLIENT_ID: '22222222-3333-4444-5555-666666666666',
  ENTRA_CLIENT_SECRET: 'local-graph-secret-not-for-production',
  ENTRA_AUTHORITY_HOST: 'http://127.0.0.1:4020',
  GRAPH_BASE_URL: 'http://127.0.0.1:4020/',
  RECORDS_HMAC_KEY: 'local-records-hmac-key-for-the-stand-ins-only-0123',
};

function problemsOf(env: Record<string, string | undefined>): string[] {
  const result = parse('full', env);
  if (result.ok) throw new Error('expected the configuration to be refused');
  return result.problems;
}

describe('parse (full)', () => {
  it('accepts a valid environment and fills in the safe defaults', () => {
    const result = parse('full', validEnv);
    if (!result.ok) throw new Error(result.problems.join('\n'));
    const { config } = result;
    expect(config.appOrigin).toBe('http://localhost:3000');
    expect(config.idporten).toMatchObject({
      issuer: 'http://127.0.0.1:4010',
      acr: 'idporten-loa-substantial',
      scopes: ['openid'],
    });
    expect(config.entra.credential).toEqual({ kind: 'secret', secret: validEnv.ENTRA_CLIENT_SECRET });
    expect(config.graph).toEqual({ baseUrl: 'http://127.0.0.1:4020', nationalIdAttribute: 'employeeId' });
    expect(config.reset).toEqual({
      methodTypes: ['microsoftAuthenticator', 'microsoftAuthenticatorPasskey', 'softwareOath', 'phone'],
      maxLoginAgeSeconds: 600,
      limitPerPerson: 3,
      limitPerAddress: 20,
    });
    expect(config.records).toEqual({
      databaseUrl: undefined,
      pgliteDir: './data/pglite',
      hmacKey: validEnv.RECORDS_HMAC_KEY,
    });
    expect(config.session.maxIdleSeconds).toBe(1800);
    expect(config.serviceDeskUrl).toBe('https://www.oslomet.no/');
  });

  it('accepts the real services over https, a private key and a certificate', () => {
    const result = parse('full', {
      ...validEnv,
      APP_ORIGIN: 'https://tofaktor.oslomet.no',
      IDPORTEN_ISSUER: 'https://idporten.no/',
      IDPORTEN_CLIENT_SECRET: '',
      IDPORTEN_PRIVATE_JWK: JSON.stringify({ kty: 'RSA', n: 'x', e: 'AQAB', d: 'y' }),
      IDPORTEN_ACR: 'idporten-loa-high',
      IDPORTEN_SCOPES: 'openid profile',
      ENTRA_CLIENT_SECRET: undefined,
      ENTRA_CERTIFICATE_PATH: '/run/secrets/entra.pem',
      ENTRA_CERTIFICATE_THUMBPRINT: 'AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01',
      ENTRA_AUTHORITY_HOST: 'https://login.microsoftonline.com',
      GRAPH_BASE_URL: 'https://graph.microsoft.com',
      GRAPH_NATIONAL_ID_ATTRIBUTE: 'extension_0123456789abcdef0123456789abcdef_nationalId',
      RESET_METHOD_TYPES: 'microsoftAuthenticator',
      DATABASE_URL: 'postgres://tofaktor@db.internal:5432/tofaktor',
    });
    if (!result.ok) throw new Error(result.problems.join('\n'));
    expect(result.config.idporten.scopes).toEqual(['openid', 'profile']);
    expect(result.config.entra.credential).toEqual({
      kind: 'certificate',
      path: '/run/secrets/entra.pem',
      thumbprint: 'abcdef0123456789abcdef0123456789abcdef01',
    });
    expect(result.config.reset.methodTypes).toEqual(['microsoftAuthenticator']);
  });

  it('requires APP_ORIGIN instead of assuming localhost', () => {
    expect(problemsOf({ ...validEnv, APP_ORIGIN: undefined })).toEqual(['APP_ORIGIN: is required']);
  });

  it('names each bad variable once, with what is wrong', () => {
    const problems = problemsOf({
      AUTH_SECRET: 'too-short',
      APP_ORIGIN: 'https://tofaktor.oslomet.no/nb',
      IDPORTEN_ISSUER: 'http://idporten.no',
      IDPORTEN_SCOPES: 'profile',
      IDPORTEN_ACR: 'Level4',
      ENTRA_TENANT_ID: 'oslomet',
      ENTRA_CLIENT_ID: '22222222-3333-4444-5555-666666666666',
      ENTRA_AUTHORITY_HOST: 'not a url',
      GRAPH_BASE_URL: 'http://graph.microsoft.com',
      GRAPH_NATIONAL_ID_ATTRIBUTE: "employeeId eq '1' or true",
      RESET_METHOD_TYPES: 'microsoftAuthenticator,sms',
      RESET_LIMIT_PER_PERSON: 'three',
      SESSION_MAX_IDLE_SECONDS: '7200',
      DATABASE_URL: 'mysql://db/records',
      RECORDS_HMAC_KEY: 'short',
      LOG_LEVEL: 'loud',
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        'AUTH_SECRET: must be at least 32 characters',
        'APP_ORIGIN: must be an origin (scheme, host and port only)',
        'IDPORTEN_ISSUER: must use https (http is only allowed for localhost or 127.0.0.1)',
        'IDPORTEN_CLIENT_ID: is required',
        'IDPORTEN_CLIENT_SECRET: set either IDPORTEN_CLIENT_SECRET or IDPORTEN_PRIVATE_JWK',
        'IDPORTEN_SCOPES: must contain openid',
        'ENTRA_TENANT_ID: must be a GUID',
        'ENTRA_CLIENT_SECRET: set ENTRA_CLIENT_SECRET or ENTRA_CERTIFICATE_PATH + ENTRA_CERTIFICATE_THUMBPRINT',
        'ENTRA_AUTHORITY_HOST: must be a URL',
        'GRAPH_BASE_URL: must use https (http is only allowed for localhost or 127.0.0.1)',
        'RESET_METHOD_TYPES: must list only microsoftAuthenticator, microsoftAuthenticatorPasskey, softwareOath, phone',
        'RESET_LIMIT_PER_PERSON: must be a whole number',
        'SESSION_MAX_IDLE_SECONDS: must be at most 1800',
        'DATABASE_URL: must be a postgres:// URL',
        'RECORDS_HMAC_KEY: must be at least 32 characters',
      ]),
    );
    for (const variable of ['IDPORTEN_ACR', 'GRAPH_NATIONAL_ID_ATTRIBUTE', 'LOG_LEVEL']) {
      expect(problems.some((problem) => problem.startsWith(`${variable}: `))).toBe(true);
    }
    const variables = problems.map((problem) => problem.split(':')[0]);
    expect(new Set(variables).size).toBe(variables.length);
    expect(variables).toHaveLength(18);
    expect(variables).not.toContain('ENTRA_CLIENT_ID');
  });

  it('refuses both ID-porten credentials at once, and half a certificate pair', () => {
    expect(problemsOf({ ...validEnv, IDPORTEN_PRIVATE_JWK: '{"kty":"RSA","d":"x"}' })).toEqual([
      'IDPORTEN_PRIVATE_JWK: set either IDPORTEN_CLIENT_SECRET or IDPORTEN_PRIVATE_JWK, not both',
    ]);
    expect(
      problemsOf({ ...validEnv, ENTRA_CLIENT_SECRET: undefined, ENTRA_CERTIFICATE_PATH: '/run/secrets/entra.pem' }),
    ).toEqual(['ENTRA_CERTIFICATE_THUMBPRINT: is required with ENTRA_CERTIFICATE_PATH']);
  });

  it('never repeats a secret value in a problem', () => {
    const jwk = 'not-json-but-secret-material';
    const problems = problemsOf({
      ...validEnv,
      IDPORTEN_CLIENT_SECRET: undefined,
      IDPORTEN_PRIVATE_JWK: jwk,
      AUTH_SECRET: 'secret-xyz',
    });
    expect(problems.join('\n')).not.toContain(jwk);
    expect(problems.join('\n')).not.toContain('secret-xyz');
  });

  it('formats one block for start-up', () => {
    const error = new ConfigError(['A: is required', 'B: must be a URL']);
    expect(error.message).toBe('Invalid configuration:\n  - A: is required\n  - B: must be a URL');
    expect(formatProblems(['A: is required'])).toBe('Invalid configuration:\n  - A: is required');
  });
});

describe('guide settings', () => {
  it('defaults the reset address to tofaktor.oslomet.no and leaves every other guide fact unset', () => {
    const result = parse('full', validEnv);
    if (!result.ok) throw new Error(result.problems.join('\n'));
    expect(result.config.guides).toEqual({
      resetAddress: 'https://tofaktor.oslomet.no',
      videoGuideUrl: undefined,
      serviceDeskVisitingAddress: undefined,
      serviceDeskOpeningHours: undefined,
      accessibilityFeedbackUrl: undefined,
      uustatusUrl: undefined,
    });
  });

  it('takes the links and texts an operator sets, with mailto: allowed for the accessibility contact', () => {
    const result = parse('full', {
      ...validEnv,
      RESET_ADDRESS: 'https://tofaktor.example.org/',
      VIDEO_GUIDE_URL: 'https://video.example.org/tofaktor',
      SERVICE_DESK_VISITING_ADDRESS: ' Building X, room 1 ',
      SERVICE_DESK_OPENING_HOURS: '08–16',
      ACCESSIBILITY_FEEDBACK_URL: 'mailto:uu@example.org',
      UUSTATUS_URL: 'https://uustatus.no/nn/erklaringar/publisert/example',
    });
    if (!result.ok) throw new Error(result.problems.join('\n'));
    expect(result.config.guides).toEqual({
      resetAddress: 'https://tofaktor.example.org',
      videoGuideUrl: 'https://video.example.org/tofaktor',
      serviceDeskVisitingAddress: 'Building X, room 1',
      serviceDeskOpeningHours: '08–16',
      accessibilityFeedbackUrl: 'mailto:uu@example.org',
      uustatusUrl: 'https://uustatus.no/nn/erklaringar/publisert/example',
    });
  });

  it('names each malformed guide link', () => {
    expect(
      problemsOf({
        ...validEnv,
        VIDEO_GUIDE_URL: 'http://video.example.org/',
        ACCESSIBILITY_FEEDBACK_URL: 'javascript:alert(1)',
        UUSTATUS_URL: 'not a url',
        RESET_ADDRESS: 'ftp://tofaktor.example.org',
      }),
    ).toEqual([
      'RESET_ADDRESS: must use https (http is only allowed for localhost or 127.0.0.1)',
      'VIDEO_GUIDE_URL: must be an https URL',
      'ACCESSIBILITY_FEEDBACK_URL: must be an https: or mailto: URL',
      'UUSTATUS_URL: must be an https URL',
    ]);
  });
});

describe('metrics and traces settings', () => {
  it('leaves both off by default, the metrics listener on loopback when switched on', () => {
    const off = parse('full', validEnv);
    if (!off.ok) throw new Error(off.problems.join('\n'));
    expect(off.config.metrics).toEqual({ port: undefined, host: '127.0.0.1', token: undefined });
    expect(off.config.traces).toEqual({ endpoint: undefined, serviceName: 'tofaktor', guideRatio: 0.01 });
    const on = parse('full', {
      ...validEnv,
      METRICS_PORT: '9464',
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318/',
    });
    if (!on.ok) throw new Error(on.problems.join('\n'));
    expect(on.config.metrics).toEqual({ port: 9464, host: '127.0.0.1', token: undefined });
    expect(on.config.traces.endpoint).toBe('http://127.0.0.1:4318');
  });

  it('takes a share of guide views to trace from 0 to 1', () => {
    const all = parse('full', { ...validEnv, OTEL_TRACES_GUIDE_RATIO: '1' });
    if (!all.ok) throw new Error(all.problems.join('\n'));
    expect(all.config.traces.guideRatio).toBe(1);
    expect(problemsOf({ ...validEnv, OTEL_TRACES_GUIDE_RATIO: '2' })).toEqual([
      'OTEL_TRACES_GUIDE_RATIO: must be a number from 0 to 1',
    ]);
    expect(problemsOf({ ...validEnv, OTEL_TRACES_GUIDE_RATIO: 'half' })).toEqual([
      'OTEL_TRACES_GUIDE_RATIO: must be a number from 0 to 1',
    ]);
  });

  it('wants a token when the metrics listener is reachable from the network, and a collector on https', () => {
    expect(problemsOf({ ...validEnv, METRICS_PORT: '9464', METRICS_HOST: '0.0.0.0' })).toEqual([
      'METRICS_TOKEN: is required when METRICS_HOST is not a loopback address',
    ]);
    expect(
      parse('full', { ...validEnv, METRICS_PORT: '9464', METRICS_HOST: '0.0.0.0', METRICS_TOKEN: 'x'.repeat(32) }).ok,
    ).toBe(true);
    expect(
      problemsOf({
        ...validEnv,
        METRICS_PORT: '70000',
        METRICS_HOST: 'metrics.example.org',
        METRICS_TOKEN: 'short',
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector.example.org:4318',
        OTEL_SERVICE_NAME: 'tofaktor prod',
      }),
    ).toEqual([
      'METRICS_PORT: must be a port number',
      'METRICS_HOST: must be an IP address (127.0.0.1, ::1, 0.0.0.0, ...)',
      'METRICS_TOKEN: must be at least 32 characters',
      'OTEL_EXPORTER_OTLP_ENDPOINT: must use https (http is only allowed for localhost or 127.0.0.1)',
      'OTEL_SERVICE_NAME: must be 1-64 letters, digits, dots, dashes or underscores',
    ]);
  });
});

/** @jest-environment node */
// What lib/log.ts really writes: a child node process imports it (as the server does, with the react-server
// condition) and logs to its stdout, which is read back line by line. No national id may get through.
import { spawnSync } from 'node:child_process';

const ID = '01819012365';
const OTHER_ID = '12345678901';

/** Runs `body` (an ES module with `logger`, `securityEvent` and `ID` in scope) and returns the parsed log lines. */
function logLines(body: string): Record<string, unknown>[] {
  // tsx loads lib/log.ts as CommonJS here, so its exports may arrive under `default`.
  const code = `const loaded = await import(${JSON.stringify(`${process.cwd()}/lib/log.ts`)});
const { logger, securityEvent } = 'securityEvent' in loaded ? loaded : loaded.default;
const ID = ${JSON.stringify(ID)};
const OTHER_ID = ${JSON.stringify(OTHER_ID)};
${body}`;
  const child = spawnSync(
    process.execPath,
    ['--conditions=react-server', '--import', 'tsx', '--input-type=module', '--eval', code],
    {
      cwd: process.cwd(),
      env: { ...process.env, LOG_LEVEL: 'info', NODE_OPTIONS: '' },
      encoding: 'utf8',
      timeout: 30_000,
    },
  );
  if (child.status !== 0) throw new Error(`logging child failed (${child.status}):\n${child.stderr}`);
  const lines = child.stdout.split('\n').filter(Boolean);
  return lines.map((line) => JSON.parse(line) as Record<string, unknown>);
}

function expectNoNationalId(lines: Record<string, unknown>[], count: number) {
  expect(lines).toHaveLength(count);
  for (const line of lines) {
    const text = JSON.stringify(line);
    expect(text).not.toContain(ID);
    expect(text).not.toContain(OTHER_ID);
    expect(text).not.toContain(ID.slice(1)); // the same number with its leading zero lost
  }
}

describe('logging never writes a national id', () => {
  // One child process for the whole suite: each case is one log line, looked up by its event or message.
  let lines: Record<string, unknown>[];
  const line = (name: string) => {
    const found = lines.find((candidate) => candidate.event === name || candidate.msg === name);
    if (!found) throw new Error(`no log line for ${name}`);
    return found;
  };

  beforeAll(() => {
    lines = logLines(`
securityEvent('flat', { pid: ID, nationalId: ID, national_id: OTHER_ID });
securityEvent('list', { ids: [ID, 'ok'] });
securityEvent('text', { reason: 'lookup for ' + ID + ' failed' });
logger.info({ pid: ID, nationalId: ID }, 'logger-flat');
logger.info({ person: { pid: ID } }, 'nested-one');
logger.info({ request: { person: { nationalId: ID, note: 'id ' + OTHER_ID } } }, 'nested-deep');
logger.info({ people: [{ pid: ID }, { text: OTHER_ID }] }, 'nested-array');
logger.info({ pid: Number(OTHER_ID), other: Number(OTHER_ID) }, 'numbers');
logger.info('message ' + ID);
logger.info({}, 'interpolated %s and %j', ID, { pid: OTHER_ID });
logger.error({ err: new Error('no account for ' + ID) }, 'error-field');
logger.error(Object.assign(new Error('lookup ' + OTHER_ID + ' failed'), { pid: ID }));
securityEvent('kept', { requestId: 'req-1', accountId: 'acc-1', count: 3, authTime: 1772366400 });
`);
  }, 60_000);

  it('writes every line, and nothing with the id in it', () => {
    expectNoNationalId(lines, 13);
  });

  it('redacts fields named pid or nationalId, at the top level and nested at any depth', () => {
    expect(line('flat')).toMatchObject({ pid: '[redacted]', nationalId: '[redacted]', national_id: '[redacted]' });
    expect(line('logger-flat')).toMatchObject({ pid: '[redacted]', nationalId: '[redacted]' });
    expect(line('nested-one')).toMatchObject({ person: { pid: '[redacted]' } });
    expect(line('nested-deep')).toMatchObject({
      request: { person: { nationalId: '[redacted]', note: 'id [11 digits redacted]' } },
    });
    expect(line('nested-array')).toMatchObject({ people: [{ pid: '[redacted]' }, { text: '[11 digits redacted]' }] });
    expect(line('numbers')).toMatchObject({ pid: '[redacted]', other: '[11 digits redacted]' });
  });

  it('scrubs the id from strings in security events, lists included', () => {
    expect(line('list')).toMatchObject({ security: true, ids: ['[11 digits redacted]', 'ok'] });
    expect(line('text')).toMatchObject({ reason: 'lookup for [11 digits redacted] failed' });
  });

  it('scrubs the id from message strings, interpolated values and errors', () => {
    expect(line('message [11 digits redacted]')).toBeDefined();
    expect(line('interpolated [11 digits redacted] and {"pid":"[redacted]"}')).toBeDefined();
    expect(line('error-field').err).toMatchObject({ type: 'Error', message: 'no account for [11 digits redacted]' });
    const thrown = line('lookup [11 digits redacted] failed');
    expect(thrown.err).toMatchObject({
      type: 'Error',
      message: 'lookup [11 digits redacted] failed',
      pid: '[redacted]',
    });
    expect(String((thrown.err as { stack?: string }).stack)).toContain('lookup [11 digits redacted] failed');
  });

  it('leaves ordinary fields alone', () => {
    expect(line('kept')).toMatchObject({
      service: 'tofaktor',
      security: true,
      event: 'kept',
      requestId: 'req-1',
      accountId: 'acc-1',
      count: 3,
      authTime: 1772366400,
    });
  });
});

// Readiness: may this instance take traffic? Configuration valid, not shutting down, database reachable and its
// schema current. Each check says what it found in words an operator can act on, never a value, secret or
// connection string.
import 'server-only';
import { parseEnvironment } from '@/lib/config';
import { lifecycle } from '@/lib/lifecycle';
import { errorCode, ping, schemaStatus } from '@/lib/records/database';
import { getRecordsDatabase } from '@/lib/wiring/root';

export type Check = { ok: boolean; message: string };
export type Readiness = { ready: boolean; checks: Record<'configuration' | 'shutdown' | 'database' | 'schema', Check> };

const CHECK_TIMEOUT_MS = 3_000;

function withTimeout<T>(promise: Promise<T>): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })), CHECK_TIMEOUT_MS).unref(),
    ),
  ]);
}

export async function checkReadiness(): Promise<Readiness> {
  const parsed = parseEnvironment('full');
  const configuration: Check = parsed.ok
    ? { ok: true, message: 'valid' }
    : { ok: false, message: `invalid: ${parsed.problems.map((problem) => problem.split(':')[0]).join(', ')}` };
  const shutdown: Check = lifecycle().draining
    ? { ok: false, message: 'shutting down' }
    : { ok: true, message: 'running' };

  let database: Check = { ok: false, message: 'not checked: configuration invalid' };
  let schema: Check = { ok: false, message: 'not checked: database unavailable' };
  if (parsed.ok) {
    try {
      const { db, backend } = await withTimeout(getRecordsDatabase(parsed.config.records));
      await withTimeout(ping(db));
      database = { ok: true, message: `reachable (${backend === 'postgres' ? 'PostgreSQL' : 'embedded PGlite'})` };
      const status = await withTimeout(schemaStatus(db));
      schema = status.current
        ? { ok: true, message: 'current' }
        : { ok: false, message: `not current, run \`npm run db:migrate\`: missing ${status.missing.join(', ')}` };
    } catch (error) {
      database = { ok: false, message: `unreachable (${errorCode(error)})` };
    }
  }
  const checks = { configuration, shutdown, database, schema };
  return { ready: Object.values(checks).every((check) => check.ok), checks };
}

// Recovery of attempts whose instance died between their intent and their record (lib/reset/recovery.ts), run once
// at start and then every RECOVERY_INTERVAL_SECONDS. On PostgreSQL the runs of all instances take one advisory lock,
// so one instance at a time reconciles; on PGlite there is one instance anyway.
import 'server-only';
import { getConfig } from '@/lib/config';
import { onShutdown } from '@/lib/lifecycle';
import { logger } from '@/lib/log';
import { errorCode } from '@/lib/records/database';
import { recoverInterruptedAttempts, type RecoveryReport } from '@/lib/reset/recovery';
import { getInfrastructure, getRecordsDatabase } from './root';
import { noticeSettings } from './self-service';

/** Advisory-lock key of the recovery runs (any constant no other lock of this site uses). */
export const RECOVERY_LOCK_KEY = 0x7466_7265_636fn; // "tfreco"

async function recoverOnce(): Promise<RecoveryReport> {
  const config = getConfig();
  const [database, infrastructure] = await Promise.all([getRecordsDatabase(), getInfrastructure()]);
  const run = () =>
    recoverInterruptedAttempts(infrastructure, {
      afterSeconds: config.recovery.afterSeconds,
      notice: noticeSettings(),
    });
  return database.withAdvisoryLock ? database.withAdvisoryLock(RECOVERY_LOCK_KEY, run) : run();
}

/** Starts the runs; the timer never keeps the process alive and stops at shutdown. */
export function startRecovery(): void {
  let running = false;
  const tick = async () => {
    if (running) return; // a slow run (Graph slow, a long backlog) is not joined by the next one
    running = true;
    try {
      const report = await recoverOnce();
      if (report.recovered > 0 || report.failed > 0)
        logger.warn(
          { event: 'recovery.run', ...report },
          `recovery: ${report.recovered} interrupted attempts completed`,
        );
    } catch (error) {
      // The database is away: readiness says so, and the next run tries again.
      logger.warn({ event: 'recovery.unavailable', reason: errorCode(error) }, 'recovery: records unreachable');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), getConfig().recovery.intervalSeconds * 1000);
  timer.unref();
  onShutdown(async () => clearInterval(timer));
  void tick();
}

// Per-client-address limit on reset attempts: a speed bump against one address hammering the action. Shared by
// every instance through the records database (rate-limiter-flexible's Drizzle store, on PostgreSQL or PGlite),
// with an in-memory insurance limiter that takes over, per process, while the database is unavailable.
import { RateLimiterDrizzle, RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { RecordsDatabase } from '@/lib/records/database';
import { countRateLimitHit } from '@/lib/metrics/metrics';
import { addressLimits } from '@/lib/records/address-limits';

export interface AddressLimiter {
  /**
   * Uses up one attempt (the confirm page's preview and the reset action each use one). null when the address
   * may go on; otherwise when it may try again (ISO).
   */
  consume(address: string): Promise<string | null>;
}

const WINDOW_SECONDS = 60 * 60;

/** In this process only: tests, and the insurance of the shared one. */
export function createAddressLimiter(attemptsPerHour: number, now: () => number = Date.now): AddressLimiter {
  return limiterOver(new RateLimiterMemory({ points: attemptsPerHour, duration: WINDOW_SECONDS }), now);
}

/** Shared through the database; falls back to an in-memory count in this process when the database errors. */
export function createSharedAddressLimiter(
  db: RecordsDatabase,
  attemptsPerHour: number,
  now: () => number = Date.now,
): AddressLimiter {
  const limiter = new RateLimiterDrizzle({
    storeClient: db,
    schema: addressLimits,
    keyPrefix: 'reset-address',
    points: attemptsPerHour,
    duration: WINDOW_SECONDS,
    insuranceLimiter: new RateLimiterMemory({ points: attemptsPerHour, duration: WINDOW_SECONDS }),
  });
  return limiterOver(limiter, now);
}

function limiterOver(limiter: RateLimiterAbstract, now: () => number): AddressLimiter {
  const key = (address: string) => address || 'unknown';
  const retryAt = (result: RateLimiterRes) => new Date(now() + result.msBeforeNext).toISOString();

  return {
    async consume(address) {
      try {
        await limiter.consume(key(address));
        return null;
      } catch (error) {
        if (error instanceof RateLimiterRes) {
          countRateLimitHit('address');
          return retryAt(error);
        }
        throw error;
      }
    },
  };
}

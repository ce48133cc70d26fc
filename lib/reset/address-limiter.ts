// Per-client-address limit on reset attempts, in memory: a speed bump against one address hammering the action.
// It is per process and resets on restart; the per-person limit lives in the records database.
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

export interface AddressLimiter {
  /**
   * Uses up one attempt (the confirm page's preview and the reset action each use one). null when the address
   * may go on; otherwise when it may try again (ISO).
   */
  consume(address: string): Promise<string | null>;
}

const WINDOW_SECONDS = 60 * 60;

export function createAddressLimiter(attemptsPerHour: number, now: () => number = Date.now): AddressLimiter {
  const limiter = new RateLimiterMemory({ points: attemptsPerHour, duration: WINDOW_SECONDS });
  const key = (address: string) => address || 'unknown';
  const retryAt = (result: RateLimiterRes) => new Date(now() + result.msBeforeNext).toISOString();

  return {
    async consume(address) {
      try {
        await limiter.consume(key(address));
        return null;
      } catch (error) {
        if (error instanceof RateLimiterRes) return retryAt(error);
        throw error;
      }
    },
  };
}

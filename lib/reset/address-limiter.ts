// Per-client-address limit on reset attempts, in memory: a speed bump against one address hammering the action.
// It is per process and resets on restart; the per-person limit lives in the records database.
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

export interface AddressLimiter {
  /** null when the address may go on; otherwise when it may try again (ISO). Does not use up an attempt. */
  check(address: string): Promise<string | null>;
  /** Uses up one attempt; same answer as check. */
  consume(address: string): Promise<string | null>;
}

const WINDOW_SECONDS = 60 * 60;

export function createAddressLimiter(attemptsPerHour: number, now: () => number = Date.now): AddressLimiter {
  const limiter = new RateLimiterMemory({ points: attemptsPerHour, duration: WINDOW_SECONDS });
  const key = (address: string) => address || 'unknown';
  const retryAt = (result: RateLimiterRes) => new Date(now() + result.msBeforeNext).toISOString();

  return {
    async check(address) {
      const state = await limiter.get(key(address));
      return state && state.consumedPoints >= attemptsPerHour ? retryAt(state) : null;
    },
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

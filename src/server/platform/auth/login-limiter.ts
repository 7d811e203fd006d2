import type { Redis } from 'ioredis';
import type { Clock } from '../clock.ts';

// Wrong passwords are counted per account and per address; after MAX_FAILURES within the window
// further attempts are refused with 429 until the window ends, whatever the password.
export const MAX_FAILURES = 10;
export const WINDOW_MS = 15 * 60 * 1000;

export type FailureCounter = {
  /** Milliseconds until attempts are allowed again, or 0 when they are allowed now. */
  blockedFor(key: string): Promise<number>;
  recordFailure(key: string): Promise<void>;
  reset(key: string): Promise<void>;
};

export const memoryFailureCounter = (clock: Clock): FailureCounter => {
  const counts = new Map<string, { failures: number; windowEnds: number }>();
  const current = (key: string) => {
    const entry = counts.get(key);
    if (entry && entry.windowEnds <= clock.now().getTime()) {
      counts.delete(key);
      return undefined;
    }
    return entry;
  };
  return {
    blockedFor: async (key) => {
      const entry = current(key);
      return entry && entry.failures >= MAX_FAILURES ? entry.windowEnds - clock.now().getTime() : 0;
    },
    recordFailure: async (key) => {
      const entry = current(key) ?? { failures: 0, windowEnds: clock.now().getTime() + WINDOW_MS };
      entry.failures += 1;
      counts.set(key, entry);
    },
    reset: async (key) => {
      counts.delete(key);
    },
  };
};

/** Shared between nodes through Redis, so a second node does not grant ten more guesses. */
export const redisFailureCounter = (redis: Redis, prefix = 'kelisim:login-failures:'): FailureCounter => ({
  blockedFor: async (key) => {
    const [failures, ttl] = await Promise.all([redis.get(prefix + key), redis.pttl(prefix + key)]);
    return Number(failures ?? 0) >= MAX_FAILURES && ttl > 0 ? ttl : 0;
  },
  recordFailure: async (key) => {
    await redis
      .multi()
      .set(prefix + key, 0, 'PX', WINDOW_MS, 'NX')
      .incr(prefix + key)
      .exec();
  },
  reset: async (key) => {
    await redis.del(prefix + key);
  },
});

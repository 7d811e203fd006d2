import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_FAILURES, redisFailureCounter, WINDOW_MS } from './login-limiter.ts';

// Two app nodes share one counter through the real Redis: a second node must not grant ten more
// guesses. (Redis availability itself is asserted, CI-fatally, by the bus suite.)
const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: 1 });
afterAll(() => redis.quit());

describe('login failure counter on Redis', () => {
  it('counts failures from two nodes together and blocks for the rest of the window', async () => {
    const prefix = `kelisim-test:${randomUUID()}:`;
    const nodeA = redisFailureCounter(redis, prefix);
    const nodeB = redisFailureCounter(redis, prefix);
    for (let i = 0; i < MAX_FAILURES; i++)
      await (i % 2 ? nodeA : nodeB).recordFailure('asel@example.kz|10.0.0.1');
    const blocked = await nodeA.blockedFor('asel@example.kz|10.0.0.1');
    expect(blocked).toBeGreaterThan(WINDOW_MS - 60_000);
    expect(blocked).toBeLessThanOrEqual(WINDOW_MS);
    expect(await nodeB.blockedFor('other@example.kz|10.0.0.1')).toBe(0);
    await nodeB.reset('asel@example.kz|10.0.0.1');
    expect(await nodeA.blockedFor('asel@example.kz|10.0.0.1')).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { manualClock } from '../clock.ts';
import { MAX_FAILURES, memoryFailureCounter, WINDOW_MS } from './login-limiter.ts';

describe('login failure counter', () => {
  it('blocks after the tenth failure until the window ends, then allows again', async () => {
    const clock = manualClock();
    const counter = memoryFailureCounter(clock);
    for (let i = 0; i < MAX_FAILURES - 1; i++) await counter.recordFailure('a@example.kz');
    expect(await counter.blockedFor('a@example.kz')).toBe(0);
    await counter.recordFailure('a@example.kz');
    expect(await counter.blockedFor('a@example.kz')).toBe(WINDOW_MS);
    expect(await counter.blockedFor('b@example.kz')).toBe(0);
    clock.advance(WINDOW_MS);
    expect(await counter.blockedFor('a@example.kz')).toBe(0);
  });

  it('a successful login resets the count', async () => {
    const counter = memoryFailureCounter(manualClock());
    for (let i = 0; i < MAX_FAILURES; i++) await counter.recordFailure('k');
    await counter.reset('k');
    expect(await counter.blockedFor('k')).toBe(0);
  });
});

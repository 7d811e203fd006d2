import { describe, expect, it } from 'vitest';
import { forgetIdempotencyKey, idempotencyKey, newUuid } from './idempotency.ts';

const store = () => {
  const map = new Map<string, string>();
  return {
    getItem: (key: string) => map.get(key) ?? null,
    setItem: (key: string, value: string) => void map.set(key, value),
    removeItem: (key: string) => void map.delete(key),
  };
};

describe('idempotency keys', () => {
  it('are UUIDs', () => {
    expect(newUuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('a retry before the answer arrived sends the same key and says so', () => {
    const s = store();
    const first = idempotencyKey('new-case', s);
    expect(first.reused).toBe(false);
    const retry = idempotencyKey('new-case', s);
    expect(retry).toEqual({ key: first.key, reused: true });
  });

  it('after a success the next create gets a new key; scopes do not share keys', () => {
    const s = store();
    const first = idempotencyKey('new-case', s);
    const other = idempotencyKey('court-referral', s);
    expect(other.key).not.toBe(first.key);
    forgetIdempotencyKey('new-case', s);
    const next = idempotencyKey('new-case', s);
    expect(next.reused).toBe(false);
    expect(next.key).not.toBe(first.key);
    expect(idempotencyKey('court-referral', s).key).toBe(other.key);
  });

  it('works without any storage (falls back to memory)', () => {
    const first = idempotencyKey('memory-scope');
    expect(idempotencyKey('memory-scope')).toEqual({ key: first.key, reused: true });
    forgetIdempotencyKey('memory-scope');
    expect(idempotencyKey('memory-scope').reused).toBe(false);
  });
});

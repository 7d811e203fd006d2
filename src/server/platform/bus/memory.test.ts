import { describe, expect, it, vi } from 'vitest';
import { createBus } from './index.ts';
import { createMemoryBus } from './memory.ts';
import { BusClosedError } from './types.ts';

describe('memory bus', () => {
  it('fans a message out to every subscriber of the topic, and only that topic', async () => {
    const bus = createMemoryBus();
    const a: unknown[] = [];
    const b: unknown[] = [];
    const other: unknown[] = [];
    await bus.subscribe('case:1', (m) => a.push(m));
    await bus.subscribe('case:1', (m) => b.push(m));
    await bus.subscribe('case:2', (m) => other.push(m));

    await bus.publish('case:1', { seq: 1 });

    expect(a).toEqual([{ seq: 1 }]);
    expect(b).toEqual([{ seq: 1 }]);
    expect(other).toEqual([]);
  });

  it('delivers synchronously, before publish resolves', async () => {
    const bus = createMemoryBus();
    const seen: unknown[] = [];
    await bus.subscribe('t', (m) => seen.push(m));
    const publishing = bus.publish('t', 'x');
    expect(seen).toEqual(['x']);
    await publishing;
  });

  it('stops delivering to a handler once it unsubscribed, leaving the others', async () => {
    const bus = createMemoryBus();
    const a: unknown[] = [];
    const b: unknown[] = [];
    const unsubscribeA = await bus.subscribe('t', (m) => a.push(m));
    await bus.subscribe('t', (m) => b.push(m));

    await bus.publish('t', 1);
    await unsubscribeA();
    await unsubscribeA(); // idempotent
    await bus.publish('t', 2);

    expect(a).toEqual([1]);
    expect(b).toEqual([1, 2]);
  });

  it('treats the same function subscribed twice as two subscriptions', async () => {
    const bus = createMemoryBus();
    const handler = vi.fn();
    const first = await bus.subscribe('t', handler);
    await bus.subscribe('t', handler);

    await bus.publish('t', 1);
    await first();
    await bus.publish('t', 2);

    expect(handler.mock.calls).toEqual([[1], [1], [2]]);
  });

  it('does not deliver to a handler unsubscribed by an earlier handler of the same publish', async () => {
    const bus = createMemoryBus();
    const late = vi.fn();
    let unsubscribeLate: () => Promise<void> = async () => {};
    await bus.subscribe('t', () => {
      void unsubscribeLate();
    });
    unsubscribeLate = await bus.subscribe('t', late);

    await bus.publish('t', 1);

    expect(late).not.toHaveBeenCalled();
  });

  it('isolates a throwing handler: the others still run, the publisher is not affected', async () => {
    const onError = vi.fn();
    const bus = createMemoryBus({ onError });
    const boom = new Error('handler bug');
    const before = vi.fn();
    const after = vi.fn();
    await bus.subscribe('t', before);
    await bus.subscribe('t', () => {
      throw boom;
    });
    await bus.subscribe('t', after);

    await expect(bus.publish('t', { ok: true })).resolves.toBeUndefined();

    expect(before).toHaveBeenCalledWith({ ok: true });
    expect(after).toHaveBeenCalledWith({ ok: true });
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError).toHaveBeenCalledWith(boom, 't');
  });

  it('reports handler errors to the console when no onError is given', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const bus = createMemoryBus();
      await bus.subscribe('t', () => {
        throw new Error('nobody listens');
      });
      await bus.publish('t', 1);
      expect(consoleError).toHaveBeenCalledTimes(1);
    } finally {
      consoleError.mockRestore();
    }
  });

  it('gives each handler a structured copy: no handler can mutate the publisher or another handler', async () => {
    const bus = createMemoryBus();
    const message = { room: 'case:1:joint', body: { text: 'hello', tags: ['a'] } };
    const received: unknown[] = [];
    await bus.subscribe('t', (m) => {
      received.push(m);
      (m as typeof message).body.text = 'mutated';
      (m as typeof message).body.tags.push('b');
    });
    await bus.subscribe('t', (m) => received.push(m));

    await bus.publish('t', message);

    expect(message).toEqual({ room: 'case:1:joint', body: { text: 'hello', tags: ['a'] } });
    expect(received[0]).not.toBe(message);
    expect(received[1]).toEqual({ room: 'case:1:joint', body: { text: 'hello', tags: ['a'] } });
  });

  it('rejects a message that cannot be copied, before any handler runs', async () => {
    const bus = createMemoryBus();
    const handler = vi.fn();
    await bus.subscribe('t', handler);

    await expect(bus.publish('t', { callback: () => {} })).rejects.toThrow();
    expect(handler).not.toHaveBeenCalled();
  });

  it('publishing to a topic nobody listens to is a no-op', async () => {
    const bus = createMemoryBus();
    await expect(bus.publish('nobody', 1)).resolves.toBeUndefined();
  });

  it('refuses publish and subscribe after close and drops existing subscriptions', async () => {
    const bus = createMemoryBus();
    const handler = vi.fn();
    const unsubscribe = await bus.subscribe('t', handler);
    await bus.close();

    await expect(bus.publish('t', 1)).rejects.toBeInstanceOf(BusClosedError);
    await expect(bus.subscribe('t', handler)).rejects.toBeInstanceOf(BusClosedError);
    await expect(unsubscribe()).resolves.toBeUndefined();
    expect(handler).not.toHaveBeenCalled();
  });
});

describe('createBus', () => {
  it('chooses the memory bus when no Redis URL is configured', async () => {
    const bus = await createBus({});
    expect(bus.kind).toBe('memory');
    await bus.close();
  });
});

import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createBus } from './index.ts';
import { createRedisBus } from './redis.ts';
import type { Bus } from './types.ts';

// Runs against a real Redis server. When it cannot be reached the suite skips with a warning,
// except under CI, where a skipped integration test would be a silent hole: there it fails.
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const IN_CI = Boolean(process.env.CI) && process.env.CI !== 'false' && process.env.CI !== '0';

const whyUnreachable = async (url: string): Promise<string | null> => {
  const probe = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 2_000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  probe.on('error', () => {});
  try {
    await probe.connect();
    await probe.ping();
    return null;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  } finally {
    probe.disconnect();
  }
};

const unreachable = await whyUnreachable(REDIS_URL);
const skip = unreachable !== null && !IN_CI;
if (skip) console.warn(`[redis.int.test] skipped: Redis not reachable at ${REDIS_URL} (${unreachable})`);

// One prefix per run (and a second one per deployment in the isolation test) so parallel runs
// and the two integration projects never see each other's messages.
const runPrefix = `kelisim-test:${randomUUID()}:`;

// Records what a handler received; vi.waitFor polls instead of sleeping a fixed time.
const inbox = () => {
  const messages: unknown[] = [];
  return { messages, handler: (message: unknown) => void messages.push(message) };
};
const eventually = (assertion: () => void) => vi.waitFor(assertion, { timeout: 5_000, interval: 10 });

// Under CI an unreachable Redis fails here, as a test of its own, so the run counts a failure
// rather than only skipped tests; locally it is skipped with the reason in its name.
describe('redis availability', () => {
  it.skipIf(skip)(`Redis is reachable at ${REDIS_URL}${skip ? ' (SKIPPED: not reachable)' : ''}`, () => {
    if (unreachable !== null) {
      throw new Error(
        `Redis is not reachable at ${REDIS_URL} (${unreachable}) and CI is set: the Redis bus ` +
          'integration tests must run, not skip. Start redis-server or point REDIS_URL at one.',
      );
    }
  });
});

describe.skipIf(unreachable !== null)('redis bus', () => {
  const open: Bus[] = [];
  let raw: Redis;

  const node = async (
    options: { prefix?: string; onError?: (err: unknown, topic?: string) => void } = {},
  ) => {
    const bus = await createRedisBus(REDIS_URL, { prefix: runPrefix, ...options });
    open.push(bus);
    return bus;
  };
  const subscribers = async (channel: string): Promise<number> => {
    const reply = (await raw.call('PUBSUB', 'NUMSUB', channel)) as [string, number];
    return Number(reply[1]);
  };

  beforeAll(() => {
    raw = new Redis(REDIS_URL);
  });

  afterEach(async () => {
    await Promise.all(open.splice(0).map((bus) => bus.close()));
  });

  afterAll(async () => {
    await raw?.quit();
  });

  it('delivers a message published on node B to a subscriber on node A', async () => {
    const a = await node();
    const b = await node();
    const received = inbox();
    // No wait between subscribe and publish: subscribe resolves only once Redis confirmed it.
    await a.subscribe('case:1:joint', received.handler);
    await b.publish('case:1:joint', { seq: 1, body: { text: 'Сәлем' } });

    await eventually(() => expect(received.messages).toEqual([{ seq: 1, body: { text: 'Сәлем' } }]));
    expect(a.kind).toBe('redis');
  });

  it('uses the kelisim: prefix by default and gives every handler its own copy', async () => {
    const a = await createRedisBus(REDIS_URL);
    open.push(a);
    const topic = `default-prefix:${randomUUID()}`;
    const first = inbox();
    const second = inbox();
    await a.subscribe(topic, (m) => {
      first.handler(m);
      (m as { n: number }).n = 99;
    });
    await a.subscribe(topic, second.handler);
    expect(await subscribers(`kelisim:${topic}`)).toBe(1);

    await raw.publish(`kelisim:${topic}`, JSON.stringify({ n: 1 }));

    await eventually(() => expect(second.messages).toEqual([{ n: 1 }]));
    expect(first.messages).toHaveLength(1);
  });

  it('stops delivery after unsubscribe, and unsubscribes in Redis when the last handler goes', async () => {
    const a = await node();
    const b = await node();
    const gone = inbox();
    const staying = inbox();
    const sentinel = inbox();
    const unsubscribeGone = await a.subscribe('t', gone.handler);
    const unsubscribeStaying = await a.subscribe('t', staying.handler);
    await a.subscribe('sentinel', sentinel.handler);

    await unsubscribeGone();
    await b.publish('t', 1);
    await eventually(() => expect(staying.messages).toEqual([1]));
    expect(gone.messages).toEqual([]);

    await unsubscribeStaying();
    expect(await subscribers(`${runPrefix}t`)).toBe(0);
    await b.publish('t', 2);
    // Redis delivers to one connection in publish order: once the sentinel is in, 2 would have been.
    await b.publish('sentinel', 'done');
    await eventually(() => expect(sentinel.messages).toEqual(['done']));
    expect(staying.messages).toEqual([1]);
  });

  it('converges on the last wish when subscribe and unsubscribe race', async () => {
    const a = await node();
    const b = await node();
    const received = inbox();
    const unsubscribe = await a.subscribe('race', () => {});
    // UNSUBSCRIBE and SUBSCRIBE for the same channel in flight at once.
    await Promise.all([unsubscribe(), a.subscribe('race', received.handler)]);

    expect(await subscribers(`${runPrefix}race`)).toBe(1);
    await b.publish('race', 'once');
    await eventually(() => expect(received.messages).toEqual(['once']));
  });

  it('isolates two deployments sharing one Redis by prefix', async () => {
    const otherPrefix = `kelisim-test:${randomUUID()}:`;
    const ours = await node();
    const theirs = await node({ prefix: otherPrefix });
    const theirPublisher = await node({ prefix: otherPrefix });
    const oursReceived = inbox();
    const theirsReceived = inbox();
    await ours.subscribe('case:7:joint', oursReceived.handler);
    await theirs.subscribe('case:7:joint', theirsReceived.handler);

    await ours.publish('case:7:joint', 'for us');
    // Published after ours resolved, so it reaches `theirs` after "for us" would have.
    await theirPublisher.publish('case:7:joint', 'for them');

    await eventually(() => expect(theirsReceived.messages).toEqual(['for them']));
    await eventually(() => expect(oursReceived.messages).toEqual(['for us']));
  });

  it('reports malformed JSON on a channel instead of throwing, and keeps delivering', async () => {
    const onError = vi.fn();
    const a = await node({ onError });
    const received = inbox();
    await a.subscribe('t', received.handler);

    await raw.publish(`${runPrefix}t`, '{not json');
    await raw.publish(`${runPrefix}t`, JSON.stringify({ ok: true }));

    await eventually(() => expect(received.messages).toEqual([{ ok: true }]));
    expect(onError).toHaveBeenCalledTimes(1);
    const [err, topic] = onError.mock.calls[0] ?? [];
    expect(err).toBeInstanceOf(SyntaxError);
    expect((err as Error).message).not.toContain('{not json');
    expect(topic).toBe('t');
  });

  it('isolates a throwing handler from the other handlers', async () => {
    const onError = vi.fn();
    const a = await node({ onError });
    const b = await node();
    const received = inbox();
    await a.subscribe('t', () => {
      throw new Error('handler bug');
    });
    await a.subscribe('t', received.handler);

    await b.publish('t', 'x');

    await eventually(() => expect(received.messages).toEqual(['x']));
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'handler bug' }), 't');
  });

  it('refuses a message JSON cannot encode', async () => {
    const a = await node();
    await expect(a.publish('t', undefined)).rejects.toBeInstanceOf(TypeError);
  });

  it('close() quits both connections and drops the subscriptions', async () => {
    const a = await node();
    await a.subscribe('closing', () => {});
    expect(await subscribers(`${runPrefix}closing`)).toBe(1);

    await a.close();
    await a.close(); // idempotent

    await eventually(async () => expect(await subscribers(`${runPrefix}closing`)).toBe(0));
    await expect(a.publish('closing', 1)).rejects.toThrow('closed');
  });

  it('createBus picks Redis when a URL is configured', async () => {
    const bus = await createBus({ redisUrl: REDIS_URL, prefix: runPrefix });
    open.push(bus);
    expect(bus.kind).toBe('redis');
  });

  it('fails to start, rather than hang, when Redis is unreachable', async () => {
    const onError = vi.fn();
    await expect(createRedisBus('redis://127.0.0.1:1', { onError })).rejects.toThrow();
  });
});

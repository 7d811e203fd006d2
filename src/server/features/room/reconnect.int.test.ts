import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { activeCase, call } from '../../../../test/cases.ts';
import { listen, liveClient } from '../../../../test/live.ts';

// DESIGN.md §4: a client that drops at any point and reconnects with `since` ends with exactly the
// room's sequence — no gap, no duplicate — while two authors keep writing.
let t: TestApp;
let base: string;
beforeAll(async () => {
  t = await createTestApp();
  base = await listen(t.app);
});
afterAll(() => t.close());
beforeEach(() => t.reset());

/** A small seeded generator: the same drop points on every run, so a failure can be replayed. */
const seeded = (seed: number) => () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
  return seed / 2 ** 31;
};

const MESSAGES = 1_000;

/** Follows the joint room, dropping the socket after a random number of messages, until it has `total`. */
const followWithDrops = async (cookie: string, caseId: string, total: number, random: () => number) => {
  const received: number[] = [];
  let reconnects = 0;
  while (received.length < total) {
    const client = await liveClient(base, cookie);
    const dropAfter = 1 + Math.floor(random() * 150);
    let sinceConnect = 0;
    await new Promise<void>((done) => {
      client.socket.on('message', (data) => {
        const frame = JSON.parse(data.toString());
        if (frame.type !== 'message') return;
        received.push(frame.message.seq);
        sinceConnect += 1;
        // Dropped without a goodbye, as a phone losing its signal does.
        if (sinceConnect >= dropAfter || received.length >= total) client.socket.terminate();
      });
      client.socket.on('close', () => done());
      const since = received.at(-1) ?? 0;
      client.send({ type: 'subscribe', caseId, room: 'joint', since });
    });
    reconnects += 1;
  }
  return { received, reconnects };
};

// A heavy test (1 000 stored messages, dozens of reconnects): minutes on a loaded CI machine.
describe('reconnecting with since (DESIGN.md §4)', () => {
  it(`loses and repeats nothing of ${MESSAGES} messages for clients that keep dropping`, async () => {
    const c = await activeCase(t);
    const random = seeded(20_261_125);
    const followers = [
      followWithDrops(c.b.cookie, c.caseId, MESSAGES, random),
      followWithDrops(c.m.cookie, c.caseId, MESSAGES, random),
    ];
    // Two authors at once, so sequence numbers are handed out under contention.
    const author = async (cookie: string, count: number, label: string) => {
      for (let i = 0; i < count; i++) {
        const sent = await call(t, 'POST', `/api/cases/${c.caseId}/rooms/joint/messages`, cookie, {
          body: `${label} ${i}`,
          key: `${label}-${i}-${c.caseId}`,
        });
        if (sent.statusCode !== 200) throw new Error(sent.body);
      }
    };
    await Promise.all([author(c.a.cookie, MESSAGES / 2, 'a'), author(c.m.cookie, MESSAGES / 2, 'm')]);
    const expected = Array.from({ length: MESSAGES }, (_, i) => i + 1);
    for (const { received, reconnects } of await Promise.all(followers)) {
      expect(received).toEqual(expected);
      expect(reconnects).toBeGreaterThan(5);
    }
  }, 180_000);
});

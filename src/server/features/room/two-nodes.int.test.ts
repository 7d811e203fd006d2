import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { activeCase } from '../../../../test/cases.ts';
import { listen, liveClient } from '../../../../test/live.ts';
import { buildApp } from '../../app.ts';
import { createRedisBus } from '../../platform/bus/redis.ts';

// Two app nodes on one database and the real Redis (DESIGN.md §4): a message sent to node B
// reaches a socket on node A, and presence is shared. Redis must be running (CI starts it).
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = `kelisim-test:${randomUUID()}:`;

let t: TestApp;
let nodeB: Awaited<ReturnType<typeof buildApp>>;
let baseA: string;
let baseB: string;
const busB = await createRedisBus(REDIS_URL, { prefix });
beforeAll(async () => {
  t = await createTestApp({}, { bus: await createRedisBus(REDIS_URL, { prefix }) });
  nodeB = await buildApp({ ...t.platform, bus: busB }, { webDist: null });
  baseA = await listen(t.app);
  baseB = await listen(nodeB.app);
});
afterAll(async () => {
  await nodeB.app.close();
  await busB.close();
  await t.close();
});

describe('two nodes on Redis', () => {
  it('delivers a message sent on node B to a socket on node A, and shares presence', async () => {
    const c = await activeCase(t);
    const onA = await liveClient(baseA, c.a.cookie);
    const onB = await liveClient(baseB, c.b.cookie);
    onA.send({ type: 'subscribe', caseId: c.caseId, room: 'joint', since: 0 });
    await onA.next('subscribed');
    const seesB = onA.next('presence', (f) => f.members.some((m) => m.userId === c.b.me.id));
    onB.send({ type: 'subscribe', caseId: c.caseId, room: 'joint', since: 0 });
    await onB.next('subscribed');
    await seesB;

    const arrived = onA.next('message', (f) => f.message.body === 'from node B');
    onB.send({ type: 'send', caseId: c.caseId, room: 'joint', key: randomUUID(), body: 'from node B' });
    expect((await arrived).message).toMatchObject({ seq: 1, author: { userId: c.b.me.id } });

    const typing = onB.next('typing');
    onA.send({ type: 'typing', caseId: c.caseId, room: 'joint' });
    expect((await typing).userId).toBe(c.a.me.id);
    await onA.close();
    await onB.close();
    // A case takes a dozen requests to set up: generous on a loaded two-core machine.
  }, 120_000);
});

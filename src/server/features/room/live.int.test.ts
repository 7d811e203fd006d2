import { beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../../test/app.ts';
import { activeCase, call } from '../../../../test/cases.ts';
import { liveClient, liveSuite } from '../../../../test/live.ts';

// The live socket: authorised at subscribe and at every send; a caucus's messages, typing and
// presence reach only its party and the mediator (R-MED-17); bad frames get error frames and the
// socket stays up.
const live = liveSuite();
const { connect, subscribe } = live;
let t: TestApp;
let base: string;
beforeAll(() => {
  t = live.app;
  base = live.base;
});

const caucusOf = async (caseId: string, cookie: string, side: string) => {
  const view = (await call(t, 'GET', `/api/cases/${caseId}`, cookie)).json();
  return `caucus:${view.parties.find((p: { side: string }) => p.side === side).id}`;
};

describe('live rooms (DESIGN.md §4)', () => {
  it('refuses the socket without a session and from another site', async () => {
    await expect(liveClient(base, '')).rejects.toThrow('401');
    const c = await activeCase(t);
    const { WebSocket } = await import('ws');
    const foreign = new WebSocket(`${base}/api/live`, {
      headers: { cookie: c.a.cookie, origin: 'https://evil.example' },
    });
    const status = await new Promise((done) =>
      foreign.once('unexpected-response', (_q, res) => done(res.statusCode)),
    );
    expect(status).toBe(403);
  });

  it('delivers a caucus only to its party and the mediator: messages, typing and presence', async () => {
    const c = await activeCase(t);
    const caucusA = await caucusOf(c.caseId, c.a.cookie, 'initiator');
    const [a, b, m] = [await connect(c.a.cookie), await connect(c.b.cookie), await connect(c.m.cookie)];
    for (const client of [a, b, m])
      expect((await subscribe(client, c.caseId, 'joint')).type).toBe('subscribed');
    expect((await subscribe(m, c.caseId, caucusA)).type).toBe('subscribed');
    expect(await subscribe(b, c.caseId, caucusA)).toMatchObject({ type: 'error', code: 'room_not_found' });

    const mediatorHearsA = m.next(
      'presence',
      (f) => f.room === caucusA && f.members.some((x) => x.userId === c.a.me.id),
    );
    expect((await subscribe(a, c.caseId, caucusA)).type).toBe('subscribed');
    await mediatorHearsA;

    const typing = m.next('typing', (f) => f.room === caucusA);
    a.send({ type: 'typing', caseId: c.caseId, room: caucusA });
    expect(await typing).toMatchObject({ userId: c.a.me.id });

    const secret = 'Тек медиаторға: 400 000 ₸ дейін көнемін';
    const atMediator = m.next('message', (f) => f.message.body === secret);
    const ack = a.next('ack');
    a.send({ type: 'send', caseId: c.caseId, room: caucusA, key: crypto.randomUUID(), body: secret });
    expect((await ack).seq).toBe(1);
    expect((await atMediator).message).toMatchObject({ seq: 1, room: caucusA, author: { role: 'party' } });

    // A joint message after it: when B has it, B would have had the caucus one too.
    const joint = b.next('message', (f) => f.message.body === 'joint after');
    m.send({ type: 'send', caseId: c.caseId, room: 'joint', key: crypto.randomUUID(), body: 'joint after' });
    await joint;
    // B may try to type or signal into A's caucus: refused, and nobody hears it.
    const refused = b.next('error', (f) => f.ref?.room === caucusA);
    b.send({ type: 'typing', caseId: c.caseId, room: caucusA });
    expect((await refused).code).toBe('room_not_found');
    // Only B's own refused attempts name the caucus (echoing what B sent): nothing from inside it.
    const heardByB = b.frames.filter((f) => f.type !== 'error');
    expect(JSON.stringify(heardByB)).not.toContain(secret);
    expect(JSON.stringify(heardByB)).not.toContain(caucusA);
  });

  it('gives a member who switches rooms what was said there before they came', async () => {
    const c = await activeCase(t);
    const caucusA = await caucusOf(c.caseId, c.a.cookie, 'initiator');
    const m = await connect(c.m.cookie);
    await subscribe(m, c.caseId, 'joint');
    await call(t, 'POST', `/api/cases/${c.caseId}/rooms/${caucusA}/messages`, c.a.cookie, {
      body: 'said before the mediator came',
      key: crypto.randomUUID(),
    });
    m.send({ type: 'unsubscribe', caseId: c.caseId, room: 'joint' });
    const earlier = m.next('message', (f) => f.room === caucusA);
    expect((await subscribe(m, c.caseId, caucusA)).type).toBe('subscribed');
    expect((await earlier).message.body).toBe('said before the mediator came');
  });

  it('answers bad frames with error frames and keeps the socket for valid use', async () => {
    const c = await activeCase(t);
    const a = await connect(c.a.cookie);
    await subscribe(a, c.caseId, 'joint');
    const errors = async (raw: string) => {
      const error = a.next('error');
      a.raw(raw);
      return (await error).code;
    };
    expect(await errors('not json at all')).toBe('frame_invalid');
    expect(await errors(JSON.stringify({ type: 'launch' }))).toBe('frame_invalid');
    expect(await errors(JSON.stringify({ type: 'subscribe', caseId: 'x', room: 'joint' }))).toBe(
      'frame_invalid',
    );
    const send = (body: string) =>
      JSON.stringify({ type: 'send', caseId: c.caseId, room: 'joint', key: crypto.randomUUID(), body });
    expect(await errors(send(''))).toBe('message_empty');
    expect(await errors(send('x'.repeat(10_001)))).toBe('message_too_long');
    const ack = a.next('ack');
    a.raw(send('still here'));
    expect((await ack).seq).toBe(1);
    const pong = a.next('pong');
    a.send({ type: 'ping' });
    await pong;
  });

  it('returns the stored message for a repeated key: one message, one delivery', async () => {
    const c = await activeCase(t);
    const [a, b] = [await connect(c.a.cookie), await connect(c.b.cookie)];
    await subscribe(a, c.caseId, 'joint');
    await subscribe(b, c.caseId, 'joint');
    const key = crypto.randomUUID();
    const first = a.next('ack');
    a.send({ type: 'send', caseId: c.caseId, room: 'joint', key, body: 'once' });
    await first;
    const second = a.next('ack');
    a.send({ type: 'send', caseId: c.caseId, room: 'joint', key, body: 'once' });
    expect((await second).seq).toBe(1);
    const after = b.next('message', (f) => f.message.body === 'marker');
    a.send({ type: 'send', caseId: c.caseId, room: 'joint', key: crypto.randomUUID(), body: 'marker' });
    await after;
    expect(
      b.frames.filter((f) => f.type === 'message').map((f) => (f.type === 'message' ? f.message.seq : 0)),
    ).toEqual([1, 2]);
  });

  it("shows the author the ticks: delivered once the other side's socket got it, read once they read it", async () => {
    const c = await activeCase(t);
    const [a, b] = [await connect(c.a.cookie), await connect(c.b.cookie)];
    await subscribe(a, c.caseId, 'joint');
    await subscribe(b, c.caseId, 'joint');
    const mark = (field: 'deliveredSeq' | 'readSeq') =>
      a.next('read', (f) => f.marks.some((m) => m.userId === c.b.me.id && m[field] >= 1), 30_000);
    const delivered = mark('deliveredSeq');
    a.send({ type: 'send', caseId: c.caseId, room: 'joint', key: crypto.randomUUID(), body: 'Сәлем' });
    await b.next('message');
    const tick = (await delivered).marks.find((m) => m.userId === c.b.me.id);
    expect(tick).toMatchObject({ deliveredSeq: 1, readSeq: 0 });
    const read = mark('readSeq');
    b.send({ type: 'read', caseId: c.caseId, room: 'joint', seq: 1 });
    expect((await read).marks).toContainEqual({ userId: c.b.me.id, deliveredSeq: 1, readSeq: 1 });
  });

  it('closes the socket when the session ends elsewhere', async () => {
    const c = await activeCase(t);
    const a = await connect(c.a.cookie);
    await call(t, 'POST', '/api/auth/logout', c.a.cookie);
    const closed = new Promise<number>((done) => a.socket.once('close', (code) => done(code)));
    a.send({ type: 'ping' });
    expect(await closed).toBe(4401);
  });
});

import { beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../../test/app.ts';
import { activeCase, call } from '../../../../test/cases.ts';
import { registerUser, validIin } from '../../../../test/factories.ts';
import { liveSuite } from '../../../../test/live.ts';

// Representatives and interpreters on the live socket (/api/live): a subscription is authorised
// by the same room rules as HTTP (R-MED-17, R-MED-15).
const live = liveSuite();
const { connect, subscribe } = live;
let t: TestApp;
beforeAll(() => {
  t = live.app;
});

/** A running mediation with R representing B and I interpreting. */
const peopledCase = async () => {
  const c = await activeCase(t);
  const [rIin, iIin] = [validIin(), validIin()];
  const r = await registerUser(t, { iin: rIin });
  const i = await registerUser(t, { iin: iIin });
  await call(t, 'PUT', `/api/cases/${c.caseId}/representative`, c.b.cookie, {
    fullName: 'Ерлан Жақсыбеков',
    iin: rIin,
    powerOfAttorney: '№ 12-345',
  });
  const added = await call(t, 'POST', `/api/cases/${c.caseId}/interpreters`, c.m.cookie, {
    fullName: 'Айгүл Нұрова',
    iin: iIin,
    languages: ['kk', 'ru'],
  });
  const view = (await call(t, 'GET', `/api/cases/${c.caseId}`, c.a.cookie)).json();
  const id = (side: string) => view.parties.find((p: { side: string }) => p.side === side).id as string;
  return {
    ...c,
    r,
    i,
    interpreterId: added.json().interpreters[0].id as string,
    caucusA: `caucus:${id('initiator')}`,
    caucusB: `caucus:${id('respondent')}`,
  };
};

describe('live rooms with a representative and an interpreter (R-MED-17, R-MED-15)', () => {
  it("R-MED-17: a representative subscribes to the joint room and its party's caucus, never the other", async () => {
    const c = await peopledCase();
    const r = await connect(c.r.cookie);
    expect((await subscribe(r, c.caseId, 'joint')).type).toBe('subscribed');
    expect((await subscribe(r, c.caseId, c.caucusB)).type).toBe('subscribed');
    expect(await subscribe(r, c.caseId, c.caucusA)).toMatchObject({ type: 'error', code: 'room_not_found' });
    // What B's side says in its caucus reaches R live; A's caucus never does.
    await call(t, 'POST', `/api/cases/${c.caseId}/rooms/${c.caucusA}/messages`, c.a.cookie, {
      body: 'A only',
      key: crypto.randomUUID(),
    });
    await call(t, 'POST', `/api/cases/${c.caseId}/rooms/${c.caucusB}/messages`, c.m.cookie, {
      body: 'to B and R',
      key: crypto.randomUUID(),
    });
    const pushed = await r.next('message', (f) => f.room === c.caucusB);
    expect(pushed.message.body).toBe('to B and R');
    // A send over the socket to the other caucus is refused as well.
    r.send({ type: 'send', caseId: c.caseId, room: c.caucusA, body: 'let me in', key: crypto.randomUUID() });
    expect(await r.next('error', (f) => f.ref?.room === c.caucusA)).toMatchObject({ code: 'room_not_found' });
    expect(JSON.stringify(r.frames)).not.toContain('A only');
  });

  it('R-MED-15: an interpreter subscribes to and writes in the joint room only', async () => {
    const c = await peopledCase();
    const i = await connect(c.i.cookie);
    expect((await subscribe(i, c.caseId, 'joint')).type).toBe('subscribed');
    for (const caucus of [c.caucusA, c.caucusB])
      expect(await subscribe(i, c.caseId, caucus)).toMatchObject({ type: 'error', code: 'room_not_found' });
    const key = crypto.randomUUID();
    i.send({ type: 'send', caseId: c.caseId, room: 'joint', body: 'Аударма', key });
    expect(await i.next('ack', (f) => f.key === key)).toMatchObject({ room: 'joint' });
    const a = await connect(c.a.cookie);
    await subscribe(a, c.caseId, 'joint');
    const seen = await a.next('message', (f) => f.message.body === 'Аударма');
    expect(seen.message.author).toMatchObject({ role: 'interpreter', userId: c.i.me.id });
  });

  it('R-MED-15: a removed interpreter cannot subscribe any more', async () => {
    const c = await peopledCase();
    await call(t, 'DELETE', `/api/cases/${c.caseId}/interpreters/${c.interpreterId}`, c.m.cookie);
    const i = await connect(c.i.cookie);
    expect(await subscribe(i, c.caseId, 'joint')).toMatchObject({ type: 'error', code: 'not_found' });
  });

  it('R-MED-17: a member removed while listening stops hearing the rooms at once, and cannot send', async () => {
    const c = await peopledCase();
    const [a, i, r] = [await connect(c.a.cookie), await connect(c.i.cookie), await connect(c.r.cookie)];
    await subscribe(a, c.caseId, 'joint');
    expect(await subscribe(i, c.caseId, 'joint')).toMatchObject({ type: 'subscribed' });
    expect(await subscribe(r, c.caseId, c.caucusB)).toMatchObject({ type: 'subscribed' });

    const interpreterOut = i.next('error', (f) => f.ref?.room === 'joint', 30_000);
    await call(t, 'DELETE', `/api/cases/${c.caseId}/interpreters/${c.interpreterId}`, c.m.cookie);
    expect(await interpreterOut).toMatchObject({ code: 'room_not_found' });
    const representativeOut = r.next('error', (f) => f.ref?.room === c.caucusB, 30_000);
    await call(t, 'DELETE', `/api/cases/${c.caseId}/representative`, c.b.cookie);
    expect(await representativeOut).toMatchObject({ code: 'room_not_found' });

    // What is said afterwards reaches neither, and a send from either is refused.
    const marker = a.next('message', (f) => f.message.body === 'after they left');
    a.send({
      type: 'send',
      caseId: c.caseId,
      room: 'joint',
      key: crypto.randomUUID(),
      body: 'after they left',
    });
    await marker;
    const refused = i.next('error', (f) => f.ref?.key === 'late-key');
    i.send({ type: 'send', caseId: c.caseId, room: 'joint', key: 'late-key', body: 'still here?' });
    expect((await refused).code).toBe('not_found');
    for (const gone of [i, r])
      expect(gone.frames.some((f) => f.type === 'message' && f.message.body === 'after they left')).toBe(
        false,
      );
  }, 120_000);
});

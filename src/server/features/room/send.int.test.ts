import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { activeCase, call } from '../../../../test/cases.ts';
import type { RoomName } from '../../../core/room/rooms.ts';
import type { Principal } from '../../platform/auth/sessions.ts';
import { type SendOutcome, type SendRequest, storeMessages } from './send.ts';

// Sends stored as one batch (the live socket's group commit, writer.ts): each message is authorised
// on its own (R-MED-17), retried keys return the first message, and the rooms' sequences stay exact.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());
beforeEach(() => t.reset());

const principalOf = async (cookie: string) =>
  (await t.ctx.sessions.resolve(cookie.replace('kelisim_session=', '')))?.principal as Principal;

const codeOf = (outcome: SendOutcome | undefined) =>
  outcome && !outcome.ok ? (outcome.error as { code?: string }).code : 'stored';

describe('a batch of sends in one transaction', () => {
  it('stores each allowed message with the next seq of its room, refuses the rest one by one, and answers a repeated key with the first message', async () => {
    const c = await activeCase(t);
    const view = (await call(t, 'GET', `/api/cases/${c.caseId}`, c.a.cookie)).json();
    const partyId = (side: string) => view.parties.find((p: { side: string }) => p.side === side).id;
    const caucusA = `caucus:${partyId('initiator')}` as RoomName;
    const caucusB = `caucus:${partyId('respondent')}` as RoomName;
    const [a, b, m] = await Promise.all([c.a, c.b, c.m].map((who) => principalOf(who.cookie)));
    const before = await storeMessages(t.ctx, [
      {
        principal: a as Principal,
        caseId: c.caseId,
        room: 'joint',
        input: { kind: 'text', body: 'first', key: 'k-first' },
      },
    ]);
    expect(before[0]?.ok && before[0].message.seq).toBe(1);

    const send = (
      who: Principal,
      room: RoomName,
      body: string,
      key: string = crypto.randomUUID(),
    ): SendRequest => ({
      principal: who,
      caseId: c.caseId,
      room,
      input: { kind: 'text', body, key },
    });
    const outcomes = await storeMessages(t.ctx, [
      send(a as Principal, 'joint', 'a1'),
      send(b as Principal, 'joint', 'b1'),
      // The other party's caucus does not exist for B (R-MED-17): refused, the rest still stored.
      send(b as Principal, caucusA, 'let me in'),
      send(m as Principal, caucusA, 'm→A'),
      send(a as Principal, 'joint', 'retry of first', 'k-first'),
      send(b as Principal, caucusB, 'b private', 'k-b'),
      send(b as Principal, caucusB, 'b private again', 'k-b'),
      send(a as Principal, 'joint', 'a2'),
      { ...send(a as Principal, 'joint', 'x'), caseId: crypto.randomUUID() },
    ]);
    expect(outcomes.map(codeOf)).toEqual([
      'stored',
      'stored',
      'room_not_found',
      'stored',
      'stored',
      'stored',
      'stored',
      'stored',
      'not_found',
    ]);
    const seqs = outcomes.map((o) => (o.ok ? `${o.message.room}#${o.message.seq}:${o.message.body}` : null));
    expect(seqs).toEqual([
      'joint#2:a1',
      'joint#3:b1',
      null,
      `${caucusA}#1:m→A`,
      'joint#1:first',
      `${caucusB}#1:b private`,
      `${caucusB}#1:b private`,
      'joint#4:a2',
      null,
    ]);

    // What the room holds is exactly that: nothing from the refused send, nothing twice.
    const history = async (room: string, cookie: string) =>
      (await call(t, 'GET', `/api/cases/${c.caseId}/rooms/${room}/messages?since=0`, cookie))
        .json()
        .messages.map((msg: { seq: number; body: string }) => `${msg.seq}:${msg.body}`);
    expect(await history('joint', c.b.cookie)).toEqual(['1:first', '2:a1', '3:b1', '4:a2']);
    expect(await history(caucusA, c.m.cookie)).toEqual(['1:m→A']);
    expect(await history(caucusB, c.m.cookie)).toEqual(['1:b private']);
    // The author has read what they wrote: B's joint room has only A's a2 (after B's b1) unread.
    const rooms = (await call(t, 'GET', `/api/cases/${c.caseId}/rooms`, c.b.cookie)).json().rooms;
    expect(rooms.find((r: { room: string }) => r.room === 'joint').unread).toBe(1);
  });
});

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { activeCase, call } from '../../../../test/cases.ts';
import { registerUser, userWithRoles } from '../../../../test/factories.ts';
import { cases, roomMessages } from '../../db/schema/index.ts';

// The room over HTTP: who reads and writes which room (DESIGN.md §4, R-MED-17, R-FAM-02), bad
// input, idempotent sends, and a closed case.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());
beforeEach(() => t.reset());

const rooms = async (caseId: string, cookie: string) =>
  (await call(t, 'GET', `/api/cases/${caseId}/rooms`, cookie)).json();
const send = (caseId: string, room: string, cookie: string, body: string, key = crypto.randomUUID()) =>
  call(t, 'POST', `/api/cases/${caseId}/rooms/${room}/messages`, cookie, { body, key });
const history = async (caseId: string, room: string, cookie: string, since = 0) =>
  call(t, 'GET', `/api/cases/${caseId}/rooms/${room}/messages?since=${since}`, cookie);

const partyIds = async (caseId: string, cookie: string) => {
  const view = (await call(t, 'GET', `/api/cases/${caseId}`, cookie)).json();
  const id = (side: string) => view.parties.find((p: { side: string }) => p.side === side).id as string;
  return { a: id('initiator'), b: id('respondent') };
};

describe('rooms of a running mediation (R-MED-17)', () => {
  it('gives each party the joint room and its own caucus, and the mediator every room', async () => {
    const c = await activeCase(t);
    const ids = await partyIds(c.caseId, c.a.cookie);
    const names = async (cookie: string) =>
      (await rooms(c.caseId, cookie)).rooms.map((r: { room: string }) => r.room);
    expect(await names(c.a.cookie)).toEqual(['joint', `caucus:${ids.a}`]);
    expect(await names(c.b.cookie)).toEqual(['joint', `caucus:${ids.b}`]);
    expect(await names(c.m.cookie)).toEqual(['joint', `caucus:${ids.a}`, `caucus:${ids.b}`]);
  });

  it('keeps a caucus between its party and the mediator: the other party cannot read, write or guess it', async () => {
    const c = await activeCase(t);
    const ids = await partyIds(c.caseId, c.a.cookie);
    const caucusA = `caucus:${ids.a}`;
    expect((await send(c.caseId, caucusA, c.a.cookie, 'Мен 300 000 ₸ келісемін')).statusCode).toBe(200);
    expect((await send(c.caseId, caucusA, c.m.cookie, 'Түсіндім')).statusCode).toBe(200);

    const seenByMediator = (await history(c.caseId, caucusA, c.m.cookie)).json();
    expect(seenByMediator.messages.map((m: { body: string }) => m.body)).toEqual([
      'Мен 300 000 ₸ келісемін',
      'Түсіндім',
    ]);
    expect(seenByMediator.messages.map((m: { seq: number }) => m.seq)).toEqual([1, 2]);

    for (const response of [
      await history(c.caseId, caucusA, c.b.cookie),
      await send(c.caseId, caucusA, c.b.cookie, 'let me in'),
      await call(t, 'POST', `/api/cases/${c.caseId}/rooms/${caucusA}/read`, c.b.cookie, { seq: 2 }),
    ]) {
      expect(response.statusCode).toBe(404);
      expect(response.json().code).toBe('room_not_found');
    }
    // B's room list says nothing of A's caucus, not even its message count.
    expect(JSON.stringify(await rooms(c.caseId, c.b.cookie))).not.toContain(caucusA);
  });

  it('shows nothing of any room to a stranger, a court user or a mediator of another case', async () => {
    const c = await activeCase(t);
    const stranger = await registerUser(t);
    const court = await userWithRoles(t, ['court_user']);
    const other = await activeCase(t);
    await send(c.caseId, 'joint', c.a.cookie, 'hello');
    for (const cookie of [stranger.cookie, court.cookie, other.m.cookie, other.a.cookie]) {
      expect((await call(t, 'GET', `/api/cases/${c.caseId}/rooms`, cookie)).statusCode).toBe(404);
      expect((await history(c.caseId, 'joint', cookie)).statusCode).toBe(404);
      expect((await send(c.caseId, 'joint', cookie, 'hi')).statusCode).toBe(404);
    }
  });

  it('has no joint room after a positive safety screen (R-FAM-02)', async () => {
    const c = await activeCase(t);
    // As a positive screen leaves it (the screening itself is tested in features/cases).
    await t.ctx.db.update(cases).set({ separateSessions: true }).where(eq(cases.id, c.caseId));
    const ids = await partyIds(c.caseId, c.a.cookie);
    expect((await rooms(c.caseId, c.a.cookie)).rooms.map((r: { room: string }) => r.room)).toEqual([
      `caucus:${ids.a}`,
    ]);
    expect((await send(c.caseId, 'joint', c.m.cookie, 'everyone?')).statusCode).toBe(404);
  });
});

describe('sending', () => {
  it('returns the stored message for a repeated key, without a second message', async () => {
    const c = await activeCase(t);
    const key = crypto.randomUUID();
    const first = (await send(c.caseId, 'joint', c.a.cookie, 'Сәлеметсіз бе', key)).json();
    const again = (await send(c.caseId, 'joint', c.a.cookie, 'Сәлеметсіз бе (retry)', key)).json();
    expect(again).toEqual(first);
    expect(await t.ctx.db.select().from(roomMessages)).toHaveLength(1);
  });

  it('refuses empty and too long messages with field errors, and stores nothing', async () => {
    const c = await activeCase(t);
    const empty = await send(c.caseId, 'joint', c.a.cookie, '   ');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors[0]).toMatchObject({ field: 'body', code: 'message_empty' });
    const long = await send(c.caseId, 'joint', c.a.cookie, 'ә'.repeat(10_001));
    expect(long.json().errors[0]).toMatchObject({ field: 'body', code: 'message_too_long' });
    expect((await send(c.caseId, 'joint', c.a.cookie, 'ә'.repeat(10_000))).statusCode).toBe(200);
    expect(await t.ctx.db.select().from(roomMessages)).toHaveLength(1);
  });

  it('stores message bodies sealed, never in clear text', async () => {
    const c = await activeCase(t);
    await send(c.caseId, 'joint', c.a.cookie, 'құпия ұсыныс 250 000');
    const [row] = await t.ctx.db.select().from(roomMessages);
    expect(row?.body.toString('utf8')).not.toContain('250 000');
  });

  it('keeps the history readable but refuses new messages once the case has ended', async () => {
    const c = await activeCase(t);
    await send(c.caseId, 'joint', c.a.cookie, 'before the end');
    await call(t, 'POST', `/api/cases/${c.caseId}/withdrawal`, c.b.cookie, { reason: 'changed my mind' });
    const refused = await send(c.caseId, 'joint', c.a.cookie, 'after the end');
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('room_closed');
    const list = await rooms(c.caseId, c.a.cookie);
    expect(list.rooms[0].open).toBe(false);
    expect((await history(c.caseId, 'joint', c.a.cookie)).json().messages).toHaveLength(1);
  });

  it('counts unread messages per room and clears them when read', async () => {
    const c = await activeCase(t);
    for (const text of ['one', 'two', 'three']) await send(c.caseId, 'joint', c.a.cookie, text);
    const joint = (cookie: string) => rooms(c.caseId, cookie).then((r) => r.rooms[0]);
    expect(await joint(c.b.cookie)).toMatchObject({ lastSeq: 3, unread: 3 });
    expect(await joint(c.a.cookie)).toMatchObject({ unread: 0 });
    await call(t, 'POST', `/api/cases/${c.caseId}/rooms/joint/read`, c.b.cookie, { seq: 99 });
    expect(await joint(c.b.cookie)).toMatchObject({ readSeq: 3, unread: 0 });
    // The case list counts them too, and never another party's caucus.
    const ids = await partyIds(c.caseId, c.a.cookie);
    await send(c.caseId, `caucus:${ids.a}`, c.a.cookie, 'for the mediator only');
    const listed = async (cookie: string) =>
      (await call(t, 'GET', '/api/cases?status=open', cookie)).json().cases[0].unreadMessages;
    expect(await listed(c.m.cookie)).toBe(4);
    expect(await listed(c.b.cookie)).toBe(0);
    const reads = (await history(c.caseId, 'joint', c.a.cookie)).json().reads;
    expect(reads).toContainEqual({ userId: c.b.me.id, deliveredSeq: 3, readSeq: 3 });
  });
});

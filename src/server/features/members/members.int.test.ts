import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { activeCase, call, contractCase } from '../../../../test/cases.ts';
import { registerUser, validIin } from '../../../../test/factories.ts';
import { auditEvents, mediators, users } from '../../db/schema/index.ts';

// Representatives and interpreters over HTTP (R-MED-15): who sees and writes which room
// (R-MED-17), who may change them, bad input, audit and notices.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());
beforeEach(() => t.reset());

const send = (caseId: string, room: string, cookie: string, body: string) =>
  call(t, 'POST', `/api/cases/${caseId}/rooms/${room}/messages`, cookie, { body, key: crypto.randomUUID() });
const history = (caseId: string, room: string, cookie: string) =>
  call(t, 'GET', `/api/cases/${caseId}/rooms/${room}/messages?since=0`, cookie);
const roomNames = async (caseId: string, cookie: string) =>
  (await call(t, 'GET', `/api/cases/${caseId}/rooms`, cookie))
    .json()
    .rooms.map((r: { room: string }) => r.room);

const partyIds = async (caseId: string, cookie: string) => {
  const view = (await call(t, 'GET', `/api/cases/${caseId}`, cookie)).json();
  const id = (side: string) => view.parties.find((p: { side: string }) => p.side === side).id as string;
  return { a: id('initiator'), b: id('respondent') };
};

/** A running mediation where B named R (registered) as its representative. */
const representedCase = async () => {
  const c = await activeCase(t);
  const rIin = validIin();
  const r = await registerUser(t, { iin: rIin, fullName: 'Ерлан Серікұлы Жақсыбеков' });
  const named = await call(t, 'PUT', `/api/cases/${c.caseId}/representative`, c.b.cookie, {
    fullName: 'Ерлан Жақсыбеков',
    iin: rIin,
    powerOfAttorney: '№ 12-345 от 01.11.2026',
  });
  expect(named.statusCode).toBe(200);
  return { ...c, r, rIin, ids: await partyIds(c.caseId, c.a.cookie) };
};

/** A running mediation with an interpreter I added by the mediator. */
const interpretedCase = async () => {
  const c = await activeCase(t);
  const iIin = validIin();
  const i = await registerUser(t, { iin: iIin, fullName: 'Айгүл Тәжіқызы Нұрова' });
  const added = await call(t, 'POST', `/api/cases/${c.caseId}/interpreters`, c.m.cookie, {
    fullName: 'Айгүл Нұрова',
    iin: iIin,
    languages: ['kk', 'uz'],
  });
  expect(added.statusCode).toBe(200);
  const interpreterId = added.json().interpreters[0].id as string;
  return { ...c, i, iIin, interpreterId, ids: await partyIds(c.caseId, c.a.cookie) };
};

describe('a party representative (R-MED-15, R-MED-17)', () => {
  it('R-MED-17: reads and writes the joint room and its own party caucus, as the party, under its own name', async () => {
    const c = await representedCase();
    const caucusB = `caucus:${c.ids.b}`;
    expect(await roomNames(c.caseId, c.r.cookie)).toEqual(['joint', caucusB]);
    const joint = await send(c.caseId, 'joint', c.r.cookie, 'Менің сенім білдірушім келіседі');
    expect(joint.statusCode).toBe(200);
    expect(joint.json().author).toMatchObject({
      role: 'party',
      partyId: c.ids.b,
      userId: c.r.me.id,
      // Under the representative's own account name, for the party as the case names it.
      name: c.r.me.fullName,
      onBehalfOf: 'Берік Сапарұлы Омаров',
    });
    expect((await send(c.caseId, caucusB, c.r.cookie, 'Only for the mediator')).statusCode).toBe(200);
    expect((await send(c.caseId, caucusB, c.b.cookie, 'I agree with my lawyer')).statusCode).toBe(200);
    const caucus = (await history(c.caseId, caucusB, c.r.cookie)).json();
    expect(caucus.messages.map((m: { body: string }) => m.body)).toEqual([
      'Only for the mediator',
      'I agree with my lawyer',
    ]);
    // The room labels: the party's own account speaks as the party, R as B's representative.
    const members = (await call(t, 'GET', `/api/cases/${c.caseId}/members`, c.a.cookie)).json();
    expect(members.people).toEqual([
      {
        userId: c.r.me.id,
        name: 'Ерлан Жақсыбеков',
        as: 'representative',
        partyId: c.ids.b,
        partyName: 'Берік Сапарұлы Омаров',
      },
    ]);
    // The other party sees who represents B, but not their IIN.
    expect(members.representatives[0]).toMatchObject({ partyId: c.ids.b, iin: null, current: true });
  });

  it("R-MED-17: never reads or writes the other party's caucus (HTTP)", async () => {
    const c = await representedCase();
    const caucusA = `caucus:${c.ids.a}`;
    await send(c.caseId, caucusA, c.a.cookie, 'Менің шегім 300 000');
    for (const response of [
      await history(c.caseId, caucusA, c.r.cookie),
      await send(c.caseId, caucusA, c.r.cookie, 'let me in'),
      await call(t, 'POST', `/api/cases/${c.caseId}/rooms/${caucusA}/read`, c.r.cookie, { seq: 1 }),
    ]) {
      expect(response.statusCode).toBe(404);
      expect(response.json().code).toBe('room_not_found');
    }
    const rooms = await call(t, 'GET', `/api/cases/${c.caseId}/rooms`, c.r.cookie);
    expect(rooms.body).not.toContain(caucusA);
    expect((await call(t, 'GET', `/api/cases/${c.caseId}/shuttle`, c.r.cookie)).body).not.toContain(
      '300 000',
    );
  });

  it('R-MED-07: sees the case as its party does but takes no lifecycle step', async () => {
    const c = await representedCase();
    const view = (await call(t, 'GET', `/api/cases/${c.caseId}`, c.r.cookie)).json();
    expect(view.viewer).toEqual({ role: 'party', via: 'representative', partyId: c.ids.b, actions: [] });
    expect(view.rating).toBeNull();
    const leave = await call(t, 'POST', `/api/cases/${c.caseId}/withdrawal`, c.r.cookie, { reason: 'no' });
    expect(leave.statusCode).toBe(403);
    expect(leave.json().code).toBe('case_actor_not_allowed');
    expect((await call(t, 'GET', `/api/cases/${c.caseId}`, c.b.cookie)).json().status).toBe('active');
    // The representative cannot name another representative for the party either.
    const again = await call(t, 'DELETE', `/api/cases/${c.caseId}/representative`, c.r.cookie);
    expect(again.statusCode).toBe(403);
  });

  it('R-MED-15: the party is told nothing new, the representative is notified; the change is audited', async () => {
    const c = await representedCase();
    const notes = (await call(t, 'GET', '/api/notifications', c.r.cookie)).json().notifications;
    expect(notes[0]).toMatchObject({ kind: 'members.representative_added', link: `/cases/${c.caseId}` });
    const events = await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.subjectId, c.caseId));
    expect(events.map((e) => e.action)).toContain('case.representative_set');
  });

  it('R-MED-15: a change or removal takes the rooms away from the former representative at once', async () => {
    const c = await representedCase();
    const otherIin = validIin();
    const changed = await call(t, 'PUT', `/api/cases/${c.caseId}/representative`, c.b.cookie, {
      fullName: 'Дина Маратқызы',
      iin: otherIin,
      powerOfAttorney: '№ 77 от 02.11.2026',
    });
    expect(changed.json().representatives.map((r: { current: boolean }) => r.current)).toEqual([false, true]);
    expect((await history(c.caseId, 'joint', c.r.cookie)).statusCode).toBe(404);
    expect((await call(t, 'GET', `/api/cases/${c.caseId}`, c.r.cookie)).statusCode).toBe(404);
    const notes = (await call(t, 'GET', '/api/notifications', c.r.cookie)).json().notifications;
    expect(notes[0].kind).toBe('members.representative_removed');
    const removed = await call(t, 'DELETE', `/api/cases/${c.caseId}/representative`, c.b.cookie);
    expect(removed.json().representatives.every((r: { current: boolean }) => !r.current)).toBe(true);
    const view = (await call(t, 'GET', `/api/cases/${c.caseId}`, c.b.cookie)).json();
    expect(view.parties.find((p: { id: string }) => p.id === c.ids.b).representative).toBeNull();
    const twice = await call(t, 'DELETE', `/api/cases/${c.caseId}/representative`, c.b.cookie);
    expect(twice.json().code).toBe('representative_not_found');
  });
});

describe('an interpreter (R-MED-15, R-MED-17)', () => {
  it('R-MED-17: reads and writes the joint room only; every caucus is room_not_found', async () => {
    const c = await interpretedCase();
    expect(await roomNames(c.caseId, c.i.cookie)).toEqual(['joint']);
    const sent = await send(c.caseId, 'joint', c.i.cookie, 'Аударма: тараптар келіседі');
    expect(sent.statusCode).toBe(200);
    expect(sent.json().author).toMatchObject({ role: 'interpreter', partyId: null, userId: c.i.me.id });
    expect((await history(c.caseId, 'joint', c.i.cookie)).json().messages).toHaveLength(1);
    for (const caucus of [`caucus:${c.ids.a}`, `caucus:${c.ids.b}`]) {
      await send(c.caseId, caucus, c.a.cookie, 'private');
      for (const response of [
        await history(c.caseId, caucus, c.i.cookie),
        await send(c.caseId, caucus, c.i.cookie, 'let me in'),
      ]) {
        expect(response.statusCode).toBe(404);
        expect(response.json().code).toBe('room_not_found');
      }
    }
    expect((await call(t, 'GET', `/api/cases/${c.caseId}/shuttle`, c.i.cookie)).statusCode).toBe(404);
    expect((await call(t, 'GET', `/api/cases/${c.caseId}/notes`, c.i.cookie)).statusCode).toBe(404);
    const people = (await call(t, 'GET', `/api/cases/${c.caseId}/members`, c.a.cookie)).json().people;
    expect(people).toEqual([
      { userId: c.i.me.id, name: 'Айгүл Нұрова', as: 'interpreter', partyId: null, partyName: null },
    ]);
  });

  it('R-MED-17: sees no contract, screening or identity numbers of the parties, and takes no step', async () => {
    const c = await interpretedCase();
    const response = await call(t, 'GET', `/api/cases/${c.caseId}`, c.i.cookie);
    const view = response.json();
    expect(view.viewer).toEqual({ role: 'interpreter', partyId: null, actions: [] });
    expect(view.contract).toBeNull();
    expect(view.request).toBeNull();
    for (const party of view.parties) {
      expect(party).toMatchObject({ idNumber: null, email: null, phone: null, screened: null });
    }
    expect(response.body).not.toContain(c.a.me.iin);
    expect(response.body).not.toContain(c.b.me.iin);
    const members = (await call(t, 'GET', `/api/cases/${c.caseId}/members`, c.i.cookie)).json();
    expect(members.interpreters[0].iin).toBeNull();
    const leave = await call(t, 'POST', `/api/cases/${c.caseId}/withdrawal`, c.i.cookie, { reason: 'x' });
    expect(leave.statusCode).toBe(403);
    expect(leave.json().code).toBe('case_actor_not_allowed');
  });

  it('R-MED-15: is notified, audited, and refused everywhere once the mediator removes them', async () => {
    const c = await interpretedCase();
    const notes = (await call(t, 'GET', '/api/notifications', c.i.cookie)).json().notifications;
    expect(notes[0]).toMatchObject({ kind: 'members.interpreter_added', link: `/cases/${c.caseId}` });
    const removed = await call(
      t,
      'DELETE',
      `/api/cases/${c.caseId}/interpreters/${c.interpreterId}`,
      c.m.cookie,
    );
    expect(removed.json().interpreters[0]).toMatchObject({ active: false });
    expect((await history(c.caseId, 'joint', c.i.cookie)).statusCode).toBe(404);
    expect((await send(c.caseId, 'joint', c.i.cookie, 'still here?')).statusCode).toBe(404);
    expect((await call(t, 'GET', `/api/cases/${c.caseId}`, c.i.cookie)).statusCode).toBe(404);
    const again = await call(
      t,
      'DELETE',
      `/api/cases/${c.caseId}/interpreters/${c.interpreterId}`,
      c.m.cookie,
    );
    expect(again.json().code).toBe('interpreter_not_found');
    const events = await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.subjectId, c.caseId));
    expect(events.map((e) => e.action)).toEqual(
      expect.arrayContaining(['case.interpreter_added', 'case.interpreter_removed']),
    );
  });
});

describe('bad input (problem+json, stable codes, the caller language)', () => {
  it('refuses a wrong IIN, yourself, someone already in the case, and too few languages', async () => {
    const c = await activeCase(t);
    const rep = (cookie: string, iin: string) =>
      call(t, 'PUT', `/api/cases/${c.caseId}/representative`, cookie, {
        fullName: 'Кто-то Другой',
        iin,
        powerOfAttorney: '№ 1',
      });
    // Answered in the account's language (kk by default).
    const wrong = await rep(c.b.cookie, '900515300010');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0]).toMatchObject({ field: 'iin', code: 'iin_invalid' });
    const self = await rep(c.b.cookie, c.b.me.iin);
    expect(self.json().errors[0]).toMatchObject({
      field: 'iin',
      code: 'member_self',
      detail: 'Өзіңізді қоса алмайсыз.',
    });
    expect((await rep(c.b.cookie, c.a.me.iin)).json().errors[0].code).toBe('member_is_participant');
    const interpreter = (cookie: string, body: object) =>
      call(t, 'POST', `/api/cases/${c.caseId}/interpreters`, cookie, body);
    const oneLanguage = await interpreter(c.m.cookie, {
      fullName: 'Аудармашы',
      iin: validIin(),
      languages: ['kk'],
    });
    expect(oneLanguage.json().errors[0]).toMatchObject({
      field: 'languages',
      code: 'interpreter_languages_two',
    });
    const party = await interpreter(c.b.cookie, {
      fullName: 'Аудармашы',
      iin: validIin(),
      languages: ['kk', 'ru'],
    });
    expect(party.statusCode).toBe(403);
    const [mediator] = await t.ctx.db
      .select({ iin: users.iin })
      .from(users)
      .innerJoin(mediators, eq(mediators.userId, users.id))
      .where(eq(mediators.id, c.m.mediatorId));
    const selfAdd = await interpreter(c.m.cookie, {
      fullName: 'Me',
      iin: mediator?.iin as string,
      languages: ['kk', 'ru'],
    });
    expect(selfAdd.json().errors[0].code).toBe('member_self');
    const aParty = await interpreter(c.m.cookie, {
      fullName: 'Асхат',
      iin: c.a.me.iin,
      languages: ['kk', 'ru'],
    });
    expect(aParty.json().errors[0].code).toBe('member_is_participant');
    // Nothing half-written.
    const members = (await call(t, 'GET', `/api/cases/${c.caseId}/members`, c.m.cookie)).json();
    expect(members).toMatchObject({ representatives: [], interpreters: [] });
  });

  it('refuses an interpreter before the mediation runs and a representative after it ended', async () => {
    const c = await contractCase(t);
    const early = await call(t, 'POST', `/api/cases/${c.caseId}/interpreters`, c.m.cookie, {
      fullName: 'Аудармашы',
      iin: validIin(),
      languages: ['kk', 'ru'],
    });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'interpreter_case_not_active' });
    expect(early.json().detail).toContain('медиация жүріп жатқанда');
    const ended = await activeCase(t);
    await call(t, 'POST', `/api/cases/${ended.caseId}/withdrawal`, ended.b.cookie, {
      reason: 'changed my mind',
    });
    const late = await call(t, 'PUT', `/api/cases/${ended.caseId}/representative`, ended.a.cookie, {
      fullName: 'Кеш Келген',
      iin: validIin(),
      powerOfAttorney: '№ 9',
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('representative_case_closed');
  });

  it('answers 404 to a stranger and a mediator of another case, on every members route', async () => {
    const c = await interpretedCase();
    const stranger = await registerUser(t);
    const other = await activeCase(t);
    for (const cookie of [stranger.cookie, other.m.cookie, other.a.cookie]) {
      expect((await call(t, 'GET', `/api/cases/${c.caseId}/members`, cookie)).statusCode).toBe(404);
      const put = await call(t, 'PUT', `/api/cases/${c.caseId}/representative`, cookie, {
        fullName: 'Бөтен Адам',
        iin: validIin(),
        powerOfAttorney: '№ 5',
      });
      expect(put.statusCode).toBe(404);
      expect((await call(t, 'DELETE', `/api/cases/${c.caseId}/representative`, cookie)).statusCode).toBe(404);
    }
    const foreign = await call(
      t,
      'DELETE',
      `/api/cases/${c.caseId}/interpreters/${c.interpreterId}`,
      other.m.cookie,
    );
    expect(foreign.statusCode).toBe(404);
    expect(foreign.body).not.toContain('Айгүл');
  });
});

describe('route declarations', () => {
  it('declares who may call each members route (the route-access test then checks every role)', () => {
    const declared = t.routes.filter((r) => /\/(members|representative|interpreters)/.test(r.url));
    expect(declared.map((r) => [r.method, r.url, r.access])).toEqual(
      expect.arrayContaining([
        ['GET', '/api/cases/:id/members', 'user'],
        ['PUT', '/api/cases/:id/representative', 'user'],
        ['DELETE', '/api/cases/:id/representative', 'user'],
        ['POST', '/api/cases/:id/interpreters', ['mediator']],
        ['DELETE', '/api/cases/:id/interpreters/:interpreterId', ['mediator']],
      ]),
    );
    expect(declared).toHaveLength(5);
  });
});

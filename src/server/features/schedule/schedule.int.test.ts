import { eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { activeCase, call } from '../../../../test/cases.ts';
import { listedMediator, registerUser, userWithRoles } from '../../../../test/factories.ts';
import { auditEvents, caseSessions, cases, courts, notifications, users } from '../../db/schema/index.ts';
import { answer, calendarOf, outbox, parseCalendar, proposal, propose, sessionsOf } from './test-helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());
beforeEach(() => t.reset());

type Mediator = Awaited<ReturnType<typeof listedMediator>>;
/** A running mediation: parties A and B, and the mediator M (with an account of its own). */
const running = async (overrides: object = {}) => {
  const c = await activeCase(t, overrides);
  return { ...c, m: c.m as Mediator };
};

/** Mails with a calendar file, by recipient. */
const calendarMail = (to: string) =>
  outbox(t)
    .filter((m) => m.to === to)
    .map((m) => ({ ...m, ics: calendarOf(m.eml) }))
    .filter((m) => m.ics !== null);

const partyIdsOf = async (caseId: string, cookie: string) =>
  (await call(t, 'GET', `/api/cases/${caseId}`, cookie)).json().parties.map((p: { id: string }) => p.id) as [
    string,
    string,
  ];

describe('proposing and confirming a session', () => {
  it('is confirmed when both parties accept; everyone gets the calendar file in the region’s zone', async () => {
    const { a, b, m, caseId } = await running();
    const id = await propose(t, caseId, m, { startsAt: '2026-12-01T09:30:00Z' });

    const seenByA = await sessionsOf(t, caseId, a);
    expect(seenByA.canPropose).toBe(false);
    expect(seenByA.sessions[0]).toMatchObject({
      id,
      status: 'proposed',
      timeZone: 'Asia/Almaty',
      localDate: '2026-12-01',
      localTime: '14:30',
      actions: ['accept', 'decline', 'counter'],
    });
    expect((await sessionsOf(t, caseId, m)).sessions[0]?.actions).toEqual(['cancel']);
    const proposed = await t.ctx.db
      .select()
      .from(notifications)
      .where(eq(notifications.kind, 'case.session_proposed'));
    expect(proposed.map((n) => n.userId).sort()).toEqual([a.me.id, b.me.id].sort());
    expect(proposed[0]?.params).toMatchObject({
      date: '2026-12-01',
      time: '14:30',
      zone: 'Asia/Almaty, UTC+5',
    });

    expect((await answer(t, caseId, id, a, 'accept')).json().sessions[0].status).toBe('proposed');
    expect(calendarMail(a.email)).toEqual([]);
    const confirmed = await answer(t, caseId, id, b, 'accept');
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json().sessions[0]).toMatchObject({ status: 'confirmed', actions: [] });

    for (const who of [a, b, m]) {
      const [mail] = calendarMail(who.email);
      expect(mail, who.email).toBeDefined();
      const ics = parseCalendar(mail?.ics as string);
      expect(ics).toMatchObject({
        method: 'PUBLISH',
        tzid: 'Asia/Almaty',
        dtstartTzid: 'Asia/Almaty',
        start: '2026-12-01T09:30:00.000Z',
        offsetSeconds: 5 * 3600,
        local: '2026-12-01T14:30:00',
        status: 'CONFIRMED',
        sequence: 0,
        uid: `${id}@kelisim.kz`,
      });
      expect(mail?.text).toContain('14:30');
    }
    const inApp = await t.ctx.db
      .select()
      .from(notifications)
      .where(eq(notifications.kind, 'case.session_confirmed'));
    // Everyone but B, who confirmed it by answering, is told in the app; nobody twice by email.
    expect(inApp.map((n) => n.userId).sort()).toEqual([a.me.id, m.me.id].sort());
    expect(inApp.every((n) => !n.emailed)).toBe(true);

    const trail = await t.ctx.db.select().from(auditEvents).where(like(auditEvents.action, 'session.%'));
    expect(trail.map((e) => e.action)).toEqual([
      'session.proposed',
      'session.accepted',
      'session.accepted',
      'session.confirmed',
    ]);

    const file = await call(t, 'GET', `/api/cases/${caseId}/sessions/${id}/calendar.ics`, a.cookie);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('text/calendar');
    expect(parseCalendar(file.body)).toMatchObject({
      tzid: 'Asia/Almaty',
      start: '2026-12-01T09:30:00.000Z',
    });
  });

  it('sends a case in the Aktobe region in Asia/Aqtobe, and writes the email in the reader’s language', async () => {
    const { a, b, m, caseId } = await running({ region: 'aktobe' });
    await t.ctx.db.update(users).set({ locale: 'ru' }).where(eq(users.id, a.me.id));
    const id = await propose(t, caseId, m, {
      mode: 'in_person',
      address: 'Ақтөбе қ., Әбілқайыр хан д-лы, 40',
    });
    await answer(t, caseId, id, a, 'accept');
    await answer(t, caseId, id, b, 'accept');
    const [mail] = calendarMail(a.email);
    const ics = parseCalendar(mail?.ics as string);
    expect(ics).toMatchObject({ tzid: 'Asia/Aqtobe', dtstartTzid: 'Asia/Aqtobe', offsetSeconds: 5 * 3600 });
    expect(mail?.subject).toContain('Встреча подтверждена');
    expect(mail?.text).toContain('время Актобе, UTC+5');
    expect(mail?.text).toContain('Әбілқайыр хан д-лы, 40');
    expect((await sessionsOf(t, caseId, b)).sessions[0]?.timeZone).toBe('Asia/Aqtobe');
  });

  it('takes another time from a party: the mediator and the other party accept it', async () => {
    const { a, b, m, caseId } = await running();
    const first = await propose(t, caseId, m);
    const countered = await call(t, 'POST', `/api/cases/${caseId}/sessions/${first}/counter`, a.cookie, {
      startsAt: '2026-11-27T05:00:00Z',
    });
    expect(countered.statusCode).toBe(201);
    const seen = (await sessionsOf(t, caseId, m)).sessions;
    const counter = seen.find((s) => s.counterTo === first);
    expect(seen.find((s) => s.id === first)?.status).toBe('declined');
    expect(counter).toMatchObject({
      status: 'proposed',
      mediatorAccepted: false,
      actions: ['accept', 'decline', 'cancel'],
    });
    const id = counter?.id as string;
    // A cannot answer its own other time again; B has to.
    expect((await answer(t, caseId, id, a, 'accept')).json().code).toBe('already_answered');
    expect(
      (await answer(t, caseId, id, b, 'accept')).json().sessions.find((s: { id: string }) => s.id === id)
        .status,
    ).toBe('proposed');
    const done = await answer(t, caseId, id, m, 'accept');
    expect(done.json().sessions.find((s: { id: string }) => s.id === id).status).toBe('confirmed');
    expect(parseCalendar(calendarMail(b.email)[0]?.ics as string).local).toBe('2026-11-27T10:00:00');
  });

  it('ends a proposal when one party declines, and tells the mediator', async () => {
    const { a, m, caseId } = await running();
    const id = await propose(t, caseId, m);
    const declined = await answer(t, caseId, id, a, 'decline');
    expect(declined.json().sessions[0].status).toBe('declined');
    const told = await t.ctx.db
      .select()
      .from(notifications)
      .where(eq(notifications.kind, 'case.session_declined'));
    expect(told.map((n) => n.userId)).toContain(m.me.id);
    expect((await answer(t, caseId, id, m, 'accept')).json().code).toBe('session_not_open');
  });
});

describe('a caucus session (R-MED-17)', () => {
  it('is seen, answered and mailed only by its party and the mediator', async () => {
    const { a, b, m, caseId } = await running();
    const [, partyB] = await partyIdsOf(caseId, b.cookie);
    const mailsToA = outbox(t).filter((mail) => mail.to === a.email).length;
    const id = await propose(t, caseId, m, { caucusPartyId: partyB });
    expect((await sessionsOf(t, caseId, a)).sessions).toEqual([]);
    expect((await answer(t, caseId, id, a, 'accept')).statusCode).toBe(404);
    expect(
      (await call(t, 'GET', `/api/cases/${caseId}/sessions/${id}/calendar.ics`, a.cookie)).statusCode,
    ).toBe(404);
    expect((await answer(t, caseId, id, b, 'accept')).json().sessions[0].status).toBe('confirmed');
    expect(calendarMail(b.email)).toHaveLength(1);
    expect(calendarMail(m.email)).toHaveLength(1);
    expect(outbox(t).filter((mail) => mail.to === a.email)).toHaveLength(mailsToA);
    const toA = await t.ctx.db.select().from(notifications).where(eq(notifications.userId, a.me.id));
    expect(toA.filter((n) => n.kind.startsWith('case.session_'))).toEqual([]);
  });
});

describe('bad input and strangers', () => {
  it('names every wrong field in the caller’s language and writes nothing', async () => {
    const { m, caseId } = await running();
    const response = await call(t, 'POST', `/api/cases/${caseId}/sessions`, m.cookie, {
      mode: 'in_person',
      startsAt: '2026-11-24T08:00:00Z',
      durationMinutes: 10,
      caucusPartyId: '00000000-0000-4000-8000-000000000000',
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const body = response.json();
    expect(body.code).toBe('validation_failed');
    expect(body.errors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`)).toEqual([
      'startsAt:session_start_past',
      'durationMinutes:session_duration_range',
      'address:session_address_required',
      'caucusPartyId:session_party_unknown',
    ]);
    const kk = body.errors.find((e: { field: string }) => e.field === 'durationMinutes').detail;
    expect(kk).toBe('Ұзақтығы 15 минуттан 480 минутқа дейін болуы керек.');
    expect(await t.ctx.db.select().from(caseSessions)).toEqual([]);
    expect(await t.ctx.db.select().from(auditEvents).where(like(auditEvents.action, 'session.%'))).toEqual(
      [],
    );

    const shape = await call(t, 'POST', `/api/cases/${caseId}/sessions`, m.cookie, {
      mode: 'zoom',
      startsAt: 'tomorrow',
    });
    expect(shape.statusCode).toBe(400);
    expect(
      shape
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['durationMinutes', 'mode', 'startsAt']);
  });

  it('gives strangers and the court 404, a party 403 for proposing, and a closed case 409', async () => {
    const { a, b, m, caseId } = await running();
    const id = await propose(t, caseId, m, proposal(t));
    const stranger = await registerUser(t);
    const otherMediator = await listedMediator(t);
    for (const who of [stranger, otherMediator]) {
      expect((await call(t, 'GET', `/api/cases/${caseId}/sessions`, who.cookie)).statusCode).toBe(404);
      expect((await answer(t, caseId, id, who, 'accept')).statusCode).toBe(404);
    }
    expect(
      (await call(t, 'POST', `/api/cases/${caseId}/sessions`, otherMediator.cookie, proposal(t))).statusCode,
    ).toBe(404);

    const judge = await userWithRoles(t, ['court_user']);
    const [court] = await t.ctx.db.select().from(courts).limit(1);
    await t.ctx.db.update(users).set({ courtId: court?.id }).where(eq(users.id, judge.me.id));
    await t.ctx.sessions.userChanged(judge.me.id);
    await t.ctx.db.update(cases).set({ courtId: court?.id }).where(eq(cases.id, caseId));
    expect((await call(t, 'GET', `/api/cases/${caseId}`, judge.cookie)).statusCode).toBe(200);
    expect((await call(t, 'GET', `/api/cases/${caseId}/sessions`, judge.cookie)).statusCode).toBe(404);
    expect(
      (await call(t, 'GET', `/api/cases/${caseId}/sessions/${id}/calendar.ics`, judge.cookie)).statusCode,
    ).toBe(404);

    expect((await call(t, 'POST', `/api/cases/${caseId}/sessions`, a.cookie, proposal(t))).statusCode).toBe(
      403,
    );
    expect(
      (
        await call(t, 'POST', `/api/cases/${caseId}/sessions/${id}/counter`, m.cookie, {
          startsAt: proposal(t).startsAt,
        })
      ).statusCode,
    ).toBe(403);

    const ended = await call(t, 'POST', `/api/cases/${caseId}/ending`, m.cookie, { outcome: 'not_settled' });
    expect(ended.statusCode).toBe(200);
    const closed = await call(t, 'POST', `/api/cases/${caseId}/sessions`, m.cookie, proposal(t));
    expect(closed.statusCode).toBe(409);
    expect(closed.json().code).toBe('session_case_closed');
    expect((await answer(t, caseId, id, b, 'accept')).json().code).toBe('session_case_closed');
    // The history stays readable, with nothing left to do.
    const after = await sessionsOf(t, caseId, b);
    expect(after.canPropose).toBe(false);
    expect(after.sessions[0]?.actions).toEqual([]);
  });

  it('refuses an answer once the time has come', async () => {
    const { a, m, caseId } = await running();
    const id = await propose(t, caseId, m, {
      startsAt: new Date(t.clock.now().getTime() + 3_600_000).toISOString(),
    });
    t.clock.set(new Date(t.clock.now().getTime() + 2 * 3_600_000));
    const late = await answer(t, caseId, id, a, 'accept');
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('session_started');
  });
});

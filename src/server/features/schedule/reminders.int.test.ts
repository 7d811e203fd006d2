import { eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { activeCase, call } from '../../../../test/cases.ts';
import type { listedMediator } from '../../../../test/factories.ts';
import { auditEvents, caseSessions, notifications } from '../../db/schema/index.ts';
import { runSessionReminders } from './reminders.ts';
import {
  answer,
  calendarOf,
  hoursFromNow,
  outbox,
  parseCalendar,
  propose,
  sessionsOf,
} from './test-helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());
beforeEach(() => t.reset());

const HOUR_MS = 3_600_000;

/** A running mediation with one joint session confirmed `hours` from now. */
const confirmedSession = async (hours: number) => {
  const c = await activeCase(t);
  const m = c.m as Awaited<ReturnType<typeof listedMediator>>;
  const id = await propose(t, c.caseId, m, { startsAt: hoursFromNow(t, hours) });
  await answer(t, c.caseId, id, c.a, 'accept');
  const done = await answer(t, c.caseId, id, c.b, 'accept');
  if (done.json().sessions[0].status !== 'confirmed') throw new Error(`not confirmed: ${done.body}`);
  return { ...c, m, id, startsAt: new Date(hoursFromNow(t, hours)) };
};

const reminders = () =>
  t.ctx.db.select().from(notifications).where(eq(notifications.kind, 'case.session_reminder'));

const at = (start: Date, hoursBefore: number) => new Date(start.getTime() - hoursBefore * HOUR_MS);

describe('session reminders (the worker)', () => {
  it('reminds everyone 24 hours and 1 hour before, once each', async () => {
    const { a, b, m, startsAt } = await confirmedSession(72);
    expect(await runSessionReminders(t.ctx)).toEqual({ reminders: 0 });

    t.clock.set(at(startsAt, 23.5));
    expect(await runSessionReminders(t.ctx)).toEqual({ reminders: 1 });
    expect(await runSessionReminders(t.ctx)).toEqual({ reminders: 0 });
    const first = await reminders();
    expect(first.map((n) => n.userId).sort()).toEqual([a.me.id, b.me.id, m.me.id].sort());
    expect(first[0]?.params).toMatchObject({ hours: 24 });
    expect(first.every((n) => n.emailed)).toBe(true);

    t.clock.set(at(startsAt, 0.75));
    expect(await runSessionReminders(t.ctx)).toEqual({ reminders: 1 });
    t.clock.set(at(startsAt, 0.25));
    expect(await runSessionReminders(t.ctx)).toEqual({ reminders: 0 });
    expect((await reminders()).filter((n) => n.params.hours === 1)).toHaveLength(3);

    t.clock.set(at(startsAt, -1));
    expect(await runSessionReminders(t.ctx)).toEqual({ reminders: 0 });
    const trail = await t.ctx.db.select().from(auditEvents).where(eq(auditEvents.action, 'session.reminded'));
    expect(trail).toHaveLength(2);
    // The reminder mail names the time in the session's zone.
    const mail = outbox(t).filter((x) => x.to === a.email && x.text.includes('UTC+5'));
    expect(mail.length).toBeGreaterThan(0);
  });

  it('sends each reminder once when several workers pass at the same moment', async () => {
    const { startsAt } = await confirmedSession(30);
    t.clock.set(at(startsAt, 20));
    const passes = await Promise.all([1, 2, 3].map(() => runSessionReminders(t.ctx)));
    expect(passes.reduce((sum, p) => sum + p.reminders, 0)).toBe(1);
    expect(await reminders()).toHaveLength(3);
  });

  it('counts the confirmation as the reminder whose time had already come', async () => {
    const { id } = await confirmedSession(5);
    const [row] = await t.ctx.db.select().from(caseSessions).where(eq(caseSessions.id, id));
    expect(row?.remindedAtHours).toBe(24);
    expect(await runSessionReminders(t.ctx)).toEqual({ reminders: 0 });
  });

  it('reminds of nothing cancelled, and nothing in a mediation that ended', async () => {
    const first = await confirmedSession(10);
    await call(t, 'POST', `/api/cases/${first.caseId}/sessions/${first.id}/cancel`, first.m.cookie, {});
    t.clock.set(at(first.startsAt, 0.5));
    expect(await runSessionReminders(t.ctx)).toEqual({ reminders: 0 });

    await t.reset();
    const second = await confirmedSession(10);
    const ended = await call(t, 'POST', `/api/cases/${second.caseId}/ending`, second.m.cookie, {
      outcome: 'not_settled',
    });
    expect(ended.statusCode).toBe(200);
    t.clock.set(at(second.startsAt, 0.5));
    expect(await runSessionReminders(t.ctx)).toEqual({ reminders: 0 });
  });
});

describe('cancelling a session', () => {
  it('tells everyone and sends a calendar file that cancels the confirmed event', async () => {
    const { a, b, m, caseId, id } = await confirmedSession(48);
    const cancelled = await call(t, 'POST', `/api/cases/${caseId}/sessions/${id}/cancel`, m.cookie, {});
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json().sessions[0]).toMatchObject({ status: 'cancelled', actions: [] });
    for (const who of [a, b, m]) {
      const files = outbox(t)
        .filter((mail) => mail.to === who.email)
        .map((mail) => calendarOf(mail.eml))
        .filter((ics): ics is string => ics !== null)
        .map(parseCalendar);
      expect(files.map((f) => [f.status, f.sequence])).toEqual([
        ['CONFIRMED', 0],
        ['CANCELLED', 1],
      ]);
      expect(new Set(files.map((f) => f.uid)).size).toBe(1);
    }
    const told = await t.ctx.db
      .select()
      .from(notifications)
      .where(eq(notifications.kind, 'case.session_cancelled'));
    expect(told.map((n) => n.userId).sort()).toEqual([a.me.id, b.me.id].sort());
    expect((await sessionsOf(t, caseId, a)).sessions[0]?.status).toBe('cancelled');
    const again = await call(t, 'POST', `/api/cases/${caseId}/sessions/${id}/cancel`, m.cookie, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('session_not_open');
    const trail = await t.ctx.db
      .select()
      .from(auditEvents)
      .where(like(auditEvents.action, 'session.cancelled'));
    expect(trail).toHaveLength(1);
  });

  it('lets only the mediator cancel', async () => {
    const { a, caseId, id } = await confirmedSession(48);
    expect(
      (await call(t, 'POST', `/api/cases/${caseId}/sessions/${id}/cancel`, a.cookie, {})).statusCode,
    ).toBe(403);
  });
});

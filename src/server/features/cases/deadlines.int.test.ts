import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { activeCase, call, invitedCase } from '../../../../test/cases.ts';
import { sentMail } from '../../../../test/factories.ts';
import { cases } from '../../db/schema/index.ts';
import { runCaseDeadlines } from './deadlines.ts';

// The deadline worker with the test's manual clock: no waiting, exact Almaty midnights.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());
beforeEach(() => t.reset());

// Read from the database: a month on the manual clock outlives the test's login sessions.
const status = async (caseId: string) =>
  (await t.ctx.db.select({ status: cases.status }).from(cases).where(eq(cases.id, caseId)))[0]?.status;

describe('R-MED-10: an unanswered proposal counts as declined after 10 days', () => {
  it('stays open through the last day and is declined from the next midnight in Kazakhstan', async () => {
    const { a, caseId } = await invitedCase(t);
    t.clock.set(new Date('2026-12-04T18:59:00Z')); // 23:59 on 4 Dec, the last day
    expect(await runCaseDeadlines(t.ctx)).toMatchObject({ invitationsExpired: 0 });
    expect(await status(caseId)).toBe('invited');
    t.clock.set(new Date('2026-12-04T19:00:00Z')); // 00:00 on 5 Dec
    expect(await runCaseDeadlines(t.ctx)).toMatchObject({ invitationsExpired: 1 });
    const view = (await call(t, 'GET', `/api/cases/${caseId}`, a.cookie)).json();
    expect(view.status).toBe('declined');
    expect(view.timeline.at(-1)).toMatchObject({
      action: 'expire_invitation',
      actor: 'system',
      rule: 'R-MED-10',
    });
    // A second pass finds nothing more to do.
    expect(await runCaseDeadlines(t.ctx)).toMatchObject({ invitationsExpired: 0 });
  });
});

describe('R-MED-11: the 30-day term', () => {
  it('reminds 7 and 2 days before the end, once each, then ends the mediation as term expired', async () => {
    const c = await activeCase(t); // started 24 Nov 2026, ends 24 Dec
    const reminderNotes = async () =>
      (await call(t, 'GET', '/api/notifications', c.a.cookie))
        .json()
        .notifications.filter((n: { kind: string }) => n.kind === 'case.term_reminder');
    t.clock.set(new Date('2026-12-16T12:00:00Z')); // 8 days left
    expect((await runCaseDeadlines(t.ctx)).reminders).toBe(0);
    t.clock.set(new Date('2026-12-17T12:00:00Z')); // 7 days left
    expect((await runCaseDeadlines(t.ctx)).reminders).toBe(1);
    expect((await runCaseDeadlines(t.ctx)).reminders).toBe(0);
    t.clock.set(new Date('2026-12-22T12:00:00Z')); // 2 days left
    expect((await runCaseDeadlines(t.ctx)).reminders).toBe(1);
    const notes = await reminderNotes();
    expect(notes.map((n: { params: { days: number } }) => n.params.days)).toEqual([2, 7]);
    expect(sentMail(t).filter((m) => m.to === c.a.email && m.text.includes('2026-12-24'))).toHaveLength(2);
    t.clock.set(new Date('2026-12-24T18:00:00Z')); // the last day, 23:00
    expect((await runCaseDeadlines(t.ctx)).termsExpired).toBe(0);
    t.clock.set(new Date('2026-12-24T19:00:00Z')); // 00:00 on 25 Dec
    expect((await runCaseDeadlines(t.ctx)).termsExpired).toBe(1);
    expect(await status(c.caseId)).toBe('term_expired');
  });

  it('an extension moves the end and the reminders with it', async () => {
    const c = await activeCase(t);
    t.clock.set(new Date('2026-12-18T12:00:00Z'));
    expect((await runCaseDeadlines(t.ctx)).reminders).toBe(1);
    const extended = await call(t, 'POST', `/api/cases/${c.caseId}/extension`, c.m.cookie, {
      days: 10,
      note: 'All parties agreed in writing',
    });
    // 40 days from 24 Nov is Sunday 3 Jan; Monday 4 Jan is the New Year day off: the term ends on 5 Jan.
    expect(extended.json().term.endsOn).toBe('2027-01-05');
    t.clock.set(new Date('2026-12-25T12:00:00Z')); // would have expired without the extension
    const pass = await runCaseDeadlines(t.ctx);
    expect(pass.termsExpired).toBe(0);
    expect(await status(c.caseId)).toBe('active');
    t.clock.set(new Date('2027-01-04T19:00:00Z')); // 00:00 on 5 Jan, its last day
    expect((await runCaseDeadlines(t.ctx)).termsExpired).toBe(0);
    t.clock.set(new Date('2027-01-05T19:00:00Z')); // 00:00 on 6 Jan
    expect((await runCaseDeadlines(t.ctx)).termsExpired).toBe(1);
  });
});

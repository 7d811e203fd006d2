import { and, eq, gt, isNull, lte, or } from 'drizzle-orm';
import { ROOM_OPEN_STATUSES } from '../../../core/room/rooms.ts';
import { dueReminder, REMINDER_HOURS } from '../../../core/schedule/sessions.ts';
import type { AppContext } from '../../context.ts';
import { caseSessions, cases } from '../../db/schema/index.ts';
import { audit } from '../../platform/audit.ts';
import { transact } from '../../platform/transaction.ts';
import { loadCase } from '../cases/store.ts';
import { notifyAll } from '../notifications/commands.ts';
import { roomCaseOf } from '../room/access.ts';
import { whenParams } from './mail.ts';
import type { SessionRow } from './store.ts';
import { participantsOf } from './store.ts';

// The worker's part in scheduling: everyone a confirmed session concerns is reminded 24 hours and
// 1 hour before it starts, once each. Several worker nodes may pass at once: each session is
// changed under its case's and its own row locks and checked again there, so one node sends.

const BATCH = 500;
const HOUR_MS = 3_600_000;

/** Confirmed sessions of running mediations whose next reminder may be due. */
const candidates = async (ctx: AppContext) => {
  const now = ctx.clock.now();
  const within = (hours: number) => lte(caseSessions.startsAt, new Date(now.getTime() + hours * HOUR_MS));
  const [first, last] = REMINDER_HOURS;
  return ctx.db
    .select({ id: caseSessions.id, caseId: caseSessions.caseId })
    .from(caseSessions)
    .innerJoin(cases, eq(cases.id, caseSessions.caseId))
    .where(
      and(
        eq(caseSessions.status, 'confirmed'),
        gt(caseSessions.startsAt, now),
        eq(cases.status, 'active'),
        or(
          and(isNull(caseSessions.remindedAtHours), within(first)),
          and(gt(caseSessions.remindedAtHours, last), within(last)),
        ),
      ),
    )
    .limit(BATCH);
};

/** Reminds of one session if it is still due, under the locks; 1 when sent, 0 when not. */
const remind = (ctx: AppContext, caseId: string, sessionId: string) =>
  transact(ctx, async (tx, after) => {
    // The case first, then the session: the same order as every other change of a session.
    const loaded = await loadCase(tx, caseId, 'share');
    const [found] = await tx.select().from(caseSessions).where(eq(caseSessions.id, sessionId)).for('update');
    const row = found as SessionRow | undefined;
    const now = ctx.clock.now();
    if (row?.status !== 'confirmed' || !ROOM_OPEN_STATUSES.includes(loaded.row.status)) return 0;
    const hours = dueReminder(row.startsAt, now, row.remindedAtHours);
    if (hours === null) return 0;
    await tx.update(caseSessions).set({ remindedAtHours: hours }).where(eq(caseSessions.id, sessionId));
    await audit(
      tx,
      {
        actorId: null,
        action: 'session.reminded',
        subjectType: 'case_session',
        subjectId: sessionId,
        data: { caseId, hours },
      },
      now,
    );
    const { all } = participantsOf({ loaded, roomCase: roomCaseOf(loaded) }, row);
    await notifyAll(
      ctx,
      tx,
      after,
      all.map((userId) => ({
        userId,
        kind: 'case.session_reminder',
        params: { number: loaded.row.number, hours, ...whenParams(row) },
        link: `/cases/${caseId}#sessions`,
      })),
    );
    return 1;
  });

/** One pass of the worker: returns how many reminders went out. */
export const runSessionReminders = async (ctx: AppContext) => {
  let reminders = 0;
  for (const { id, caseId } of await candidates(ctx)) reminders += await remind(ctx, caseId, id);
  return { reminders };
};

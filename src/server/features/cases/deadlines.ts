import { and, eq, gt, isNull, lt, lte, or } from 'drizzle-orm';
import { addDays, kzDate } from '../../../core/calendar/dates.ts';
import { daysLeft } from '../../../core/calendar/periods.ts';
import type { AppContext } from '../../context.ts';
import { cases } from '../../db/schema/index.ts';
import { Problem } from '../../platform/errors.ts';
import { transact } from '../../platform/transaction.ts';
import { applyAction, tellParticipants } from './act.ts';
import { overdueInvitations } from './invitations.ts';
import { loadCase } from './store.ts';

// The deadline worker's work (DOMAIN §5 periods in Asia/Almaty days): proposals nobody answered
// within 10 days count as declined (R-MED-10), terms that ran out end the mediation (R-MED-11),
// and the participants are reminded 7 and 2 days before the term's end.

/** Days before the end of the term when everyone is reminded. */
export const REMINDER_DAYS = [7, 2] as const;
const BATCH = 500;

/** One system action on one case, in its own transaction; a case that moved on meanwhile is skipped. */
const systemAction = async (ctx: AppContext, caseId: string, type: 'expire_invitation' | 'expire_term') => {
  try {
    await transact(ctx, async (tx, after) => {
      const loaded = await loadCase(tx, caseId, 'update');
      await applyAction(ctx, { tx, after, loaded }, { kind: 'system' }, null, { type });
    });
    return 1;
  } catch (error) {
    if (error instanceof Problem) return 0;
    throw error;
  }
};

const expiredTerms = async (ctx: AppContext) => {
  const today = kzDate(ctx.clock.now());
  const rows = await ctx.db
    .select({ id: cases.id })
    .from(cases)
    .where(and(eq(cases.status, 'active'), lt(cases.termEndsOn, today)))
    .limit(BATCH);
  return rows.map((r) => r.id);
};

/** Active cases whose next reminder is due: the term ends within 7 (or 2) days and it was not sent. */
const dueReminders = async (ctx: AppContext) => {
  const today = kzDate(ctx.clock.now());
  // N days left ⟺ the term's last day is today + N.
  const reaches = (days: number) => lte(cases.termEndsOn, addDays(today, days));
  const [first, last] = REMINDER_DAYS;
  const conditions = [
    and(isNull(cases.remindedAtDays), reaches(first)),
    and(gt(cases.remindedAtDays, last), reaches(last)),
  ];
  return ctx.db
    .select({ id: cases.id, termEndsOn: cases.termEndsOn, remindedAtDays: cases.remindedAtDays })
    .from(cases)
    .where(and(eq(cases.status, 'active'), or(...conditions)))
    .limit(BATCH);
};

const remind = async (ctx: AppContext, caseId: string) =>
  transact(ctx, async (tx, after) => {
    const loaded = await loadCase(tx, caseId, 'update');
    const { row } = loaded;
    if (row.status !== 'active' || !row.termEndsOn) return 0;
    const left = daysLeft(ctx.clock.now(), row.termEndsOn);
    // The smallest threshold reached; nothing if it was already sent.
    const threshold = [...REMINDER_DAYS].reverse().find((d) => left <= d);
    if (!threshold || (row.remindedAtDays !== null && row.remindedAtDays <= threshold)) return 0;
    await tx.update(cases).set({ remindedAtDays: threshold }).where(eq(cases.id, caseId));
    await tellParticipants(
      ctx,
      { tx, after, loaded },
      'term_reminder',
      { except: null, mediatorId: row.mediatorId },
      { params: { days: left, endsOn: row.termEndsOn } },
    );
    return 1;
  });

export type DeadlineReport = { invitationsExpired: number; termsExpired: number; reminders: number };

/** One pass of the worker; safe to run on several nodes (each case is locked while it changes). */
export const runCaseDeadlines = async (ctx: AppContext): Promise<DeadlineReport> => {
  const report: DeadlineReport = { invitationsExpired: 0, termsExpired: 0, reminders: 0 };
  for (const id of await overdueInvitations(ctx, BATCH))
    report.invitationsExpired += await systemAction(ctx, id, 'expire_invitation');
  for (const id of await expiredTerms(ctx)) report.termsExpired += await systemAction(ctx, id, 'expire_term');
  for (const { id } of await dueReminders(ctx)) report.reminders += await remind(ctx, id);
  return report;
};

import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { sessionCounter, sessionProposal } from '../../../contracts/schedule.ts';
import { ROOM_OPEN_STATUSES } from '../../../core/room/rooms.ts';
import {
  dueReminder,
  type FieldIssue,
  isAgreed,
  proposalIssues,
  type Refusal,
  refusal,
  type SessionAction,
  timeIssues,
} from '../../../core/schedule/sessions.ts';
import { zoneOfRegion } from '../../../core/schedule/zones.ts';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/open.ts';
import { caseSessionAnswers, caseSessions } from '../../db/schema/index.ts';
import { audit } from '../../platform/audit.ts';
import type { Principal } from '../../platform/auth/sessions.ts';
import { Problem } from '../../platform/errors.ts';
import { type AfterCommit, transact } from '../../platform/transaction.ts';
import { notifyAll } from '../notifications/commands.ts';
import type { RoomAccess } from '../room/access.ts';
import { queueSessionMail, whenParams } from './mail.ts';
import {
  factsOf,
  type LoadedSession,
  participantsOf,
  type SessionRow,
  sessionAccess,
  visibleSession,
} from './store.ts';

// The use cases of scheduling (issue 5): the mediator proposes, each concerned party accepts,
// declines or proposes another time, the mediator answers a party's other time, and cancels. Each
// runs in one transaction under the case's share lock and the session's row lock (so two answers
// are decided one after the other and the last one confirms), audits what changed, and tells the
// others after commit.

type Scope = { ctx: AppContext; tx: Db; after: AfterCommit; access: RoomAccess; now: Date; actorId: string };

const REFUSAL_STATUS: Record<Refusal, number> = {
  session_not_open: 409,
  session_started: 409,
  already_answered: 409,
  case_actor_not_allowed: 403,
};

/** Sessions are planned only while the mediation runs (the room is open). */
const requireRunning = (access: RoomAccess) => {
  const status = access.loaded.row.status;
  if (!ROOM_OPEN_STATUSES.includes(status))
    throw new Problem(409, 'session_case_closed', { caseStatus: status });
};

const invalid = (issues: FieldIssue[]) => new Problem(400, 'validation_failed', {}, issues);

const check = (s: Scope, session: LoadedSession, action: SessionAction) => {
  const refused = refusal(factsOf(session), s.access.member, action, s.access.roomCase.partyIds, s.now);
  if (refused) throw new Problem(REFUSAL_STATUS[refused], refused);
};

const record = (s: Scope, row: SessionRow, action: string, data: Record<string, unknown> = {}) =>
  audit(
    s.tx,
    {
      actorId: s.actorId,
      action: `session.${action}`,
      subjectType: 'case_session',
      subjectId: row.id,
      data: { caseId: s.access.loaded.row.id, ...data },
    },
    s.now,
  );

/** An in-app notification (and by default an email) to these accounts, the actor left out. */
const tell = (s: Scope, row: SessionRow, kind: string, userIds: readonly string[], email = true) =>
  notifyAll(
    s.ctx,
    s.tx,
    s.after,
    userIds
      .filter((id) => id !== s.actorId)
      .map((userId) => ({
        userId,
        kind: `case.session_${kind}`,
        params: { number: s.access.loaded.row.number, ...whenParams(row) },
        link: `/cases/${s.access.loaded.row.id}#sessions`,
        email,
      })),
  );

/** Everyone agreed: confirmed, told in the app, and sent the calendar file by email. */
const confirm = async (s: Scope, row: SessionRow) => {
  // A reminder whose time has already come is covered by the confirmation itself.
  const reminded = dueReminder(row.startsAt, s.now, null);
  const [confirmed] = (await s.tx
    .update(caseSessions)
    .set({ status: 'confirmed', confirmedAt: s.now, remindedAtHours: reminded })
    .where(eq(caseSessions.id, row.id))
    .returning()) as SessionRow[];
  const session = confirmed as SessionRow;
  await record(s, session, 'confirmed');
  const { all, mediatorUserId } = participantsOf(s.access, session);
  await tell(s, session, 'confirmed', all, false);
  await queueSessionMail(s.ctx, s.tx, s.after, all, {
    kind: 'confirmed',
    caseId: s.access.loaded.row.id,
    caseNumber: s.access.loaded.row.number,
    row: session,
    mediatorUserId,
    now: s.now,
  });
};

const decline = async (s: Scope, row: SessionRow, data: Record<string, unknown>) => {
  await s.tx.update(caseSessions).set({ status: 'declined' }).where(eq(caseSessions.id, row.id));
  await record(s, row, 'declined', data);
};

const scoped = <T>(
  ctx: AppContext,
  principal: Principal,
  caseId: string,
  work: (s: Scope) => Promise<T>,
): Promise<T> =>
  transact(ctx, async (tx, after) => {
    const access = await sessionAccess(tx, caseId, principal, 'share');
    requireRunning(access);
    return work({ ctx, tx, after, access, now: ctx.clock.now(), actorId: principal.userId });
  });

/** The mediator proposes a time to every party, or to one party alone (a caucus session). */
export const proposeSession = (
  ctx: AppContext,
  principal: Principal,
  caseId: string,
  body: z.output<typeof sessionProposal>,
) =>
  scoped(ctx, principal, caseId, async (s) => {
    if (s.access.member.role !== 'mediator') throw new Problem(403, 'case_actor_not_allowed');
    const proposal = {
      mode: body.mode,
      address: body.mode === 'in_person' ? body.address?.trim() || null : null,
      startsAt: new Date(body.startsAt),
      durationMinutes: body.durationMinutes,
      caucusPartyId: body.caucusPartyId ?? null,
    };
    const issues = proposalIssues(proposal, {
      now: s.now,
      partyIds: s.access.roomCase.partyIds,
      separateSessions: s.access.roomCase.separateSessions,
    });
    if (issues.length > 0) throw invalid(issues);
    const [row] = (await s.tx
      .insert(caseSessions)
      .values({
        caseId,
        proposedBy: s.actorId,
        ...proposal,
        timeZone: zoneOfRegion(s.access.loaded.row.region),
        status: 'proposed',
        // The mediator's own proposal needs no answer from the mediator.
        mediatorAcceptedAt: s.now,
        createdAt: s.now,
      })
      .returning()) as SessionRow[];
    const session = row as SessionRow;
    await record(s, session, 'proposed', {
      mode: session.mode,
      startsAt: session.startsAt.toISOString(),
      durationMinutes: session.durationMinutes,
      caucus: session.caucusPartyId !== null,
    });
    await tell(s, session, 'proposed', participantsOf(s.access, session).partyUserIds);
    return session.id;
  });

/** A party accepts or declines a proposal; the mediator accepts or declines a party's other time. */
export const answerSession = (
  ctx: AppContext,
  principal: Principal,
  caseId: string,
  sessionId: string,
  answer: 'accept' | 'decline',
) =>
  scoped(ctx, principal, caseId, async (s) => {
    const session = await visibleSession(s.tx, s.access, sessionId, true);
    check(s, session, answer);
    const { member } = s.access;
    const who = participantsOf(s.access, session.row);
    if (member.role === 'party') {
      const value = answer === 'accept' ? 'accepted' : 'declined';
      await s.tx.insert(caseSessionAnswers).values({
        sessionId,
        partyId: member.partyId,
        answer: value,
        answeredBy: s.actorId,
        answeredAt: s.now,
      });
      session.answers.push({
        sessionId,
        partyId: member.partyId,
        answer: value,
        answeredBy: s.actorId,
        answeredAt: s.now,
      });
    } else if (answer === 'accept') {
      await s.tx
        .update(caseSessions)
        .set({ mediatorAcceptedAt: s.now })
        .where(eq(caseSessions.id, sessionId));
      session.row.mediatorAcceptedAt = s.now;
    }
    const by = member.role === 'party' ? { partyId: member.partyId } : { mediator: true };
    if (answer === 'decline') {
      await decline(s, session.row, by);
      return tell(s, session.row, 'declined', who.all);
    }
    await record(s, session.row, 'accepted', by);
    if (isAgreed(factsOf(session), s.access.roomCase.partyIds)) return confirm(s, session.row);
    // One step of several: the others see it in the app; the mail comes with the confirmation.
    return tell(s, session.row, 'accepted', who.all, false);
  });

/**
 * A party proposes another time instead: its answer to the proposal is "declined", and the new
 * time (same way of meeting, same people) goes to the mediator and the other parties it concerns.
 */
export const counterSession = (
  ctx: AppContext,
  principal: Principal,
  caseId: string,
  sessionId: string,
  body: z.output<typeof sessionCounter>,
) =>
  scoped(ctx, principal, caseId, async (s) => {
    const original = await visibleSession(s.tx, s.access, sessionId, true);
    check(s, original, 'counter');
    const { member } = s.access;
    if (member.role !== 'party') throw new Problem(403, 'case_actor_not_allowed');
    const startsAt = new Date(body.startsAt);
    const durationMinutes = body.durationMinutes ?? original.row.durationMinutes;
    const issues = timeIssues(startsAt, durationMinutes, s.now);
    if (issues.length > 0) throw invalid(issues);
    const answer = { partyId: member.partyId, answeredBy: s.actorId, answeredAt: s.now };
    await s.tx.insert(caseSessionAnswers).values({ sessionId, answer: 'declined', ...answer });
    await decline(s, original.row, { partyId: member.partyId, otherTime: true });
    const { id: _id, createdAt: _c, confirmedAt: _f, remindedAtHours: _r, ...kept } = original.row;
    const [row] = (await s.tx
      .insert(caseSessions)
      .values({
        ...kept,
        counterTo: original.row.id,
        proposedBy: s.actorId,
        startsAt,
        durationMinutes,
        status: 'proposed',
        mediatorAcceptedAt: null,
        createdAt: s.now,
      })
      .returning()) as SessionRow[];
    const counter = row as SessionRow;
    await s.tx.insert(caseSessionAnswers).values({ sessionId: counter.id, answer: 'accepted', ...answer });
    await record(s, counter, 'countered', {
      counterTo: original.row.id,
      startsAt: counter.startsAt.toISOString(),
      durationMinutes,
    });
    await tell(s, counter, 'countered', participantsOf(s.access, counter).all);
    return counter.id;
  });

/** The mediator cancels a proposed or confirmed session; a confirmed one leaves calendars too. */
export const cancelSession = (ctx: AppContext, principal: Principal, caseId: string, sessionId: string) =>
  scoped(ctx, principal, caseId, async (s) => {
    const session = await visibleSession(s.tx, s.access, sessionId, true);
    check(s, session, 'cancel');
    const wasConfirmed = session.row.status === 'confirmed';
    await s.tx.update(caseSessions).set({ status: 'cancelled' }).where(eq(caseSessions.id, sessionId));
    await record(s, session.row, 'cancelled', { wasConfirmed });
    const { all, mediatorUserId } = participantsOf(s.access, session.row);
    // A confirmed session is in people's calendars: the cancellation mail carries the file that removes it.
    await tell(s, session.row, 'cancelled', all, !wasConfirmed);
    if (wasConfirmed)
      await queueSessionMail(ctx, s.tx, s.after, all, {
        kind: 'cancelled',
        caseId,
        caseNumber: s.access.loaded.row.number,
        row: session.row,
        mediatorUserId,
        now: s.now,
      });
  });

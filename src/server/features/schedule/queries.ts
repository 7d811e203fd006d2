import type { z } from 'zod';
import type { sessionList, sessionView } from '../../../contracts/schedule.ts';
import type { Locale } from '../../../core/identity/roles.ts';
import { ROOM_OPEN_STATUSES } from '../../../core/room/rooms.ts';
import { actionsOf, concernedParties } from '../../../core/schedule/sessions.ts';
import { offsetAt, wallTime, zoneOfRegion } from '../../../core/schedule/zones.ts';
import type { AppContext } from '../../context.ts';
import type { Principal } from '../../platform/auth/sessions.ts';
import { Problem } from '../../platform/errors.ts';
import type { RoomAccess } from '../room/access.ts';
import { mediatorNameOf, sessionFile } from './mail.ts';
import { factsOf, type LoadedSession, sessionAccess, visibleSession, visibleSessions } from './store.ts';

// What each participant sees of the case's sessions: the mediator all of them, a party the joint
// ones and its own caucus sessions (R-MED-17), each with what the caller may do with it now.

type SessionView = z.infer<typeof sessionView>;

const viewOf = (access: RoomAccess, session: LoadedSession, now: Date): SessionView => {
  const { row, answers } = session;
  const partyIds = access.roomCase.partyIds;
  const local = wallTime(row.timeZone, row.startsAt);
  const proposer = access.loaded.parties.find((p) => p.userId === row.proposedBy && row.counterTo !== null);
  const running = ROOM_OPEN_STATUSES.includes(access.loaded.row.status);
  return {
    id: row.id,
    counterTo: row.counterTo,
    mode: row.mode,
    address: row.address,
    startsAt: row.startsAt.toISOString(),
    endsAt: new Date(row.startsAt.getTime() + row.durationMinutes * 60_000).toISOString(),
    durationMinutes: row.durationMinutes,
    timeZone: row.timeZone,
    utcOffsetMinutes: local.offsetMinutes,
    localDate: local.date,
    localTime: local.time,
    caucusPartyId: row.caucusPartyId,
    status: row.status,
    lapsed: row.status === 'proposed' && row.startsAt.getTime() <= now.getTime(),
    proposedBy: proposer ? { role: 'party', partyId: proposer.id } : { role: 'mediator', partyId: null },
    mediatorAccepted: row.mediatorAcceptedAt !== null,
    answers: concernedParties(row.caucusPartyId, partyIds).map((partyId) => {
      const answer = answers.find((a) => a.partyId === partyId);
      return { partyId, answer: answer?.answer ?? 'pending', at: answer?.answeredAt.toISOString() ?? null };
    }),
    // Nothing changes once the mediation has ended; its sessions stay readable.
    actions: running ? actionsOf(factsOf(session), access.member, partyIds, now) : [],
    confirmedAt: row.confirmedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
};

/** The case's sessions as the caller may see them, with what the caller may do. */
export const listSessions = async (
  ctx: AppContext,
  principal: Principal,
  caseId: string,
): Promise<z.infer<typeof sessionList>> => {
  const access = await sessionAccess(ctx.db, caseId, principal);
  const now = ctx.clock.now();
  const sessions = await visibleSessions(ctx.db, caseId, access.member);
  const zone = zoneOfRegion(access.loaded.row.region);
  return {
    timeZone: zone,
    utcOffsetMinutes: offsetAt(zone, now),
    canPropose: access.member.role === 'mediator' && ROOM_OPEN_STATUSES.includes(access.loaded.row.status),
    jointAllowed: !access.roomCase.separateSessions,
    sessions: sessions.map((session) => viewOf(access, session, now)),
  };
};

/**
 * The calendar file of a confirmed session, for "add to my calendar" on the case page: the same
 * file the confirmation email carried, in the caller's language.
 */
export const sessionCalendarFile = async (
  ctx: AppContext,
  principal: Principal,
  caseId: string,
  sessionId: string,
  locale: Locale,
) => {
  const access = await sessionAccess(ctx.db, caseId, principal);
  const session = await visibleSession(ctx.db, access, sessionId);
  if (session.row.status !== 'confirmed' && session.row.status !== 'cancelled')
    throw new Problem(409, 'session_not_confirmed');
  return sessionFile(
    ctx,
    {
      kind: session.row.status === 'confirmed' ? 'confirmed' : 'cancelled',
      caseId,
      caseNumber: access.loaded.row.number,
      row: session.row,
      mediatorName: await mediatorNameOf(ctx.db, access.loaded.mediatorUserId),
      now: ctx.clock.now(),
    },
    locale,
  );
};

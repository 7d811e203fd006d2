import { and, asc, eq, inArray } from 'drizzle-orm';
import type { RoomMember } from '../../../core/room/rooms.ts';
import { concernedParties, maySee, type SessionFacts } from '../../../core/schedule/sessions.ts';
import type { SessionZone } from '../../../core/schedule/zones.ts';
import type { Db } from '../../db/open.ts';
import { caseSessionAnswers, caseSessions } from '../../db/schema/index.ts';
import type { Principal } from '../../platform/auth/sessions.ts';
import { Problem } from '../../platform/errors.ts';
import { type RoomAccess, roomAccess } from '../room/access.ts';

// Reading sessions with their answers, and who the caller is in the case. A court, a stranger,
// and a party asking about the other party's caucus session all get 404 (R-MED-17).

export type SessionRow = typeof caseSessions.$inferSelect & { timeZone: SessionZone };
export type AnswerRow = typeof caseSessionAnswers.$inferSelect;
export type LoadedSession = { row: SessionRow; answers: AnswerRow[] };

export const factsOf = ({ row, answers }: LoadedSession): SessionFacts => ({
  status: row.status,
  startsAt: row.startsAt,
  caucusPartyId: row.caucusPartyId,
  mediatorAccepted: row.mediatorAcceptedAt !== null,
  answers: Object.fromEntries(answers.map((a) => [a.partyId, a.answer])),
});

/**
 * The case and the caller in it; a court learns nothing of sessions (R-MED-17). Changes take the
 * case's share lock (the case cannot end meanwhile, the room goes on) and then the session's row
 * lock, which puts two answers to one session one after the other.
 */
export const sessionAccess = async (db: Db, caseId: string, principal: Principal, lock?: 'share') => {
  const access = await roomAccess(db, caseId, principal, lock);
  if (access.member.role === 'court') throw new Problem(404, 'not_found');
  return access;
};

const withAnswers = async (db: Db, rows: (typeof caseSessions.$inferSelect)[]): Promise<LoadedSession[]> => {
  if (rows.length === 0) return [];
  const answers = await db
    .select()
    .from(caseSessionAnswers)
    .where(
      inArray(
        caseSessionAnswers.sessionId,
        rows.map((r) => r.id),
      ),
    );
  return rows.map((row) => ({
    row: row as SessionRow,
    answers: answers.filter((a) => a.sessionId === row.id),
  }));
};

/** Every session of the case this member may see, soonest first. */
export const visibleSessions = async (db: Db, caseId: string, member: RoomMember) => {
  const rows = await db
    .select()
    .from(caseSessions)
    .where(eq(caseSessions.caseId, caseId))
    .orderBy(asc(caseSessions.startsAt), asc(caseSessions.createdAt));
  return withAnswers(
    db,
    rows.filter((row) => maySee(row.caucusPartyId, member)),
  );
};

/**
 * One session of the case, if this member may see it (else 404); `lock` takes its row lock after
 * the case's, for changes.
 */
export const visibleSession = async (
  db: Db,
  access: RoomAccess,
  sessionId: string,
  lock = false,
): Promise<LoadedSession> => {
  const query = db
    .select()
    .from(caseSessions)
    .where(and(eq(caseSessions.id, sessionId), eq(caseSessions.caseId, access.loaded.row.id)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row || !maySee(row.caucusPartyId, access.member)) throw new Problem(404, 'not_found');
  const [loaded] = await withAnswers(db, [row]);
  return loaded as LoadedSession;
};

/** Who the session is for: the concerned parties' accounts and the mediator's. */
export const participantsOf = (access: Pick<RoomAccess, 'loaded' | 'roomCase'>, row: SessionRow) => {
  const concerned = concernedParties(row.caucusPartyId, access.roomCase.partyIds);
  const parties = access.loaded.parties.filter((p) => concerned.includes(p.id) && p.userId);
  return {
    partyUserIds: parties.map((p) => p.userId as string),
    mediatorUserId: access.loaded.mediatorUserId,
    all: [
      ...new Set([
        ...parties.map((p) => p.userId as string),
        ...(access.loaded.mediatorUserId ? [access.loaded.mediatorUserId] : []),
      ]),
    ],
  };
};

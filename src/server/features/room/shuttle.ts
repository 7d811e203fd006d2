import { createHash } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { caucusRoom } from '../../../core/room/rooms.ts';
import type { AppContext } from '../../context.ts';
import { shuttleStatements } from '../../db/schema/index.ts';
import { audit } from '../../platform/audit.ts';
import type { Principal } from '../../platform/auth/sessions.ts';
import { Problem } from '../../platform/errors.ts';
import { transact } from '../../platform/transaction.ts';
import { type RoomAccess, roomAccess } from './access.ts';
import { publishRoomEvent } from './events.ts';
import { insertMessage } from './messages.ts';
import { mediatorName } from './queries.ts';
import { messageView } from './views.ts';

// Shuttle mode (R-MED-17): the mediator may carry a statement from one party's caucus to another
// party only when its author approves the exact text. Until then the other side sees nothing.

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const scope = (caseId: string) => `case:${caseId}`;

const requireOpen = (access: RoomAccess) => {
  if (access.loaded.row.status !== 'active')
    throw new Problem(409, 'room_closed', { caseStatus: access.loaded.row.status });
};

/** The mediator proposes to carry `body` from one party's caucus to another party. */
export const proposeShuttle = async (
  ctx: AppContext,
  principal: Principal,
  caseId: string,
  input: { fromPartyId: string; toPartyId: string; body: string },
) =>
  transact(ctx, async (tx) => {
    const access = await roomAccess(tx, caseId, principal, 'share');
    if (access.member.role !== 'mediator') throw new Problem(404, 'not_found');
    requireOpen(access);
    const { partyIds } = access.roomCase;
    if (
      !partyIds.includes(input.fromPartyId) ||
      !partyIds.includes(input.toPartyId) ||
      input.fromPartyId === input.toPartyId
    )
      throw new Problem(400, 'validation_failed', {}, [{ field: 'toPartyId', code: 'invalid_format' }]);
    const now = ctx.clock.now();
    const [row] = await tx
      .insert(shuttleStatements)
      .values({
        caseId,
        fromPartyId: input.fromPartyId,
        toPartyId: input.toPartyId,
        proposedBy: principal.userId,
        body: await ctx.sealer.seal(tx, scope(caseId), Buffer.from(input.body)),
        bodyHash: sha256(input.body),
        status: 'proposed',
        createdAt: now,
      })
      .returning({ id: shuttleStatements.id });
    await audit(
      tx,
      { actorId: principal.userId, action: 'room.shuttle_proposed', subjectType: 'case', subjectId: caseId },
      now,
    );
    return { id: row?.id as string };
  });

/** The statements the caller may see: the mediator all, a party those that come from its caucus. */
export const listShuttle = async (ctx: AppContext, principal: Principal, caseId: string) => {
  const access = await roomAccess(ctx.db, caseId, principal);
  const { member } = access;
  // Statements come from caucuses: an interpreter, in the joint room only, sees none (R-MED-17).
  if (member.role === 'court' || member.role === 'interpreter') throw new Problem(404, 'not_found');
  const mine = member.role === 'party' ? eq(shuttleStatements.fromPartyId, member.partyId) : undefined;
  const rows = await ctx.db
    .select()
    .from(shuttleStatements)
    .where(and(eq(shuttleStatements.caseId, caseId), mine))
    .orderBy(asc(shuttleStatements.createdAt));
  return Promise.all(
    rows.map(async (row) => ({
      id: row.id,
      fromPartyId: row.fromPartyId,
      toPartyId: row.toPartyId,
      body: (await ctx.sealer.open(ctx.db, scope(caseId), row.body)).toString(),
      bodyHash: row.bodyHash,
      status: row.status,
      createdAt: row.createdAt.toISOString(),
      decidedAt: row.decidedAt?.toISOString() ?? null,
    })),
  );
};

/**
 * The author's answer. Approval names the hash of the text it approves, so a text changed since
 * it was shown cannot be approved; an approved statement arrives in the other party's caucus.
 */
export const answerShuttle = async (
  ctx: AppContext,
  principal: Principal,
  caseId: string,
  statementId: string,
  answer: { approve: boolean; bodyHash: string },
) => {
  const result = await transact(ctx, async (tx) => {
    const access = await roomAccess(tx, caseId, principal, 'share');
    const [row] = await tx
      .select()
      .from(shuttleStatements)
      .where(and(eq(shuttleStatements.id, statementId), eq(shuttleStatements.caseId, caseId)))
      .for('update');
    if (!row || access.member.role !== 'party' || access.member.partyId !== row.fromPartyId)
      throw new Problem(404, 'not_found');
    requireOpen(access);
    if (row.status !== 'proposed') throw new Problem(409, 'shuttle_already_answered');
    if (answer.bodyHash !== row.bodyHash) throw new Problem(409, 'shuttle_text_changed');
    const now = ctx.clock.now();
    const status = answer.approve ? 'approved' : 'declined';
    await tx
      .update(shuttleStatements)
      .set({ status, decidedBy: principal.userId, decidedAt: now })
      .where(eq(shuttleStatements.id, statementId));
    await audit(
      tx,
      { actorId: principal.userId, action: `room.shuttle_${status}`, subjectType: 'case', subjectId: caseId },
      now,
    );
    if (!answer.approve) return { status, delivered: null };
    const body = (await ctx.sealer.open(tx, scope(caseId), row.body)).toString();
    const mediatorUserId = access.loaded.mediatorUserId as string;
    const room = caucusRoom(row.toPartyId);
    const message = await insertMessage(
      ctx,
      tx,
      { caseId, room },
      { userId: mediatorUserId, role: 'mediator', partyId: null },
      { kind: 'shuttle', body, key: `shuttle:${statementId}` },
    );
    return { status, delivered: { message, body, room, name: await mediatorName(tx, access.loaded) } };
  });
  if (result.delivered) {
    const { message, body, room, name } = result.delivered;
    const view = messageView(message, body, { name, onBehalfOf: null });
    await publishRoomEvent(ctx, { type: 'message', caseId, room, message: view });
  }
  return { status: result.status };
};

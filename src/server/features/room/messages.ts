import { and, eq, sql } from 'drizzle-orm';
import type { MessageView } from '../../../contracts/room.ts';
import { type RoomName, writeRefusal } from '../../../core/room/rooms.ts';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/open.ts';
import { roomCounters, roomMessages, roomReads } from '../../db/schema/index.ts';
import type { Principal } from '../../platform/auth/sessions.ts';
import { Problem } from '../../platform/errors.ts';
import { isUniqueViolation, transact } from '../../platform/transaction.ts';
import { type RoomAccess, roomAccess } from './access.ts';
import { publishRoomEvent } from './events.ts';
import { lastSeqOf, readableRoom } from './queries.ts';
import { authorName, authorOf, type MessageRow, messageView } from './views.ts';

// Sending to a room (DESIGN.md §4): authorised at every send, stored first with the room's next
// sequence number and the client's idempotency key, then published on the bus for every node.

const refuseWrite = (access: RoomAccess, room: RoomName) => {
  const refusal = writeRefusal(access.roomCase, access.member, room);
  // A room you may not read does not exist for you (R-MED-17).
  if (refusal === 'room_not_found') throw new Problem(404, 'room_not_found');
  if (refusal) throw new Problem(409, refusal, { caseStatus: access.loaded.row.status });
};

/** The next sequence number of a room; the counter row stays locked until COMMIT, so commit order is seq order. */
const nextSeq = async (tx: Db, caseId: string, room: RoomName) => {
  const [row] = await tx
    .insert(roomCounters)
    .values({ caseId, room, lastSeq: 1 })
    .onConflictDoUpdate({
      target: [roomCounters.caseId, roomCounters.room],
      set: { lastSeq: sql`${roomCounters.lastSeq} + 1` },
    })
    .returning({ seq: roomCounters.lastSeq });
  return row?.seq ?? 1;
};

/** Moves a member's delivered/read marks forward (never back). */
export const advanceReads = async (
  db: Db,
  where: { caseId: string; room: RoomName; userId: string },
  marks: { deliveredSeq: number; readSeq: number },
) => {
  const [row] = await db
    .insert(roomReads)
    .values({ ...where, ...marks })
    .onConflictDoUpdate({
      target: [roomReads.caseId, roomReads.room, roomReads.userId],
      set: {
        deliveredSeq: sql`greatest(${roomReads.deliveredSeq}, excluded.delivered_seq)`,
        readSeq: sql`greatest(${roomReads.readSeq}, excluded.read_seq)`,
      },
    })
    .returning({ deliveredSeq: roomReads.deliveredSeq, readSeq: roomReads.readSeq });
  return row ?? marks;
};

const findByKey = async (db: Db, caseId: string, userId: string, key: string) =>
  (
    await db
      .select()
      .from(roomMessages)
      .where(
        and(
          eq(roomMessages.caseId, caseId),
          eq(roomMessages.authorUserId, userId),
          eq(roomMessages.idempotencyKey, key),
        ),
      )
  )[0];

export type NewMessage = {
  kind: MessageRow['kind'];
  body: string;
  key: string;
  documentId?: string | null;
};

export type MessageAuthor = { userId: string; role: 'party' | 'mediator'; partyId: string | null };

/** Appends a message to a room in the caller's transaction: next seq, sealed body, the author's own read mark. */
export const insertMessage = async (
  ctx: AppContext,
  tx: Db,
  where: { caseId: string; room: RoomName },
  author: MessageAuthor,
  input: NewMessage,
) => {
  const { caseId, room } = where;
  const seq = await nextSeq(tx, caseId, room);
  const sealed = await ctx.sealer.seal(tx, `case:${caseId}`, Buffer.from(input.body));
  const [row] = await tx
    .insert(roomMessages)
    .values({
      caseId,
      room,
      seq,
      authorUserId: author.userId,
      authorRole: author.role,
      authorPartyId: author.partyId,
      kind: input.kind,
      body: sealed,
      documentId: input.documentId ?? null,
      idempotencyKey: input.key,
      createdAt: ctx.clock.now(),
    })
    .returning();
  if (!row) throw new Error('message not stored');
  await advanceReads(tx, { caseId, room, userId: author.userId }, { deliveredSeq: seq, readSeq: seq });
  return row;
};

/**
 * Stores one message in a room the caller may write to and returns it; a retried key returns the
 * message stored the first time (also when both attempts raced), with nothing published twice.
 */
export const postMessage = async (
  ctx: AppContext,
  principal: Principal,
  caseId: string,
  room: RoomName,
  input: NewMessage,
): Promise<MessageView> => {
  const stored = await transact(ctx, async (tx) => {
    // A shared lock on the case: the case cannot end half-way through a send.
    const access = await roomAccess(tx, caseId, principal, 'share');
    refuseWrite(access, room);
    const existing = await findByKey(tx, caseId, principal.userId, input.key);
    if (existing) return { row: existing, access, fresh: false };
    const author = { userId: principal.userId, ...authorOf(access.viewer) };
    const row = await insertMessage(ctx, tx, { caseId, room }, author, input);
    return { row, access, fresh: true };
  }).catch(async (error) => {
    // Two sends with the same key at once: the loser returns the winner's message.
    if (!isUniqueViolation(error)) throw error;
    const row = await findByKey(ctx.db, caseId, principal.userId, input.key);
    if (!row) throw error;
    return { row, access: await roomAccess(ctx.db, caseId, principal), fresh: false };
  });
  // A retry returns what was stored the first time, whatever its body says now.
  const body = stored.fresh
    ? input.body
    : (await ctx.sealer.open(ctx.db, `case:${caseId}`, stored.row.body)).toString();
  // The author is the caller: a mediator's name is their own account's.
  const view = messageView(
    stored.row,
    body,
    authorName(stored.row, stored.access.loaded, principal.fullName),
  );
  if (stored.fresh) await publishRoomEvent(ctx, { type: 'message', caseId, room, message: view });
  return view;
};

/** Records how far the caller has read a room and tells the room (the author's ticks). */
export const markRoomRead = async (
  ctx: AppContext,
  principal: Principal,
  caseId: string,
  room: RoomName,
  seq: number,
) => {
  await readableRoom(ctx.db, caseId, principal, room);
  // Nobody can have read past the room's last message: a larger number would hide later ones.
  const upTo = Math.min(seq, await lastSeqOf(ctx.db, caseId, room));
  const marks = await advanceReads(
    ctx.db,
    { caseId, room, userId: principal.userId },
    { deliveredSeq: upTo, readSeq: upTo },
  );
  await publishRoomEvent(ctx, { type: 'read', caseId, room, userId: principal.userId, ...marks });
  return marks;
};

import { and, eq, sql } from 'drizzle-orm';
import { type RoomName, writeRefusal } from '../../../core/room/rooms.ts';
import type { AppContext } from '../../context.ts';
import { type Db, rowsOf } from '../../db/open.ts';
import { roomCounters, roomMessages, roomReads } from '../../db/schema/index.ts';
import { insertUnnest } from '../../db/unnest.ts';
import type { Principal } from '../../platform/auth/sessions.ts';
import { Problem } from '../../platform/errors.ts';
import type { RoomAccess } from './access.ts';
import { publishRoomEvent } from './events.ts';
import { lastSeqOf, readableRoom } from './queries.ts';
import type { MessageRow } from './views.ts';

// What every way of writing to a room shares (a send, send.ts; a carried statement, shuttle.ts):
// the write refusal, sequence numbers, the read marks; and reading a room up to a point.

export const refuseWrite = (access: RoomAccess, room: RoomName) => {
  const refusal = writeRefusal(access.roomCase, access.member, room);
  // A room you may not read does not exist for you (R-MED-17).
  if (refusal === 'room_not_found') throw new Problem(404, 'room_not_found');
  if (refusal) throw new Problem(409, refusal, { caseStatus: access.loaded.row.status });
};

export const roomKey = (caseId: string, room: string) => `${caseId}|${room}`;

/**
 * Reserves `count` sequence numbers in each room and returns the first of each, by `caseId|room`.
 * The counter rows stay locked until COMMIT, so commit order is seq order; they are taken in a
 * fixed order, so two batches sharing rooms wait for each other rather than deadlock.
 */
export const reserveSeqs = async (tx: Db, wanted: { caseId: string; room: string; count: number }[]) => {
  const rows = [...wanted]
    .sort((a, b) => (roomKey(a.caseId, a.room) < roomKey(b.caseId, b.room) ? -1 : 1))
    .map(({ caseId, room, count }) => ({ caseId, room, lastSeq: count }));
  const stored = rowsOf<{ case_id: string; room: string; last_seq: string | number }>(
    await tx.execute(
      sql`${insertUnnest(roomCounters, { caseId: 'uuid', room: 'text', lastSeq: 'bigint' }, rows)}
        on conflict (case_id, room) do update set last_seq = room_counters.last_seq + excluded.last_seq
        returning case_id, room, last_seq`,
    ),
  );
  const counts = new Map(wanted.map((w) => [roomKey(w.caseId, w.room), w.count]));
  return new Map(
    stored.map((row) => {
      const key = roomKey(row.case_id, row.room);
      return [key, Number(row.last_seq) - (counts.get(key) ?? 1) + 1];
    }),
  );
};

const nextSeq = async (tx: Db, caseId: string, room: RoomName) =>
  (await reserveSeqs(tx, [{ caseId, room, count: 1 }])).get(roomKey(caseId, room)) ?? 1;

export type ReadMark = {
  caseId: string;
  room: RoomName;
  userId: string;
  deliveredSeq: number;
  readSeq: number;
};
const markKey = (m: Pick<ReadMark, 'caseId' | 'room' | 'userId'>) => `${m.caseId}|${m.room}|${m.userId}`;

/**
 * The statement moving members' delivered/read marks forward (never back), one row per member;
 * null when there is nothing to move. A send puts it in the same statement as its messages.
 */
export const readMarksUpsert = (marks: ReadMark[]) => {
  // One row per member: a statement may not update the same row twice.
  const merged = new Map<string, ReadMark>();
  for (const mark of marks) {
    const seen = merged.get(markKey(mark));
    merged.set(
      markKey(mark),
      seen
        ? {
            ...seen,
            deliveredSeq: Math.max(seen.deliveredSeq, mark.deliveredSeq),
            readSeq: Math.max(seen.readSeq, mark.readSeq),
          }
        : mark,
    );
  }
  if (merged.size === 0) return null;
  // Sorted: two flushes touching the same members lock them in the same order.
  const rows = [...merged.values()].sort((a, b) => (markKey(a) < markKey(b) ? -1 : 1));
  return sql`${insertUnnest(
    roomReads,
    { caseId: 'uuid', room: 'text', userId: 'uuid', deliveredSeq: 'bigint', readSeq: 'bigint' },
    rows,
  )}
    on conflict (case_id, room, user_id) do update set
      delivered_seq = greatest(room_reads.delivered_seq, excluded.delivered_seq),
      read_seq = greatest(room_reads.read_seq, excluded.read_seq)`;
};

/** Moves members' delivered/read marks forward in one statement; returns each member's marks as stored. */
export const advanceReadsMany = async (db: Db, marks: ReadMark[]): Promise<ReadMark[]> => {
  const upsert = readMarksUpsert(marks);
  if (!upsert) return [];
  type Stored = { case_id: string; room: RoomName; user_id: string; delivered_seq: string; read_seq: string };
  const stored = rowsOf<Stored>(
    await db.execute(sql`${upsert} returning case_id, room, user_id, delivered_seq, read_seq`),
  );
  return stored.map((r) => ({
    caseId: r.case_id,
    room: r.room,
    userId: r.user_id,
    deliveredSeq: Number(r.delivered_seq),
    readSeq: Number(r.read_seq),
  }));
};

/** Moves one member's delivered/read marks forward (never back). */
export const advanceReads = async (
  db: Db,
  where: { caseId: string; room: RoomName; userId: string },
  marks: { deliveredSeq: number; readSeq: number },
) => {
  const [row] = await advanceReadsMany(db, [{ ...where, ...marks }]);
  return row ? { deliveredSeq: row.deliveredSeq, readSeq: row.readSeq } : marks;
};

export const findByKey = async (db: Db, caseId: string, userId: string, key: string) =>
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
  await publishRoomEvent(ctx, {
    type: 'read',
    caseId,
    room,
    marks: [{ userId: principal.userId, ...marks }],
  });
  return marks;
};

import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import { mayRead, parseRoom, ROOM_OPEN_STATUSES, type RoomName, roomsOf } from '../../../core/room/rooms.ts';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/open.ts';
import { roomCounters, roomMessages, roomReads, users } from '../../db/schema/index.ts';
import type { Principal } from '../../platform/auth/sessions.ts';
import { Problem } from '../../platform/errors.ts';
import type { LoadedCase } from '../cases/store.ts';
import { type RoomAccess, roomAccess } from './access.ts';
import { authorLabel, messageView } from './views.ts';

// Reading the rooms: which rooms the caller has with their unread counts, and a room's history
// since a sequence number (what a reconnecting client missed).

export const mediatorName = async (db: Db, loaded: LoadedCase) => {
  if (!loaded.mediatorUserId) return '';
  const [row] = await db
    .select({ name: users.fullName })
    .from(users)
    .where(eq(users.id, loaded.mediatorUserId));
  return row?.name ?? '';
};

/** The account names of these authors (each once): who wrote under their own name. */
const accountNames = async (db: Db, ids: (string | null)[]) => {
  const unique = [...new Set(ids.filter((id): id is string => id !== null))];
  if (unique.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: users.id, name: users.fullName })
    .from(users)
    .where(inArray(users.id, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
};

/** Everyone who may be in the case's rooms: the accepted parties with accounts and the mediator. */
const membersOf = async (db: Db, loaded: LoadedCase) => {
  const parties = loaded.parties
    .filter((p) => p.consent === 'accepted' && p.userId)
    .map((p) => ({ userId: p.userId as string, name: p.fullName, role: 'party' as const, partyId: p.id }));
  const mediator = loaded.mediatorUserId
    ? [
        {
          userId: loaded.mediatorUserId,
          name: await mediatorName(db, loaded),
          role: 'mediator' as const,
          partyId: null,
        },
      ]
    : [];
  return [...parties, ...mediator];
};

export const roomList = async (ctx: AppContext, principal: Principal, caseId: string) => {
  const access = await roomAccess(ctx.db, caseId, principal);
  const names = roomsOf(access.roomCase, access.member);
  const [counters, reads] = names.length
    ? await Promise.all([
        ctx.db
          .select()
          .from(roomCounters)
          .where(and(eq(roomCounters.caseId, caseId), inArray(roomCounters.room, names))),
        ctx.db
          .select()
          .from(roomReads)
          .where(and(eq(roomReads.caseId, caseId), eq(roomReads.userId, principal.userId))),
      ])
    : [[], []];
  const open = ROOM_OPEN_STATUSES.includes(access.roomCase.status);
  return {
    rooms: names.map((room) => {
      const parsed = parseRoom(room);
      const lastSeq = counters.find((c) => c.room === room)?.lastSeq ?? 0;
      const readSeq = reads.find((r) => r.room === room)?.readSeq ?? 0;
      return {
        room,
        kind: parsed?.kind ?? 'joint',
        partyId: parsed?.kind === 'caucus' ? parsed.partyId : null,
        lastSeq,
        readSeq,
        unread: Math.max(0, lastSeq - readSeq),
        open,
      };
    }),
    members: await membersOf(ctx.db, access.loaded),
  };
};

export const lastSeqOf = async (db: Db, caseId: string, room: string) => {
  const [counter] = await db
    .select({ lastSeq: roomCounters.lastSeq })
    .from(roomCounters)
    .where(and(eq(roomCounters.caseId, caseId), eq(roomCounters.room, room)));
  return counter?.lastSeq ?? 0;
};

/** The caller's access to one room they may read; anyone else learns nothing (404). */
export const readableRoom = async (db: Db, caseId: string, principal: Principal, room: RoomName) => {
  const access = await roomAccess(db, caseId, principal);
  if (!mayRead(access.roomCase, access.member, room)) throw new Problem(404, 'room_not_found');
  return access;
};

/** Messages after `since`, in order, opened for the reader; with every member's read marks. */
export const roomHistory = async (
  ctx: AppContext,
  access: RoomAccess,
  room: RoomName,
  page: { since: number; limit: number },
) => {
  const caseId = access.loaded.row.id;
  const rows = await ctx.db
    .select()
    .from(roomMessages)
    .where(
      and(eq(roomMessages.caseId, caseId), eq(roomMessages.room, room), gt(roomMessages.seq, page.since)),
    )
    .orderBy(asc(roomMessages.seq))
    .limit(page.limit);
  const names = await accountNames(
    ctx.db,
    rows.map((row) => row.authorUserId),
  );
  const messages = [];
  for (const row of rows) {
    const body = (await ctx.sealer.open(ctx.db, `case:${caseId}`, row.body)).toString();
    messages.push(
      messageView(
        row,
        body,
        authorLabel(row, access.loaded, (id) => (id && names.get(id)) || ''),
      ),
    );
  }
  const lastSeq = await lastSeqOf(ctx.db, caseId, room);
  const reads = await ctx.db
    .select({ userId: roomReads.userId, deliveredSeq: roomReads.deliveredSeq, readSeq: roomReads.readSeq })
    .from(roomReads)
    .where(and(eq(roomReads.caseId, caseId), eq(roomReads.room, room)));
  return { messages, lastSeq, reads };
};

/** Unread messages per case for one reader, over the rooms `roomsByCase` says they may read. */
export const unreadByCase = async (db: Db, userId: string, roomsByCase: Map<string, RoomName[]>) => {
  const caseIds = [...roomsByCase.keys()].filter((id) => (roomsByCase.get(id) ?? []).length > 0);
  const unread = new Map<string, number>();
  if (caseIds.length === 0) return unread;
  const counters = await db.select().from(roomCounters).where(inArray(roomCounters.caseId, caseIds));
  const reads = await db
    .select()
    .from(roomReads)
    .where(and(inArray(roomReads.caseId, caseIds), eq(roomReads.userId, userId)));
  for (const counter of counters) {
    if (!roomsByCase.get(counter.caseId)?.includes(counter.room as RoomName)) continue;
    const read = reads.find((r) => r.caseId === counter.caseId && r.room === counter.room)?.readSeq ?? 0;
    unread.set(counter.caseId, (unread.get(counter.caseId) ?? 0) + Math.max(0, counter.lastSeq - read));
  }
  return unread;
};

import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { MessageView } from '../../../contracts/room.ts';
import type { RoomName } from '../../../core/room/rooms.ts';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/open.ts';
import { roomMessages } from '../../db/schema/index.ts';
import { insertUnnest } from '../../db/unnest.ts';
import type { Principal } from '../../platform/auth/sessions.ts';
import { Problem } from '../../platform/errors.ts';
import { isUniqueViolation, transact } from '../../platform/transaction.ts';
import { requireViewer } from '../cases/policy.ts';
import { type LoadedCase, loadCases } from '../cases/store.ts';
import { type RoomAccess, roomAccess, roomCaseOf, roomMemberOf } from './access.ts';
import { publishRoomEvent } from './events.ts';
import {
  findByKey,
  type NewMessage,
  readMarksUpsert,
  refuseWrite,
  reserveSeqs,
  roomKey,
} from './messages.ts';
import { authorLabel, authorOf, type MessageRow, messageView } from './views.ts';

// Sending to a room (DESIGN.md §4): authorised at every send, stored first with the room's next
// sequence number and the client's idempotency key, then published on the bus for every node.
// Sends are stored in batches (writer.ts): one transaction of five statements for all the messages
// that arrived while the previous batch was written, each message authorised on its own — at
// 2 000 messages a second a transaction per message would spend the database on round trips.

export type SendRequest = { principal: Principal; caseId: string; room: RoomName; input: NewMessage };
export type SendOutcome = { ok: true; message: MessageView } | { ok: false; error: unknown };

/** A request's place in the batch: refused, a repeat of an earlier one, or to be stored. */
type Planned =
  | { refused: unknown }
  | { sameAs: number }
  | { access: RoomAccess; row?: MessageRow; fresh?: boolean };

const idemKey = (r: SendRequest) => `${r.caseId}|${r.principal.userId}|${r.input.key}`;

const accessOf = (loaded: LoadedCase | undefined, request: SendRequest): RoomAccess => {
  // A case you are not in does not exist for you (R-MED-17).
  if (!loaded) throw new Problem(404, 'not_found');
  const viewer = requireViewer(loaded, request.principal);
  const access = { loaded, viewer, member: roomMemberOf(viewer), roomCase: roomCaseOf(loaded) };
  refuseWrite(access, request.room);
  return access;
};

/** Messages already stored under these requests' keys: a retry returns the first one. */
const storedUnderKeys = async (tx: Db, requests: SendRequest[]) => {
  if (requests.length === 0) return new Map<string, MessageRow>();
  // One array per key part (not a tuple per request): the statement does not grow with the batch.
  const keys = sql`unnest(
    ${sql.param(requests.map((r) => r.caseId))}::uuid[],
    ${sql.param(requests.map((r) => r.principal.userId))}::uuid[],
    ${sql.param(requests.map((r) => r.input.key))}::text[]
  ) as k(case_id, author_user_id, idempotency_key)`;
  const rows = await tx
    .select()
    .from(roomMessages)
    .where(
      sql`(${roomMessages.caseId}, ${roomMessages.authorUserId}, ${roomMessages.idempotencyKey}) in (select * from ${keys})`,
    );
  return new Map(rows.map((row) => [`${row.caseId}|${row.authorUserId}|${row.idempotencyKey}`, row]));
};

/** The batch's transaction: authorise each, find retries, reserve seqs, seal, insert, mark read. */
const storeBatch = async (ctx: AppContext, tx: Db, requests: SendRequest[]): Promise<Planned[]> => {
  // A shared lock on each case: no case can end half-way through a send.
  const cases = await loadCases(
    tx,
    requests.map((r) => r.caseId),
    'share',
  );
  const firstOfKey = new Map<string, number>();
  const plan: Planned[] = requests.map((request, index) => {
    try {
      const access = accessOf(cases.get(request.caseId), request);
      const earlier = firstOfKey.get(idemKey(request));
      if (earlier !== undefined) return { sameAs: earlier };
      firstOfKey.set(idemKey(request), index);
      return { access };
    } catch (error) {
      return { refused: error };
    }
  });
  const toStore = plan.flatMap((p, i) => ('access' in p ? [i] : []));
  const existing = await storedUnderKeys(
    tx,
    toStore.map((i) => requests[i] as SendRequest),
  );
  const fresh: number[] = [];
  for (const i of toStore) {
    const row = existing.get(idemKey(requests[i] as SendRequest));
    const entry = plan[i] as { access: RoomAccess; row?: MessageRow; fresh?: boolean };
    if (row) Object.assign(entry, { row, fresh: false });
    else fresh.push(i);
  }
  if (fresh.length === 0) return plan;

  const counts = new Map<string, { caseId: string; room: string; count: number }>();
  for (const i of fresh) {
    const { caseId, room } = requests[i] as SendRequest;
    const entry = counts.get(roomKey(caseId, room)) ?? { caseId, room, count: 0 };
    entry.count++;
    counts.set(roomKey(caseId, room), entry);
  }
  const next = await reserveSeqs(tx, [...counts.values()]);
  await ctx.sealer.warm(
    tx,
    fresh.map((i) => `case:${(requests[i] as SendRequest).caseId}`),
  );
  const now = ctx.clock.now();
  const rows: MessageRow[] = [];
  for (const i of fresh) {
    const { principal, caseId, room, input } = requests[i] as SendRequest;
    const seq = next.get(roomKey(caseId, room)) as number;
    next.set(roomKey(caseId, room), seq + 1);
    const author = authorOf((plan[i] as { access: RoomAccess }).access.viewer);
    const row: MessageRow = {
      // Made here rather than returned: nothing of the row needs reading back.
      id: randomUUID(),
      caseId,
      room,
      seq,
      authorUserId: principal.userId,
      authorRole: author.role,
      authorPartyId: author.partyId,
      kind: input.kind,
      body: await ctx.sealer.seal(tx, `case:${caseId}`, Buffer.from(input.body)),
      documentId: input.documentId ?? null,
      idempotencyKey: input.key,
      createdAt: now,
    };
    rows.push(row);
    Object.assign(plan[i] as object, { row, fresh: true });
  }
  const messages = insertUnnest(
    roomMessages,
    {
      id: 'uuid',
      caseId: 'uuid',
      room: 'text',
      seq: 'bigint',
      authorUserId: 'uuid',
      authorRole: 'text',
      authorPartyId: 'uuid',
      kind: 'text',
      body: 'bytea',
      documentId: 'uuid',
      idempotencyKey: 'text',
      createdAt: 'timestamptz',
    },
    rows,
  );
  // The author has read what they wrote: the marks go in the same statement (one round trip).
  const marks = readMarksUpsert(
    rows.map((row) => ({
      caseId: row.caseId,
      room: row.room as RoomName,
      userId: row.authorUserId as string,
      deliveredSeq: row.seq,
      readSeq: row.seq,
    })),
  );
  await tx.execute(marks ? sql`with stored as (${messages}) ${marks}` : messages);
  return plan;
};

const viewOf = async (
  ctx: AppContext,
  request: SendRequest,
  access: RoomAccess,
  row: MessageRow,
  fresh: boolean,
) => {
  // A retry returns what was stored the first time, whatever its body says now.
  const body = fresh
    ? request.input.body
    : (await ctx.sealer.open(ctx.db, `case:${request.caseId}`, row.body)).toString();
  // The author is the caller: a name under their own account is theirs.
  return messageView(
    row,
    body,
    authorLabel(row, access.loaded, () => request.principal.fullName),
  );
};

/** Two sends with the same key at once (another node, another batch): the loser returns the winner's. */
const afterRace = async (ctx: AppContext, request: SendRequest, error: unknown): Promise<SendOutcome> => {
  if (!isUniqueViolation(error)) return { ok: false, error };
  const row = await findByKey(ctx.db, request.caseId, request.principal.userId, request.input.key);
  if (!row) return { ok: false, error };
  const access = await roomAccess(ctx.db, request.caseId, request.principal);
  return { ok: true, message: await viewOf(ctx, request, access, row, false) };
};

/**
 * Stores a batch of messages, each to a room its sender may write to, and publishes the new ones;
 * returns one outcome per request, in order. A retried key returns the message stored the first
 * time (also when both attempts raced), with nothing published twice.
 */
export const storeMessages = async (ctx: AppContext, requests: SendRequest[]): Promise<SendOutcome[]> => {
  let plan: Planned[];
  try {
    plan = await transact(ctx, (tx) => storeBatch(ctx, tx, requests));
  } catch (error) {
    // One failing statement fails the batch: each request then goes on its own.
    if (requests.length > 1) {
      const outcomes: SendOutcome[] = [];
      for (const request of requests) outcomes.push(...(await storeMessages(ctx, [request])));
      return outcomes;
    }
    return [await afterRace(ctx, requests[0] as SendRequest, error)];
  }
  const outcomes: SendOutcome[] = [];
  for (const [i, entry] of plan.entries()) {
    const request = requests[i] as SendRequest;
    if ('refused' in entry) outcomes.push({ ok: false, error: entry.refused });
    else if ('sameAs' in entry) outcomes.push(outcomes[entry.sameAs] as SendOutcome);
    else {
      const message = await viewOf(ctx, request, entry.access, entry.row as MessageRow, entry.fresh === true);
      outcomes.push({ ok: true, message });
    }
  }
  // Published in seq order, without waiting in between, so that the bus keeps that order.
  await Promise.all(
    plan.flatMap((entry, i) => {
      const outcome = outcomes[i];
      if (!('access' in entry) || !entry.fresh || !outcome?.ok) return [];
      const { caseId, room } = requests[i] as SendRequest;
      return [publishRoomEvent(ctx, { type: 'message', caseId, room, message: outcome.message })];
    }),
  );
  return outcomes;
};

/** Stores one message (an HTTP send, a document's message) and returns it, or throws the refusal. */
export const postMessage = async (
  ctx: AppContext,
  principal: Principal,
  caseId: string,
  room: RoomName,
  input: NewMessage,
): Promise<MessageView> => {
  const [outcome] = await storeMessages(ctx, [{ principal, caseId, room, input }]);
  if (!outcome?.ok) throw outcome?.error;
  return outcome.message;
};

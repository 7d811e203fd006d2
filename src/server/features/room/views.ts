import type { MessageView } from '../../../contracts/room.ts';
import type { roomMessages } from '../../db/schema/index.ts';
import type { Viewer } from '../cases/policy.ts';
import type { LoadedCase } from '../cases/store.ts';

export type MessageRow = typeof roomMessages.$inferSelect;

/** Who a message is from, as the room shows it: a party (by the case's name for it) or the mediator. */
export const authorOf = (viewer: Viewer) =>
  viewer.role === 'party'
    ? { role: 'party' as const, partyId: viewer.partyId }
    : { role: 'mediator' as const, partyId: null };

/** The name shown with a message: the party as named in the case, or the mediator's account name. */
export const authorName = (
  row: Pick<MessageRow, 'authorPartyId'>,
  loaded: LoadedCase,
  mediatorName: string,
) =>
  row.authorPartyId ? (loaded.parties.find((p) => p.id === row.authorPartyId)?.fullName ?? '') : mediatorName;

export const messageView = (row: MessageRow, body: string, name: string): MessageView => ({
  id: row.id,
  room: row.room,
  seq: row.seq,
  kind: row.kind,
  body,
  author: { role: row.authorRole, partyId: row.authorPartyId, userId: row.authorUserId, name },
  documentId: row.documentId,
  key: row.idempotencyKey,
  createdAt: row.createdAt.toISOString(),
});

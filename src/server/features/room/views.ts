import type { MessageView } from '../../../contracts/room.ts';
import type { roomMessages } from '../../db/schema/index.ts';
import type { Viewer } from '../cases/policy.ts';
import type { LoadedCase } from '../cases/store.ts';

export type MessageRow = typeof roomMessages.$inferSelect;

/**
 * Who a message is from, as the room shows it: a party (its representative writes as the party,
 * under its own account), the mediator, or an interpreter (R-MED-15).
 */
export const authorOf = (viewer: Viewer) => {
  if (viewer.role === 'party') return { role: 'party' as const, partyId: viewer.partyId };
  if (viewer.role === 'interpreter') return { role: 'interpreter' as const, partyId: null };
  return { role: 'mediator' as const, partyId: null };
};

/**
 * The name shown with a message: the party as named in the case, its representative as the party
 * named it (the author's account is not the party's), or the mediator's account name. An
 * interpreter's name is not known here: the page names every member (features/members).
 */
export const authorName = (
  row: Pick<MessageRow, 'authorPartyId' | 'authorUserId' | 'authorRole'>,
  loaded: LoadedCase,
  mediatorName: string,
) => {
  if (row.authorRole === 'interpreter') return '';
  const party = row.authorPartyId ? loaded.parties.find((p) => p.id === row.authorPartyId) : undefined;
  if (!row.authorPartyId) return mediatorName;
  if (party?.userId && row.authorUserId && party.userId !== row.authorUserId)
    return party.representative?.fullName ?? '';
  return party?.fullName ?? '';
};

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

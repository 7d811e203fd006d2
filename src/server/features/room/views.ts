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

export type AuthorLabel = { name: string; onBehalfOf: string | null };

/**
 * The name shown with a message, and whom its author speaks for: a party as the case names it; a
 * representative under their own account's name, for their party (R-MED-15); the mediator and an
 * interpreter under their account's name. `accountName` knows the accounts of the authors.
 */
export const authorLabel = (
  row: Pick<MessageRow, 'authorPartyId' | 'authorUserId'>,
  loaded: LoadedCase,
  accountName: (userId: string | null) => string,
): AuthorLabel => {
  const party = row.authorPartyId ? loaded.parties.find((p) => p.id === row.authorPartyId) : undefined;
  if (!party) return { name: accountName(row.authorUserId), onBehalfOf: null };
  if (row.authorUserId && party.userId !== row.authorUserId)
    return { name: accountName(row.authorUserId), onBehalfOf: party.fullName };
  return { name: party.fullName, onBehalfOf: null };
};

export const messageView = (row: MessageRow, body: string, label: AuthorLabel): MessageView => ({
  id: row.id,
  room: row.room,
  seq: row.seq,
  kind: row.kind,
  body,
  author: {
    role: row.authorRole,
    partyId: row.authorPartyId,
    userId: row.authorUserId,
    name: label.name,
    onBehalfOf: label.onBehalfOf,
  },
  documentId: row.documentId,
  key: row.idempotencyKey,
  createdAt: row.createdAt.toISOString(),
});

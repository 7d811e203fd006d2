import type { RoomCase, RoomMember } from '../../../core/room/rooms.ts';
import type { Db } from '../../db/open.ts';
import type { Principal } from '../../platform/auth/sessions.ts';
import { requireViewer, type Viewer } from '../cases/policy.ts';
import { type LoadedCase, loadCase } from '../cases/store.ts';

// The bridge from the case's policy (who is this person in this case) to the room rules in core.

export const roomCaseOf = (loaded: LoadedCase): RoomCase => ({
  status: loaded.row.status,
  separateSessions: loaded.row.separateSessions,
  partyIds: loaded.parties.filter((p) => p.consent === 'accepted').map((p) => p.id),
});

/** A representative is its party in the room (`via` says so); an interpreter is a member kind of its own. */
export const roomMemberOf = (viewer: Viewer): RoomMember => {
  switch (viewer.role) {
    case 'party':
      return { role: 'party', partyId: viewer.partyId, via: viewer.via };
    case 'mediator':
      return { role: 'mediator' };
    case 'interpreter':
      return { role: 'interpreter' };
    case 'court':
      return { role: 'court' };
  }
};

export type RoomAccess = { loaded: LoadedCase; viewer: Viewer; member: RoomMember; roomCase: RoomCase };

/**
 * The case and who the caller is in it; a stranger gets 404 (R-MED-17). `lock` as in `loadCase`.
 */
export const roomAccess = async (
  db: Db,
  caseId: string,
  principal: Principal,
  lock?: 'update' | 'share',
): Promise<RoomAccess> => {
  const loaded = await loadCase(db, caseId, lock);
  const viewer = requireViewer(loaded, principal);
  return { loaded, viewer, member: roomMemberOf(viewer), roomCase: roomCaseOf(loaded) };
};

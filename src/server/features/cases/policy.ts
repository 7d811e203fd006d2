import { eq } from 'drizzle-orm';
import type { Actor } from '../../../core/cases/lifecycle.ts';
import type { Db } from '../../db/open.ts';
import { mediators } from '../../db/schema/index.ts';
import type { Principal } from '../../platform/auth/sessions.ts';
import { Problem } from '../../platform/errors.ts';
import type { LoadedCase } from './store.ts';

// Who a logged-in person is in one case. Everyone else gets 404, as if the case did not exist:
// a case number must not tell a stranger that a dispute exists (R-MED-17).
//
// Participants may include representatives and interpreters (R-MED-15):
// - A party's representative is the account whose IIN is the one the party named, once that party
//   has accepted (R-MED-07) and the request was sent. It is the party in the room (reads and writes
//   the joint room and that party's caucus, never another's) and sees the case as the party does,
//   but takes no lifecycle step (`actor: null`): consenting, confirming the contract, withdrawing,
//   ending, screening, choosing the mediator and rating stay with the party itself. The platform
//   keeps only the power of attorney's number, not its text, so it cannot check that it grants
//   those powers — a power to conclude a settlement must be given expressly (CPC Art. 60 (M),
//   not in DOMAIN.md), and the consent to mediate is the party's own (R-MED-07, R-MED-09).
// - An interpreter is in the joint room only and sees the case without identity numbers, contact
//   details, the request's particulars or the contract; no lifecycle step either.

export type Viewer =
  | { role: 'party'; partyId: string; via: 'self'; actor: Actor }
  | { role: 'party'; partyId: string; via: 'representative'; actor: null }
  | { role: 'mediator'; mediatorId: string; actor: Actor }
  | { role: 'interpreter'; actor: null }
  | { role: 'court'; actor: null };

export const mediatorIdOf = async (db: Db, userId: string) =>
  (await db.select({ id: mediators.id }).from(mediators).where(eq(mediators.userId, userId)))[0]?.id ?? null;

/** The accepted party whose named representative this account is, if any (never in a draft). */
export const representedParty = (loaded: LoadedCase, principal: Pick<Principal, 'iin'>) => {
  if (!principal.iin || loaded.row.status === 'draft') return undefined;
  return loaded.parties.find((p) => p.consent === 'accepted' && p.representative?.iin === principal.iin);
};

export const viewerOf = (loaded: LoadedCase, principal: Principal): Viewer | null => {
  const party = loaded.parties.find((p) => p.userId === principal.userId && p.consent !== 'declined');
  if (party)
    return { role: 'party', partyId: party.id, via: 'self', actor: { kind: 'party', partyId: party.id } };
  const mediatorId = loaded.row.mediatorId;
  if (mediatorId && loaded.mediatorUserId === principal.userId && principal.roles.includes('mediator'))
    return { role: 'mediator', mediatorId, actor: { kind: 'mediator', mediatorId } };
  const represented = representedParty(loaded, principal);
  if (represented) return { role: 'party', partyId: represented.id, via: 'representative', actor: null };
  if (principal.interpreting?.includes(loaded.row.id)) return { role: 'interpreter', actor: null };
  if (
    loaded.row.courtId &&
    principal.roles.includes('court_user') &&
    principal.courtId === loaded.row.courtId
  )
    return { role: 'court', actor: null };
  return null;
};

export const requireViewer = (loaded: LoadedCase, principal: Principal) => {
  const viewer = viewerOf(loaded, principal);
  if (!viewer) throw new Problem(404, 'not_found');
  return viewer;
};

/** The party itself (not its representative): only it takes the party's own steps. */
export const isPartyItself = (viewer: Viewer): viewer is Extract<Viewer, { via: 'self' }> =>
  viewer.role === 'party' && viewer.via === 'self';

/** The court user's own court: a referral always comes from it. */
export const requireCourtOf = (principal: Principal) => {
  if (!principal.courtId) throw new Problem(409, 'court_required');
  return principal.courtId;
};

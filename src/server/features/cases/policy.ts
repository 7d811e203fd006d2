import { eq } from 'drizzle-orm';
import type { Actor } from '../../../core/cases/lifecycle.ts';
import type { Db } from '../../db/open.ts';
import { mediators } from '../../db/schema/index.ts';
import type { Principal } from '../../platform/auth/sessions.ts';
import { Problem } from '../../platform/errors.ts';
import type { LoadedCase } from './store.ts';

// Who a logged-in person is in one case. Everyone else gets 404, as if the case did not exist:
// a case number must not tell a stranger that a dispute exists (R-MED-17).

export type Viewer =
  | { role: 'party'; partyId: string; actor: Actor }
  | { role: 'mediator'; mediatorId: string; actor: Actor }
  | { role: 'court'; actor: null };

export const mediatorIdOf = async (db: Db, userId: string) =>
  (await db.select({ id: mediators.id }).from(mediators).where(eq(mediators.userId, userId)))[0]?.id ?? null;

export const viewerOf = (loaded: LoadedCase, principal: Principal): Viewer | null => {
  const party = loaded.parties.find((p) => p.userId === principal.userId && p.consent !== 'declined');
  if (party) return { role: 'party', partyId: party.id, actor: { kind: 'party', partyId: party.id } };
  const mediatorId = loaded.row.mediatorId;
  if (mediatorId && loaded.mediatorUserId === principal.userId && principal.roles.includes('mediator'))
    return { role: 'mediator', mediatorId, actor: { kind: 'mediator', mediatorId } };
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

/** The court user's own court: a referral always comes from it. */
export const requireCourtOf = (principal: Principal) => {
  if (!principal.courtId) throw new Problem(409, 'court_required');
  return principal.courtId;
};

import type { Db } from '../../db/open.ts';
import type { Principal } from '../../platform/auth/sessions.ts';
import { Problem } from '../../platform/errors.ts';
import { requireViewer, type Viewer } from '../cases/policy.ts';
import { type LoadedCase, loadCase } from '../cases/store.ts';

// Who may do what with a case's agreement (issue 6). The agreement is mediation content
// (R-MED-17): the parties, their representatives and the mediator read it; an interpreter, a court
// or anyone else gets 404 as if there were none (a court receives only what both parties filed).
// Drafting, commenting, approving and signing are the parties' own acts and the mediator's: a
// representative reads (their power to settle is not checked by the platform, see cases/policy.ts).

export type AgreementActor = { viewer: Viewer; loaded: LoadedCase; key: string | null };

/** The statuses in which the agreement is built: the mediation is running. */
export const DRAFTING_STATUSES = ['active'] as const;
/** Signing may end after the mediator closed the case as settled (R-MED-21: the agreement ends it). */
export const SIGNING_STATUSES = ['active', 'settled'] as const;

export const signerKeyOf = (viewer: Viewer): string | null => {
  if (viewer.role === 'mediator') return 'mediator';
  if (viewer.role === 'party' && viewer.via === 'self') return viewer.partyId;
  return null;
};

export const agreementReader = async (
  db: Db,
  principal: Principal,
  caseId: string,
  lock?: 'update' | 'share',
): Promise<AgreementActor> => {
  const loaded = await loadCase(db, caseId, lock);
  const viewer = requireViewer(loaded, principal);
  if (viewer.role !== 'party' && viewer.role !== 'mediator') throw new Problem(404, 'not_found');
  return { viewer, loaded, key: signerKeyOf(viewer) };
};

/** A party itself or the mediator: the people whose agreement it is. */
export const agreementAuthor = async (
  db: Db,
  principal: Principal,
  caseId: string,
): Promise<AgreementActor & { key: string }> => {
  const actor = await agreementReader(db, principal, caseId, 'update');
  if (!actor.key) throw new Problem(403, 'agreement_representative_reads');
  return { ...actor, key: actor.key };
};

export const requireDrafting = (loaded: LoadedCase) => {
  const status = loaded.row.status;
  if (!(DRAFTING_STATUSES as readonly string[]).includes(status))
    throw new Problem(409, 'agreement_case_not_active', { caseStatus: status });
};

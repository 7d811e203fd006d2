import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { CaseMembersView } from '../../../contracts/case-members.ts';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/open.ts';
import { caseInterpreters, caseRepresentatives, users } from '../../db/schema/index.ts';
import type { Principal } from '../../platform/auth/sessions.ts';
import { isPartyItself, requireViewer, type Viewer } from '../cases/policy.ts';
import { type LoadedCase, loadCase } from '../cases/store.ts';
import { INTERPRETER_STATUSES, REPRESENTATIVE_STATUSES } from './rules.ts';

// Who is around a mediation besides the parties and the mediator, as each viewer may see it:
// identity numbers only to those who gave or hold them; an interpreter sees names and languages.

export type InterpreterRow = typeof caseInterpreters.$inferSelect;
export type RepresentativeRow = typeof caseRepresentatives.$inferSelect;

export const interpretersOf = (db: Db, caseId: string) =>
  db
    .select()
    .from(caseInterpreters)
    .where(eq(caseInterpreters.caseId, caseId))
    .orderBy(asc(caseInterpreters.addedAt), asc(caseInterpreters.id));

export const representativeHistoryOf = (db: Db, caseId: string) =>
  db
    .select()
    .from(caseRepresentatives)
    .where(eq(caseRepresentatives.caseId, caseId))
    // Named at the same moment (a change): the one replaced first, the current one last.
    .orderBy(
      asc(caseRepresentatives.addedAt),
      sql`${caseRepresentatives.removedAt} is null`,
      asc(caseRepresentatives.id),
    );

/** The accounts registered with these IINs (a person may be named before registering). */
export const accountsByIin = async (db: Db, iins: readonly string[]) => {
  const unique = [...new Set(iins)];
  if (unique.length === 0) return [];
  return db
    .select({ id: users.id, iin: users.iin, fullName: users.fullName })
    .from(users)
    .where(inArray(users.iin, unique));
};

type Representative = {
  partyId: string;
  fullName: string;
  powerOfAttorney: string;
  iin: string;
  current: boolean;
};

/**
 * Every representative of the case: those named on the platform (with history) and a current one
 * named in the request only (intake), which has no history row.
 */
const representativesOf = (loaded: LoadedCase, history: RepresentativeRow[]): Representative[] => {
  const named: Representative[] = history.map((row) => ({
    partyId: row.partyId,
    fullName: row.fullName,
    powerOfAttorney: row.powerOfAttorney,
    iin: row.iin,
    current: row.removedAt === null,
  }));
  for (const party of loaded.parties) {
    const current = party.representative;
    if (!current || named.some((r) => r.current && r.partyId === party.id)) continue;
    named.push({ ...current, partyId: party.id, current: true });
  }
  return named;
};

/** The IINs a viewer may read: their own party's people, and everything for the mediator. */
const seesIinOf = (viewer: Viewer, partyId: string | null) =>
  viewer.role === 'mediator' || (viewer.role === 'party' && partyId !== null && viewer.partyId === partyId);

export const membersView = async (
  ctx: AppContext,
  principal: Principal,
  caseId: string,
  given?: LoadedCase,
): Promise<CaseMembersView> => {
  const loaded = given ?? (await loadCase(ctx.db, caseId));
  const viewer = requireViewer(loaded, principal);
  const [history, interpreters] = await Promise.all([
    representativeHistoryOf(ctx.db, caseId),
    interpretersOf(ctx.db, caseId),
  ]);
  const representatives = representativesOf(loaded, history);
  // The court sees the case's status, never who speaks in its rooms (R-MED-17).
  const inRooms = viewer.role !== 'court';
  const accounts = inRooms
    ? await accountsByIin(ctx.db, [...representatives.map((r) => r.iin), ...interpreters.map((i) => i.iin)])
    : [];
  const partyUserIds = new Set(loaded.parties.map((p) => p.userId));
  const people = accounts.flatMap((account): CaseMembersView['people'] => {
    // A party's own account speaks as the party, whatever else it was named as.
    if (partyUserIds.has(account.id) || account.id === loaded.mediatorUserId) return [];
    const interpreter = interpreters.findLast((i) => i.iin === account.iin);
    const representative = representatives.findLast((r) => r.iin === account.iin);
    if (representative)
      return [
        {
          userId: account.id,
          name: representative.fullName,
          as: 'representative',
          partyId: representative.partyId,
          partyName: loaded.parties.find((p) => p.id === representative.partyId)?.fullName ?? null,
        },
      ];
    if (interpreter)
      return [
        { userId: account.id, name: interpreter.fullName, as: 'interpreter', partyId: null, partyName: null },
      ];
    return [];
  });
  const status = loaded.row.status;
  return {
    representatives: representatives.map(({ iin, ...r }) => ({
      ...r,
      iin: seesIinOf(viewer, r.partyId) ? iin : null,
    })),
    interpreters: inRooms
      ? interpreters.map((row) => ({
          id: row.id,
          fullName: row.fullName,
          languages: row.languages,
          iin: viewer.role === 'mediator' ? row.iin : null,
          active: row.removedAt === null,
          addedAt: row.addedAt.toISOString(),
          removedAt: row.removedAt?.toISOString() ?? null,
        }))
      : [],
    people,
    canManageRepresentative: isPartyItself(viewer) && REPRESENTATIVE_STATUSES.includes(status),
    canAddInterpreter: viewer.role === 'mediator' && INTERPRETER_STATUSES.includes(status),
    canRemoveInterpreter: viewer.role === 'mediator',
  };
};

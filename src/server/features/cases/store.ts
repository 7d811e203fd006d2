import { and, asc, eq, sql } from 'drizzle-orm';
import type { CaseFacts, PartyFacts } from '../../../core/cases/lifecycle.ts';
import type { Db } from '../../db/open.ts';
import { caseParties, cases, mediators } from '../../db/schema/index.ts';
import { Problem } from '../../platform/errors.ts';
import { isUniqueViolation } from '../../platform/transaction.ts';

// Loading a case's facts for the state machine and storing what it decided. Actions lock the
// case row first, so two parties clicking at once are decided one after the other.

export type CaseRow = typeof cases.$inferSelect;
export type PartyRow = typeof caseParties.$inferSelect;
export type LoadedCase = {
  row: CaseRow;
  parties: PartyRow[];
  facts: CaseFacts;
  /** The account of the case's mediator, if one is set: who is the mediator here, who to tell. */
  mediatorUserId: string | null;
};

export const partyFacts = (p: PartyRow): PartyFacts => ({
  id: p.id,
  side: p.side,
  consent: p.consent,
  screened: p.screenedAt !== null,
  mediatorChoice: p.mediatorChoiceId,
  contractConfirmed: p.contractConfirmedAt !== null,
});

export const caseFacts = (row: CaseRow, parties: PartyRow[]): CaseFacts => ({
  status: row.status,
  origin: row.origin,
  screeningRequired: row.category === 'family',
  parties: parties.map(partyFacts),
  mediatorId: row.mediatorId,
  mediatorConfirmedContract: row.mediatorConfirmedAt !== null,
  excludedMediators: row.excludedMediatorIds,
  extensionDays: row.extensionDays,
});

/**
 * The case and its parties. `lock` holds the case row for the rest of the transaction: 'update'
 * for a change of the case (two changes are decided one after the other), 'share' for work that
 * must not race a change (a message while the case ends).
 */
export const loadCase = async (db: Db, caseId: string, lock?: 'update' | 'share'): Promise<LoadedCase> => {
  const found = (await loadCases(db, [caseId], lock)).get(caseId);
  if (!found) throw new Problem(404, 'not_found');
  return found;
};

/** Several cases at once (a batch of room messages), by id; a missing id is simply absent. */
export const loadCases = async (
  db: Db,
  caseIds: string[],
  lock?: 'update' | 'share',
): Promise<Map<string, LoadedCase>> => {
  // Sorted, so that two transactions locking overlapping sets take the locks in the same order.
  const ids = [...new Set(caseIds)].sort();
  const query = db
    .select({ row: cases, mediatorUserId: mediators.userId })
    .from(cases)
    .leftJoin(mediators, eq(mediators.id, cases.mediatorId))
    .where(
      ids.length === 1 ? eq(cases.id, ids[0] as string) : sql`${cases.id} = any(${sql.param(ids)}::uuid[])`,
    )
    .orderBy(asc(cases.id));
  const found = lock ? await query.for(lock, { of: cases }) : await query;
  const loaded = new Map<string, LoadedCase>();
  if (found.length === 0) return loaded;
  const parties = await db
    .select()
    .from(caseParties)
    .where(
      found.length === 1
        ? eq(caseParties.caseId, found[0]?.row.id as string)
        : sql`${caseParties.caseId} = any(${sql.param(found.map((f) => f.row.id))}::uuid[])`,
    )
    .orderBy(asc(caseParties.side), asc(caseParties.id));
  for (const { row, mediatorUserId } of found) {
    const own = parties.filter((p) => p.caseId === row.id);
    loaded.set(row.id, { row, parties: own, facts: caseFacts(row, own), mediatorUserId });
  }
  return loaded;
};

/**
 * Writes the state machine's new facts: the case row (with `alsoSet`, the columns entering the new
 * status sets, in the same UPDATE) and each party whose facts changed.
 */
export const saveFacts = async (
  db: Db,
  loaded: LoadedCase,
  next: CaseFacts,
  now: Date,
  alsoSet: Partial<typeof cases.$inferInsert> = {},
) => {
  const before = loaded.facts;
  await db
    .update(cases)
    .set({
      status: next.status,
      mediatorId: next.mediatorId,
      excludedMediatorIds: [...next.excludedMediators],
      extensionDays: next.extensionDays,
      ...(next.mediatorConfirmedContract !== before.mediatorConfirmedContract && {
        mediatorConfirmedAt: next.mediatorConfirmedContract ? now : null,
      }),
      updatedAt: now,
      ...alsoSet,
    })
    .where(eq(cases.id, loaded.row.id));
  for (const party of next.parties) {
    const old = before.parties.find((p) => p.id === party.id);
    if (!old) continue;
    const change: Partial<PartyRow> = {};
    if (party.consent !== old.consent) Object.assign(change, { consent: party.consent, consentAt: now });
    if (party.screened !== old.screened) change.screenedAt = party.screened ? now : null;
    if (party.mediatorChoice !== old.mediatorChoice) change.mediatorChoiceId = party.mediatorChoice;
    if (party.contractConfirmed !== old.contractConfirmed)
      change.contractConfirmedAt = party.contractConfirmed ? now : null;
    if (Object.keys(change).length)
      await db.update(caseParties).set(change).where(eq(caseParties.id, party.id));
  }
};

/**
 * Creates a case once per idempotency key and person: a retried request (a double click, a
 * timeout on a weak connection) gets the case the first one created, even when both raced.
 */
export const createOnce = async (
  db: Db,
  userId: string,
  key: string | null,
  create: () => Promise<{ id: string; number: string }>,
) => {
  const existing = async () => {
    if (!key) return null;
    const [row] = await db
      .select({ id: cases.id, number: cases.number })
      .from(cases)
      .where(and(eq(cases.createdBy, userId), eq(cases.idempotencyKey, key)));
    return row ?? null;
  };
  const before = await existing();
  if (before) return { ...before, created: false };
  try {
    return { ...(await create()), created: true };
  } catch (error) {
    const raced = isUniqueViolation(error) ? await existing() : null;
    if (raced) return { ...raced, created: false };
    throw error;
  }
};

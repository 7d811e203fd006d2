import { and, arrayContains, asc, eq, sql } from 'drizzle-orm';
import type { Locale } from '../../../core/identity/roles.ts';
import { type CaseNeeds, nextInRotation } from '../../../core/registry/matching.ts';
import type { Db } from '../../db/open.ts';
import { mediatorOrganisations, mediators, users } from '../../db/schema/index.ts';
import { eligibleFilters } from './queries.ts';
import { feeOf, organisationView } from './views.ts';

// What the case lifecycle tells the registry: a mediator's caseload and record (shown publicly and
// used by matching), ratings, and the court rotation. The cases feature calls only these.

/** The mediator took a case: it counts against their declared capacity. */
export const caseTaken = (tx: Db, mediatorId: string) =>
  tx
    .update(mediators)
    .set({ activeCases: sql`${mediators.activeCases} + 1` })
    .where(eq(mediators.id, mediatorId));

/**
 * The case left the mediator's hands. `mediated`: the mediation actually ran (a contract was
 * concluded) — only those count as completed mediations in the public record.
 */
export const caseReleased = (tx: Db, mediatorId: string, outcome: { mediated: boolean; settled: boolean }) =>
  tx
    .update(mediators)
    .set({
      activeCases: sql`greatest(${mediators.activeCases} - 1, 0)`,
      completedCases: sql`${mediators.completedCases} + ${outcome.mediated ? 1 : 0}`,
      settledCases: sql`${mediators.settledCases} + ${outcome.settled ? 1 : 0}`,
    })
    .where(eq(mediators.id, mediatorId));

export const ratingGiven = (tx: Db, mediatorId: string, stars: number) =>
  tx
    .update(mediators)
    .set({
      ratingSum: sql`${mediators.ratingSum} + ${stars}`,
      ratingCount: sql`${mediators.ratingCount} + 1`,
    })
    .where(eq(mediators.id, mediatorId));

/**
 * The next mediator in the court rotation for these needs (core `nextInRotation`: fewest
 * referrals, then longest wait), recorded as referred so the next referral moves on.
 */
export const rotationPick = async (tx: Db, needs: CaseNeeds, exclude: readonly string[], now: Date) => {
  const pool = (specialised: boolean) =>
    tx
      .select({
        id: mediators.id,
        referrals: mediators.courtReferrals,
        lastReferredAt: mediators.lastReferredAt,
      })
      .from(mediators)
      .where(
        and(
          ...eligibleFilters(needs, exclude),
          specialised ? arrayContains(mediators.categories, [needs.category]) : undefined,
        ),
      )
      .orderBy(
        asc(mediators.courtReferrals),
        sql`${mediators.lastReferredAt} asc nulls first`,
        asc(mediators.id),
      )
      .limit(20);
  // Mediators specialised in the case's category first; any eligible mediator when there is none.
  const specialists = await pool(true);
  const candidates = specialists.length ? specialists : await pool(false);
  const pick = nextInRotation(
    candidates.map((c) => ({ ...c, lastReferredAt: c.lastReferredAt?.toISOString() ?? null })),
  );
  if (!pick) return null;
  await tx
    .update(mediators)
    .set({ courtReferrals: sql`${mediators.courtReferrals} + 1`, lastReferredAt: now })
    .where(eq(mediators.id, pick.id));
  return pick.id;
};

/** How a case names its mediator: in the contract, on the case page. */
export const mediatorSummary = async (db: Db, mediatorId: string, locale: Locale) => {
  const [row] = await db
    .select({ mediator: mediators, fullName: users.fullName, organisation: mediatorOrganisations })
    .from(mediators)
    .innerJoin(users, eq(users.id, mediators.userId))
    .leftJoin(mediatorOrganisations, eq(mediatorOrganisations.id, mediators.organisationId))
    .where(eq(mediators.id, mediatorId));
  if (!row) return null;
  return {
    id: row.mediator.id,
    userId: row.mediator.userId,
    fullName: row.fullName,
    kind: row.mediator.kind,
    registryNumber: row.mediator.registryNumber,
    organisation: row.organisation ? organisationView(row.organisation, locale).name : null,
    fee: feeOf(row.mediator),
    address: row.mediator.address,
    listed: row.mediator.status === 'approved',
  };
};

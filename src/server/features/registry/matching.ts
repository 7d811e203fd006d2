import { and, asc, desc, eq, inArray, not, or, type SQL, sql } from 'drizzle-orm';
import { type AnyPgColumn, unionAll } from 'drizzle-orm/pg-core';
import { DEFAULT_LOCALE, type Locale } from '../../../core/identity/roles.ts';
import {
  type CaseNeeds,
  type MediatorRecord,
  rankMediators,
  referenceBit,
} from '../../../core/registry/matching.ts';
import { DISPUTE_CATEGORIES, MEDIATION_LANGUAGES, REGIONS } from '../../../core/registry/reference.ts';
import type { AppContext } from '../../context.ts';
import { mediatorOrganisations, mediators, users } from '../../db/schema/index.ts';
import { feeOf, type MediatorRow, organisationView, recordView } from './views.ts';

// Matching in the database: which listed mediators can take a case, and the short list that
// core/registry/matching.ts ranks and explains. The database only narrows; core decides.

/**
 * Bit tests on a reference mask (core `referenceBit`). The bit is written into the SQL, not
 * bound: the per-region indexes (schema/registry.ts) are declared with the `hasBit` test, and
 * PostgreSQL uses a partial index only for a query that states its condition.
 */
export const hasBit = (column: AnyPgColumn, bit: number) => sql`(${column} & ${sql.raw(String(bit))}) <> 0`;
/**
 * "Bit clear" written as `<> bit` rather than `= 0`: the planner has no statistics for these
 * expressions and guesses that an `=` keeps 0.5% of rows, an `<>` 99.5%. With `= 0` it judged a
 * group nearly empty and chose a sequential scan and sort of the registry (35 ms) over the
 * ordered index walk that finds 20 rows in a few pages; either guess is wrong for some case, but
 * only the ordered walk is cheap whatever the true share turns out to be.
 */
export const lacksBit = (column: AnyPgColumn, bit: number) =>
  sql`(${column} & ${sql.raw(String(bit))}) <> ${sql.raw(String(bit))}`;

const servesRegion = (needs: CaseNeeds) => hasBit(mediators.regionMask, referenceBit(REGIONS, needs.region));

/** Can take any case at all in this language, and (when asked) is a public mediator, not excluded. */
const commonFilters = (needs: CaseNeeds, exclude: readonly string[]): SQL[] => {
  const filters: SQL[] = [
    eq(mediators.status, 'approved'),
    hasBit(mediators.languageMask, referenceBit(MEDIATION_LANGUAGES, needs.language)),
    sql`${mediators.activeCases} < ${mediators.capacity}`,
  ];
  if (needs.wantsPublic) filters.push(eq(mediators.kind, 'public'));
  if (exclude.length) filters.push(not(inArray(mediators.id, [...exclude])));
  return filters;
};

/** The hard filters of core `exclusion` in SQL: who can take the case at all (and is not excluded from it). */
export const eligibleFilters = (needs: CaseNeeds, exclude: readonly string[] = []): SQL[] => {
  const local = servesRegion(needs);
  return [
    ...commonFilters(needs, exclude),
    needs.remote
      ? (or(eq(mediators.remote, true), local) as SQL)
      : (and(local, eq(mediators.inPerson, true)) as SQL),
  ];
};

/**
 * The eligible mediators split by what the case adds to the score: specialised in its category
 * (+0.3) or not, serving its region (+0.15) or not. Within a group the score is base_score plus
 * the same constant, so a group's best are its first rows by base_score. Local groups are the
 * eligible who serve the region (in person, unless the case is remote); the others exist only
 * for remote cases: they must meet online. An in-person case has no non-local group, and asking
 * for one would walk the whole registry to find nobody.
 */
const groups = (needs: CaseNeeds): SQL[][] => {
  const specialisation = referenceBit(DISPUTE_CATEGORIES, needs.category);
  const regionBit = referenceBit(REGIONS, needs.region);
  const local = [hasBit(mediators.regionMask, regionBit)];
  if (!needs.remote) local.push(eq(mediators.inPerson, true));
  const elsewhere = [lacksBit(mediators.regionMask, regionBit), eq(mediators.remote, true)];
  const specialised = hasBit(mediators.categoryMask, specialisation);
  const general = lacksBit(mediators.categoryMask, specialisation);
  return [
    [specialised, ...local],
    [general, ...local],
    ...(needs.remote
      ? [
          [specialised, ...elsewhere],
          [general, ...elsewhere],
        ]
      : []),
  ];
};

const toRecord = (m: MediatorRow): MediatorRecord => ({
  ...m,
  categories: m.categories as MediatorRecord['categories'],
  languages: m.languages as MediatorRecord['languages'],
  regions: m.regions as MediatorRecord['regions'],
});

/**
 * Ranks listed mediators for a case: the best of each group (index-only walks in base_score
 * order: the region's own index for local groups, mediators_listed_base_score_idx for the
 * others, every filter read from the index) in one statement that then fetches those few rows;
 * core rankMediators orders and explains them and stays the authority on what parties are shown.
 */
export const matchMediators = async (
  ctx: AppContext,
  needs: CaseNeeds,
  limit = 10,
  locale: Locale = DEFAULT_LOCALE,
  exclude: readonly string[] = [],
) => {
  // A margin over `limit` per group, so rounding ties at the boundary cannot drop a contender.
  const perGroup = limit * 2;
  const common = commonFilters(needs, exclude);
  const [first, second, ...rest] = groups(needs).map((conditions) =>
    ctx.db
      .select({ id: mediators.id })
      .from(mediators)
      .where(and(...common, ...conditions))
      .orderBy(desc(mediators.baseScore), asc(mediators.activeCases), asc(mediators.id))
      .limit(perGroup),
  );
  if (!first || !second) return []; // never: there are always two or four groups
  const shortList = unionAll(first, second, ...rest);
  const candidates = await ctx.db
    .select({ mediator: mediators, fullName: users.fullName, organisation: mediatorOrganisations })
    .from(mediators)
    .innerJoin(users, eq(users.id, mediators.userId))
    .leftJoin(mediatorOrganisations, eq(mediatorOrganisations.id, mediators.organisationId))
    .where(inArray(mediators.id, shortList));
  const byId = new Map(candidates.map((c) => [c.mediator.id, c]));
  return rankMediators(
    needs,
    candidates.map((c) => toRecord(c.mediator)),
    limit,
  ).flatMap(({ mediator, score, factors }) => {
    const row = byId.get(mediator.id);
    if (!row) return [];
    const m = row.mediator;
    return [
      {
        id: m.id,
        fullName: row.fullName,
        kind: m.kind,
        registryNumber: m.registryNumber,
        organisation: row.organisation ? organisationView(row.organisation, locale) : null,
        remote: m.remote,
        inPerson: m.inPerson,
        fee: feeOf(m),
        record: recordView(m),
        score,
        factors,
      },
    ];
  });
};

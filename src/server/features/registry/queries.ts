import { and, arrayContains, asc, count, desc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { mediatorSearch } from '../../../contracts/registry.ts';
import type { Locale } from '../../../core/identity/roles.ts';
import {
  type CaseNeeds,
  COMPLAINT_PENALTY,
  exclusion,
  explainScore,
  MAX_COMPLAINT_PENALTY,
  type MediatorRecord,
  WEIGHTS,
} from '../../../core/registry/matching.ts';
import type { AppContext } from '../../context.ts';
import {
  ethicsComplaints,
  mediatorDocuments,
  mediatorOrganisations,
  mediators,
  mediatorTrainings,
  users,
} from '../../db/schema/index.ts';
import { Problem } from '../../platform/errors.ts';

type SearchQuery = z.infer<typeof mediatorSearch>;

export const searchMediators = async (ctx: AppContext, locale: Locale, query: SearchQuery) => {
  const filters: SQL[] = [eq(mediators.status, 'approved')];
  if (query.category) filters.push(arrayContains(mediators.categories, [query.category]));
  if (query.language) filters.push(arrayContains(mediators.languages, [query.language]));
  if (query.region)
    filters.push(
      query.remote === 'true'
        ? (or(arrayContains(mediators.regions, [query.region]), eq(mediators.remote, true)) as SQL)
        : arrayContains(mediators.regions, [query.region]),
    );
  else if (query.remote === 'true') filters.push(eq(mediators.remote, true));
  if (query.free === 'true') filters.push(eq(mediators.feeType, 'free'));
  if (query.free === 'false') filters.push(sql`${mediators.feeType} <> 'free'`);
  if (query.q) filters.push(ilike(users.fullName, `%${query.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`));
  const where = and(...filters);
  const rows = await ctx.db
    .select({ mediator: mediators, fullName: users.fullName, organisation: mediatorOrganisations })
    .from(mediators)
    .innerJoin(users, eq(users.id, mediators.userId))
    .leftJoin(mediatorOrganisations, eq(mediatorOrganisations.id, mediators.organisationId))
    .where(where)
    .orderBy(desc(mediators.completedCases), asc(users.fullName))
    .offset(query.offset)
    .limit(query.limit);
  const [total] = await ctx.db
    .select({ n: count() })
    .from(mediators)
    .innerJoin(users, eq(users.id, mediators.userId))
    .where(where);
  const trainings = rows.length
    ? await ctx.db
        .select()
        .from(mediatorTrainings)
        .where(
          inArray(
            mediatorTrainings.mediatorId,
            rows.map((r) => r.mediator.id),
          ),
        )
    : [];
  return {
    total: total?.n ?? 0,
    mediators: rows.map((r) =>
      publicView(
        r.mediator,
        r.fullName,
        r.organisation,
        trainings.filter((t) => t.mediatorId === r.mediator.id),
        locale,
      ),
    ),
  };
};

export const mediatorProfile = async (ctx: AppContext, locale: Locale, id: string) => {
  const [row] = await ctx.db
    .select({ mediator: mediators, fullName: users.fullName, organisation: mediatorOrganisations })
    .from(mediators)
    .innerJoin(users, eq(users.id, mediators.userId))
    .leftJoin(mediatorOrganisations, eq(mediatorOrganisations.id, mediators.organisationId))
    .where(and(eq(mediators.id, id), eq(mediators.status, 'approved')));
  if (!row) throw new Problem(404, 'not_found');
  const trainings = await ctx.db.select().from(mediatorTrainings).where(eq(mediatorTrainings.mediatorId, id));
  const upheld = await ctx.db
    .select({ reasons: ethicsComplaints.reasons, decidedAt: ethicsComplaints.decidedAt })
    .from(ethicsComplaints)
    .where(and(eq(ethicsComplaints.mediatorId, id), eq(ethicsComplaints.status, 'upheld')))
    .orderBy(desc(ethicsComplaints.decidedAt));
  return {
    ...publicView(row.mediator, row.fullName, row.organisation, trainings, locale),
    upheldComplaintDecisions: upheld.map((c) => ({
      reasons: c.reasons ?? '',
      decidedAt: c.decidedAt?.toISOString() ?? '',
    })),
  };
};

/** Everything a registry administrator needs to verify an entry, documents included (as metadata). */
export const entryForVerification = async (ctx: AppContext, locale: Locale, id: string) => {
  const [row] = await ctx.db
    .select({ mediator: mediators, user: users, organisation: mediatorOrganisations })
    .from(mediators)
    .innerJoin(users, eq(users.id, mediators.userId))
    .leftJoin(mediatorOrganisations, eq(mediatorOrganisations.id, mediators.organisationId))
    .where(eq(mediators.id, id));
  if (!row) throw new Problem(404, 'not_found');
  return entryView(ctx, locale, row.mediator, row.user, row.organisation);
};

export const myEntry = async (ctx: AppContext, locale: Locale, userId: string) => {
  const [row] = await ctx.db
    .select({ mediator: mediators, user: users, organisation: mediatorOrganisations })
    .from(mediators)
    .innerJoin(users, eq(users.id, mediators.userId))
    .leftJoin(mediatorOrganisations, eq(mediatorOrganisations.id, mediators.organisationId))
    .where(eq(mediators.userId, userId));
  return row ? entryView(ctx, locale, row.mediator, row.user, row.organisation) : null;
};

const entryView = async (
  ctx: AppContext,
  locale: Locale,
  m: MediatorRow,
  user: typeof users.$inferSelect,
  organisation: OrganisationRow | null,
) => {
  const trainings = await ctx.db
    .select()
    .from(mediatorTrainings)
    .where(eq(mediatorTrainings.mediatorId, m.id));
  const documents = await ctx.db
    .select()
    .from(mediatorDocuments)
    .where(eq(mediatorDocuments.mediatorId, m.id));
  return {
    ...publicView(m, user.fullName, organisation, trainings, locale),
    status: m.status,
    email: user.email,
    iin: user.iin,
    birthDate: m.birthDate,
    higherEducation: m.higherEducation,
    education: m.education,
    community: m.community,
    electedOn: m.electedOn,
    address: m.address,
    capacity: m.capacity,
    submittedAt: m.submittedAt.toISOString(),
    decisionReason: m.decisionReason,
    trainingsWithDocuments: trainings.map((t) => ({ ...t, completedOn: t.completedOn })),
    documents: documents.map((d) => ({
      id: d.id,
      kind: d.kind,
      filename: d.filename,
      contentType: d.contentType,
      sizeBytes: d.sizeBytes,
      sha256: d.sha256,
    })),
  };
};

export const verificationQueue = async (ctx: AppContext, statuses: MediatorRow['status'][]) =>
  ctx.db
    .select({
      id: mediators.id,
      fullName: users.fullName,
      kind: mediators.kind,
      status: mediators.status,
      submittedAt: mediators.submittedAt,
      registryNumber: mediators.registryNumber,
    })
    .from(mediators)
    .innerJoin(users, eq(users.id, mediators.userId))
    .where(inArray(mediators.status, statuses))
    .orderBy(asc(mediators.submittedAt))
    .limit(200)
    .then((rows) => rows.map((r) => ({ ...r, submittedAt: r.submittedAt.toISOString() })));

export const listOrganisations = async (ctx: AppContext, locale: Locale) => {
  const rows = await ctx.db
    .select({
      organisation: mediatorOrganisations,
      listed: sql<number>`count(${mediators.id}) filter (where ${mediators.status} = 'approved')::int`,
    })
    .from(mediatorOrganisations)
    .leftJoin(mediators, eq(mediators.organisationId, mediatorOrganisations.id))
    .groupBy(mediatorOrganisations.id)
    .orderBy(asc(mediatorOrganisations.nameEn));
  return rows.map((r) => ({
    ...(organisationView(r.organisation, locale) as NonNullable<ReturnType<typeof organisationView>>),
    mediatorCount: Number(r.listed),
  }));
};

export const organisationPage = async (ctx: AppContext, locale: Locale, id: string) => {
  const [organisation] = await ctx.db
    .select()
    .from(mediatorOrganisations)
    .where(eq(mediatorOrganisations.id, id));
  if (!organisation) throw new Problem(404, 'not_found');
  const listed = await searchMediatorsOfOrganisation(ctx, locale, id);
  return {
    ...(organisationView(organisation, locale) as NonNullable<ReturnType<typeof organisationView>>),
    mediators: listed,
  };
};

const searchMediatorsOfOrganisation = async (ctx: AppContext, locale: Locale, organisationId: string) => {
  const rows = await ctx.db
    .select({ mediator: mediators, fullName: users.fullName })
    .from(mediators)
    .innerJoin(users, eq(users.id, mediators.userId))
    .where(and(eq(mediators.organisationId, organisationId), eq(mediators.status, 'approved')))
    .orderBy(asc(users.fullName));
  return rows.map((r) => ({
    id: r.mediator.id,
    fullName: r.fullName,
    registryNumber: r.mediator.registryNumber,
    languages: r.mediator.languages,
    regions: r.mediator.regions,
    categories: r.mediator.categories,
  }));
};

const toRecord = (m: MediatorRow): MediatorRecord => ({
  ...m,
  categories: m.categories as MediatorRecord['categories'],
  languages: m.languages as MediatorRecord['languages'],
  regions: m.regions as MediatorRecord['regions'],
});

/**
 * Ranks listed mediators for a case. The database applies the hard filters and the same weighted
 * score as core/registry/matching.ts (so only ten rows travel); core then recomputes each
 * explanation, which is the authority on what the parties are shown.
 */
export const matchMediators = async (ctx: AppContext, needs: CaseNeeds, limit = 10) => {
  const local = arrayContains(mediators.regions, [needs.region]);
  const filters: SQL[] = [
    eq(mediators.status, 'approved'),
    arrayContains(mediators.languages, [needs.language]),
    sql`${mediators.activeCases} < ${mediators.capacity}`,
    needs.remote
      ? (or(eq(mediators.remote, true), local) as SQL)
      : (and(local, eq(mediators.inPerson, true)) as SQL),
  ];
  if (needs.wantsPublic) filters.push(eq(mediators.kind, 'public'));
  // Rounded like core's score, so that ties break the same way (fewer active cases, then id).
  const score = sql<number>`round((
    ${WEIGHTS.specialisation}::float8 * (case when ${mediators.categories} @> array[${needs.category}]::text[] then 1 else 0 end)
    + ${WEIGHTS.region}::float8 * (case when ${mediators.regions} @> array[${needs.region}]::text[] then 1 else 0 end)
    + ${WEIGHTS.availability}::float8 * greatest(0, 1 - ${mediators.activeCases}::float8 / ${mediators.capacity})
    + ${WEIGHTS.experience}::float8 * least(${mediators.completedCases}, 50)::float8 / 50
    + ${WEIGHTS.settlement}::float8 * (${mediators.settledCases} + 1)::float8 / (${mediators.completedCases} + 2)
    + ${WEIGHTS.rating}::float8 * (${mediators.ratingSum} - ${mediators.ratingCount} + 10)::float8 / (4 * (${mediators.ratingCount} + 5))
    - least(${mediators.upheldComplaints} * ${COMPLAINT_PENALTY}::float8, ${MAX_COMPLAINT_PENALTY}::float8)
  )::numeric, 4)`;
  const rows = await ctx.db
    .select({ mediator: mediators, fullName: users.fullName })
    .from(mediators)
    .innerJoin(users, eq(users.id, mediators.userId))
    .where(and(...filters))
    .orderBy(desc(score), asc(mediators.activeCases), asc(mediators.id))
    .limit(limit);
  return rows
    .filter((r) => exclusion(needs, toRecord(r.mediator)) === null)
    .map((r) => ({
      id: r.mediator.id,
      fullName: r.fullName,
      kind: r.mediator.kind,
      registryNumber: r.mediator.registryNumber,
      ...explainScore(needs, toRecord(r.mediator)),
    }));
};

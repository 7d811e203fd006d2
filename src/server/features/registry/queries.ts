import {
  and,
  arrayContains,
  asc,
  count,
  desc,
  eq,
  ilike,
  inArray,
  not,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import type { z } from 'zod';
import type { mediatorSearch } from '../../../contracts/registry.ts';
import { DEFAULT_LOCALE, type Locale } from '../../../core/identity/roles.ts';
import { type CaseNeeds, type MediatorRecord, rankMediators } from '../../../core/registry/matching.ts';
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
import {
  feeOf,
  type MediatorRow,
  type OrganisationRow,
  organisationView,
  publicView,
  recordView,
  trainingView,
} from './views.ts';

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
  return listedMediators(ctx, locale, and(...filters) as SQL, query.offset, query.limit, Boolean(query.q));
};

/** Listed mediators matching a filter, most experienced first, with their trainings. */
const listedMediators = async (
  ctx: AppContext,
  locale: Locale,
  where: SQL,
  offset: number,
  limit: number,
  byName = false,
) => {
  // Ordered as the partial index mediators_listed_record_idx is, so a page reads only its rows.
  const page = ctx.db
    .select({ mediator: mediators, fullName: users.fullName, organisation: mediatorOrganisations })
    .from(mediators)
    .innerJoin(users, eq(users.id, mediators.userId))
    .leftJoin(mediatorOrganisations, eq(mediatorOrganisations.id, mediators.organisationId))
    .where(where)
    .orderBy(desc(mediators.completedCases), asc(mediators.id))
    .offset(offset)
    .limit(limit);
  const counted = byName
    ? ctx.db
        .select({ n: count() })
        .from(mediators)
        .innerJoin(users, eq(users.id, mediators.userId))
        .where(where)
    : ctx.db.select({ n: count() }).from(mediators).where(where);
  const [rows, [total]] = await Promise.all([page, counted]);
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
      decidedAt: (c.decidedAt ?? new Date(0)).toISOString(),
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
    .where(eq(mediatorDocuments.mediatorId, m.id))
    .orderBy(asc(mediatorDocuments.uploadedAt));
  const diplomas = documents.filter((d) => d.kind === 'diploma');
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
    decidedAt: m.decidedAt?.toISOString() ?? null,
    decisionReason: m.decisionReason,
    diplomaDocumentId: diplomas.at(-1)?.id ?? null,
    trainingsWithDocuments: trainings.map((t) => ({
      ...trainingView(t),
      id: t.id,
      documentId: t.documentId,
    })),
    documents: documents.map((d) => ({
      id: d.id,
      kind: d.kind,
      filename: d.filename,
      contentType: d.contentType,
      sizeBytes: d.sizeBytes,
      sha256: d.sha256,
      uploadedAt: d.uploadedAt.toISOString(),
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
    ...organisationView(r.organisation, locale),
    mediatorCount: Number(r.listed),
  }));
};

export const organisationPage = async (ctx: AppContext, locale: Locale, id: string) => {
  const [organisation] = await ctx.db
    .select()
    .from(mediatorOrganisations)
    .where(eq(mediatorOrganisations.id, id));
  if (!organisation) throw new Problem(404, 'not_found');
  const listed = await listedMediators(
    ctx,
    locale,
    and(eq(mediators.organisationId, id), eq(mediators.status, 'approved')) as SQL,
    0,
    500,
  );
  return { ...organisationView(organisation, locale), mediators: listed.mediators };
};

const toRecord = (m: MediatorRow): MediatorRecord => ({
  ...m,
  categories: m.categories as MediatorRecord['categories'],
  languages: m.languages as MediatorRecord['languages'],
  regions: m.regions as MediatorRecord['regions'],
});

/**
 * Ranks listed mediators for a case. The case-independent part of the score is a generated,
 * indexed column (base_score); the case adds 0/1 for specialisation and for region. So the best
 * ten are among the best by base_score in each of the four (specialised?, local?) groups: four
 * short index scans instead of scoring every mediator. core/registry/matching.ts then ranks that
 * short list and explains it — it stays the authority on order and on what parties are shown.
 */
/** The hard filters of core `exclusion` in SQL: who can take the case at all (and is not excluded from it). */
export const eligibleFilters = (needs: CaseNeeds, exclude: readonly string[] = []): SQL[] => {
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
  if (exclude.length) filters.push(not(inArray(mediators.id, [...exclude])));
  return filters;
};

export const matchMediators = async (
  ctx: AppContext,
  needs: CaseNeeds,
  limit = 10,
  locale: Locale = DEFAULT_LOCALE,
  exclude: readonly string[] = [],
) => {
  const local = arrayContains(mediators.regions, [needs.region]);
  const specialised = arrayContains(mediators.categories, [needs.category]);
  const hardFilters = eligibleFilters(needs, exclude);
  // A margin over `limit` per group, so rounding ties at the boundary cannot drop a contender.
  const perGroup = limit * 2;
  const groups = [
    [specialised, local],
    [specialised, not(local)],
    [not(specialised), local],
    [not(specialised), not(local)],
  ];
  const candidates = (
    await Promise.all(
      groups.map((conditions) =>
        ctx.db
          .select({ mediator: mediators, fullName: users.fullName, organisation: mediatorOrganisations })
          .from(mediators)
          .innerJoin(users, eq(users.id, mediators.userId))
          .leftJoin(mediatorOrganisations, eq(mediatorOrganisations.id, mediators.organisationId))
          .where(and(...hardFilters, ...conditions))
          .orderBy(desc(mediators.baseScore), asc(mediators.activeCases), asc(mediators.id))
          .limit(perGroup),
      ),
    )
  ).flat();
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

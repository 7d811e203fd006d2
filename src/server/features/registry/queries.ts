import { and, asc, count, desc, eq, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { mediatorSearch } from '../../../contracts/registry.ts';
import type { Locale } from '../../../core/identity/roles.ts';
import { referenceBit } from '../../../core/registry/matching.ts';
import { DISPUTE_CATEGORIES, MEDIATION_LANGUAGES, REGIONS } from '../../../core/registry/reference.ts';
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
import { hasBit } from './matching.ts';
import {
  type MediatorRow,
  type OrganisationRow,
  organisationView,
  publicView,
  trainingView,
} from './views.ts';

type SearchQuery = z.infer<typeof mediatorSearch>;

// The filters test the reference masks rather than the arrays: mediators_listed_record_idx holds
// the masks, so the page and the total are read from that index alone.
export const searchMediators = async (ctx: AppContext, locale: Locale, query: SearchQuery) => {
  const filters: SQL[] = [eq(mediators.status, 'approved')];
  if (query.category)
    filters.push(hasBit(mediators.categoryMask, referenceBit(DISPUTE_CATEGORIES, query.category)));
  if (query.language)
    filters.push(hasBit(mediators.languageMask, referenceBit(MEDIATION_LANGUAGES, query.language)));
  if (query.region) {
    const local = hasBit(mediators.regionMask, referenceBit(REGIONS, query.region));
    filters.push(query.remote === 'true' ? (or(local, eq(mediators.remote, true)) as SQL) : local);
  } else if (query.remote === 'true') filters.push(eq(mediators.remote, true));
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
  // The page's ids first, in the order of mediators_listed_record_idx: with the filters on the
  // masks that is a walk of the index alone, however many mediators a rare filter steps over;
  // only the page's own rows are then read. (A name filter needs the users table in both.)
  const ids = byName
    ? ctx.db
        .select({ id: mediators.id })
        .from(mediators)
        .innerJoin(users, eq(users.id, mediators.userId))
        .where(where)
    : ctx.db.select({ id: mediators.id }).from(mediators).where(where);
  const order = [desc(mediators.completedCases), asc(mediators.id)];
  const pageIds = ids
    .orderBy(...order)
    .offset(offset)
    .limit(limit);
  const page = ctx.db
    .select({ mediator: mediators, fullName: users.fullName, organisation: mediatorOrganisations })
    .from(mediators)
    .innerJoin(users, eq(users.id, mediators.userId))
    .leftJoin(mediatorOrganisations, eq(mediatorOrganisations.id, mediators.organisationId))
    .where(inArray(mediators.id, pageIds))
    .orderBy(...order);
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

// Matching lives in ./matching.ts; the cases feature and the routes know it from here.
export { eligibleFilters, matchMediators } from './matching.ts';

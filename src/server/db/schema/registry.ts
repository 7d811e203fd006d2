import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  COMPLAINT_PENALTY,
  MAX_COMPLAINT_PENALTY,
  referenceBit,
  WEIGHTS,
} from '../../../core/registry/matching.ts';
import { DISPUTE_CATEGORIES, MEDIATION_LANGUAGES, REGIONS } from '../../../core/registry/reference.ts';
import { users } from './accounts.ts';

// The mediator registry (issue 3): organisations of mediators, mediators with their verified
// qualifications and documents, and ethics complaints.

export const mediatorOrganisations = pgTable('mediator_organisations', {
  id: uuid('id').primaryKey().defaultRandom(),
  nameKk: text('name_kk').notNull(),
  nameRu: text('name_ru').notNull(),
  nameEn: text('name_en').notNull(),
  bin: text('bin').notNull().unique(),
  region: text('region').notNull(),
  website: text('website'),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export type LocalizedText = { kk?: string; ru?: string; en?: string };

/**
 * A reference-list array as an integer: bit i is set when list[i] is in the array, the encoding of
 * core `referenceMask`. Matching and search test these with one AND on a value held in an index,
 * where the arrays would need the row itself. The bits follow the order of the lists in
 * core/registry/reference.ts: appending a code changes this expression (a migration regenerates
 * the column), reordering would silently change meaning and must not be done.
 */
const maskOf = (column: string, list: readonly string[]) =>
  sql.raw(
    list.map((code) => `(('${code}' = any(${column}))::int * ${referenceBit(list, code)})`).join(' + '),
  );

/**
 * "Serves this region", as the per-region indexes are declared. A query uses such an index only
 * when it states the same test (features/registry/matching.ts `hasBit` writes it so).
 */
const servesRegionSql = (bit: number) => `(region_mask & ${bit}) <> 0`;

export const mediators = pgTable(
  'mediators',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .unique()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['professional', 'public'] }).notNull(),
    status: text('status', {
      enum: ['submitted', 'needs_info', 'approved', 'refused', 'suspended', 'excluded'],
    }).notNull(),
    registryNumber: text('registry_number').unique(),
    organisationId: uuid('organisation_id').references(() => mediatorOrganisations.id),
    akimat: text('akimat'),
    community: text('community'),
    electedOn: date('elected_on'),
    birthDate: date('birth_date').notNull(),
    higherEducation: boolean('higher_education').notNull(),
    education: text('education'),
    categories: text('categories').array().notNull(),
    languages: text('languages').array().notNull(),
    regions: text('regions').array().notNull(),
    remote: boolean('remote').notNull(),
    inPerson: boolean('in_person').notNull(),
    address: text('address'),
    feeType: text('fee_type', { enum: ['free', 'hourly', 'fixed'] }).notNull(),
    feeAmountKzt: integer('fee_amount_kzt'),
    capacity: integer('capacity').notNull().default(10),
    // The record shown publicly and used by matching, kept current by the case lifecycle.
    activeCases: integer('active_cases').notNull().default(0),
    completedCases: integer('completed_cases').notNull().default(0),
    settledCases: integer('settled_cases').notNull().default(0),
    performedAgreements: integer('performed_agreements').notNull().default(0),
    ratingSum: integer('rating_sum').notNull().default(0),
    ratingCount: integer('rating_count').notNull().default(0),
    upheldComplaints: integer('upheld_complaints').notNull().default(0),
    // Court referrals rotate among eligible mediators (core nextInRotation): how many each had, and when.
    courtReferrals: integer('court_referrals').notNull().default(0),
    lastReferredAt: timestamp('last_referred_at', { withTimezone: true }),
    // The part of the matching score that does not depend on the case (core/registry/matching.ts),
    // kept by the database so that ranking reads an index instead of scoring every mediator.
    // Changing WEIGHTS needs a migration that regenerates this column.
    baseScore: doublePrecision('base_score')
      .notNull()
      .generatedAlwaysAs(
        sql.raw(`${WEIGHTS.availability} * greatest(0, 1 - active_cases::float8 / greatest(capacity, 1))
          + ${WEIGHTS.experience} * least(completed_cases, 50)::float8 / 50
          + ${WEIGHTS.settlement} * (settled_cases + 1)::float8 / (completed_cases + 2)
          + ${WEIGHTS.rating} * (rating_sum - rating_count + 10)::float8 / (4 * (rating_count + 5))
          - least(upheld_complaints * ${COMPLAINT_PENALTY}, ${MAX_COMPLAINT_PENALTY})`),
      ),
    languageMask: integer('language_mask')
      .notNull()
      .generatedAlwaysAs(maskOf('languages', MEDIATION_LANGUAGES)),
    regionMask: integer('region_mask').notNull().generatedAlwaysAs(maskOf('regions', REGIONS)),
    categoryMask: integer('category_mask')
      .notNull()
      .generatedAlwaysAs(maskOf('categories', DISPUTE_CATEGORIES)),
    bio: jsonb('bio').$type<LocalizedText>().notNull().default({}),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: uuid('decided_by').references(() => users.id),
    decisionReason: text('decision_reason'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('mediators_status_idx').on(t.status),
    // Ranking walks these in score order and reads only the index (index-only scans): the key
    // columns after the unique id never change the order, they carry what the hard filters test.
    // (drizzle has no INCLUDE; b-tree suffix truncation keeps them out of the inner pages anyway.)
    // DESC NULLS FIRST is what `ORDER BY base_score DESC` asks for; an index declared NULLS LAST
    // cannot serve it, NOT NULL column or not.
    index('mediators_listed_base_score_idx')
      .on(
        t.baseScore.desc().nullsFirst(),
        t.activeCases,
        t.id,
        t.capacity,
        t.languageMask,
        t.regionMask,
        t.categoryMask,
        t.remote,
        t.inPerson,
        t.kind,
      )
      .where(sql`status = 'approved'`),
    // One per region, for the "serves the parties' region" groups of matching: a region holds a
    // tenth of the registry or less, so walking its own index finds its best mediators without
    // stepping over everyone else's (and an empty group costs its region, not the registry).
    ...REGIONS.map((region) =>
      index(`mediators_listed_in_${region}_idx`)
        .on(
          t.baseScore.desc().nullsFirst(),
          t.activeCases,
          t.id,
          t.capacity,
          t.languageMask,
          t.categoryMask,
          t.inPerson,
          t.kind,
        )
        .where(sql.raw(`status = 'approved' and ${servesRegionSql(referenceBit(REGIONS, region))}`)),
    ),
    // The public search: its order, and what its filters test, so a page and the total are read
    // from the index alone.
    index('mediators_listed_record_idx')
      .on(
        t.completedCases.desc().nullsFirst(),
        t.id,
        t.languageMask,
        t.regionMask,
        t.categoryMask,
        t.remote,
        t.feeType,
      )
      .where(sql`status = 'approved'`),
    // No GIN indexes on the arrays: search and matching test the masks above, and every change
    // of a caseload (a non-HOT update, base_score moves) would have to maintain them for nothing.
  ],
);

export const mediatorTrainings = pgTable(
  'mediator_trainings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    mediatorId: uuid('mediator_id')
      .notNull()
      .references(() => mediators.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['general', 'specialised', 'trainer'] }).notNull(),
    title: text('title').notNull(),
    provider: text('provider').notNull(),
    hours: integer('hours').notNull(),
    completedOn: date('completed_on').notNull(),
    documentId: uuid('document_id'),
  },
  (t) => [index('mediator_trainings_mediator_idx').on(t.mediatorId)],
);

export const mediatorDocuments = pgTable(
  'mediator_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    mediatorId: uuid('mediator_id').references(() => mediators.id, { onDelete: 'cascade' }),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['diploma', 'certificate', 'election_record', 'other'] }).notNull(),
    blobKey: text('blob_key').notNull(),
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('mediator_documents_mediator_idx').on(t.mediatorId)],
);

export const ethicsComplaints = pgTable(
  'ethics_complaints',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    mediatorId: uuid('mediator_id')
      .notNull()
      .references(() => mediators.id, { onDelete: 'cascade' }),
    complainantId: uuid('complainant_id')
      .notNull()
      .references(() => users.id),
    text: text('text').notNull(),
    status: text('status', { enum: ['open', 'upheld', 'dismissed'] })
      .notNull()
      .default('open'),
    reasons: text('reasons'),
    decidedBy: uuid('decided_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [index('ethics_complaints_mediator_idx').on(t.mediatorId, t.status)],
);

// Registry numbers are issued in order on approval: KZ-MED-000001 …
export const registryNumberSequence = pgSequence('mediator_registry_number_seq', { startWith: 1 });

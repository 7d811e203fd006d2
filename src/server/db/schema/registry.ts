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
import { COMPLAINT_PENALTY, MAX_COMPLAINT_PENALTY, WEIGHTS } from '../../../core/registry/matching.ts';
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
    bio: jsonb('bio').$type<LocalizedText>().notNull().default({}),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: uuid('decided_by').references(() => users.id),
    decisionReason: text('decision_reason'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('mediators_status_idx').on(t.status),
    index('mediators_listed_base_score_idx')
      .on(t.baseScore.desc(), t.activeCases, t.id)
      .where(sql`status = 'approved'`),
    index('mediators_listed_record_idx').on(t.completedCases.desc(), t.id).where(sql`status = 'approved'`),
    // The public search and matching filter on these arrays.
    index('mediators_languages_idx').using('gin', t.languages),
    index('mediators_regions_idx').using('gin', t.regions),
    index('mediators_categories_idx').using('gin', t.categories),
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

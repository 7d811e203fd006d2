import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  smallint,
  text,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import type { ContractTerms } from '../../../contracts/cases.ts';
import type { CourtStage, ProceedingType } from '../../../core/cases/court.ts';
import type { CaseStatus } from '../../../core/cases/lifecycle.ts';
import type { DisputeCategory, MediationLanguage, Region } from '../../../core/registry/reference.ts';
import { courts, users } from './accounts.ts';
import { at, bytea } from './columns.ts';
import { mediators } from './registry.ts';

// The case lifecycle (issue 4): a case, its parties (with their invitation and consent), the
// private safety screenings, conflict-of-interest declarations, the timeline and ratings.

export const cases = pgTable(
  'cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull().unique(),
    status: text('status').$type<CaseStatus>().notNull(),
    origin: text('origin', { enum: ['party', 'court'] }).notNull(),
    category: text('category').$type<DisputeCategory>(),
    subject: text('subject'),
    description: text('description'),
    claimAmountKzt: bigint('claim_amount_kzt', { mode: 'number' }),
    region: text('region').$type<Region>(),
    language: text('language').$type<MediationLanguage>(),
    remote: boolean('remote'),
    wantsPublicMediator: boolean('wants_public_mediator'),
    /** R-FAM-02: a positive screen of any party; the case runs in separate sessions only. */
    separateSessions: boolean('separate_sessions').notNull().default(false),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    /** A retried "create" with the same key returns the case it created (double submission). */
    idempotencyKey: text('idempotency_key'),
    mediatorId: uuid('mediator_id').references(() => mediators.id),
    suggestedMediatorId: uuid('suggested_mediator_id').references(() => mediators.id),
    excludedMediatorIds: uuid('excluded_mediator_ids').array().notNull().default(sql`'{}'`),
    contract: jsonb('contract').$type<ContractTerms>(),
    contractHash: text('contract_hash'),
    mediatorConfirmedAt: at('mediator_confirmed_at'),
    startedOn: date('started_on'),
    extensionDays: integer('extension_days').notNull().default(0),
    /** Last day of the mediation term (R-MED-11); the deadline worker ends the case after it. */
    termEndsOn: date('term_ends_on'),
    /** Days before the end already reminded of (7, then 2), so a reminder goes out once. */
    remindedAtDays: smallint('reminded_at_days'),
    endReason: text('end_reason'),
    endNote: text('end_note'),
    endedAt: at('ended_at'),
    // Court referral (R-CPC-01/02): the court sees status and outcome only (R-MED-17).
    courtId: uuid('court_id').references(() => courts.id),
    courtCaseNumber: text('court_case_number'),
    proceeding: text('proceeding').$type<ProceedingType>(),
    stage: text('stage').$type<CourtStage>(),
    judgeName: text('judge_name'),
    submittedAt: at('submitted_at'),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    unique('cases_idempotency_key').on(t.createdBy, t.idempotencyKey),
    index('cases_mediator_idx').on(t.mediatorId, t.status),
    index('cases_court_idx').on(t.courtId, t.status),
    index('cases_term_idx').on(t.termEndsOn).where(sql`status = 'active'`),
  ],
);

export const caseParties = pgTable(
  'case_parties',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    side: text('side', { enum: ['initiator', 'respondent'] }).notNull(),
    kind: text('kind', { enum: ['individual', 'organisation'] }).notNull(),
    fullName: text('full_name').notNull(),
    iin: text('iin'),
    bin: text('bin'),
    email: text('email'),
    phone: text('phone'),
    /** The account acting as this party: the initiator at once, the others when they accept. */
    userId: uuid('user_id').references(() => users.id),
    representative: jsonb('representative').$type<{
      fullName: string;
      iin: string;
      powerOfAttorney: string;
    }>(),
    consent: text('consent', { enum: ['pending', 'accepted', 'declined'] })
      .notNull()
      .default('pending'),
    consentAt: at('consent_at'),
    declineReason: text('decline_reason'),
    /** SHA-256 of the invitation link's token; the token itself is only in the email. */
    inviteTokenHash: text('invite_token_hash').unique(),
    invitedAt: at('invited_at'),
    deliveredAt: at('delivered_at'),
    readAt: at('read_at'),
    /** Last day to reply (R-MED-10), a calendar date in Kazakhstan. */
    replyBy: date('reply_by'),
    screenedAt: at('screened_at'),
    mediatorChoiceId: uuid('mediator_choice_id').references(() => mediators.id),
    contractConfirmedAt: at('contract_confirmed_at'),
  },
  (t) => [
    index('case_parties_case_idx').on(t.caseId),
    index('case_parties_user_idx').on(t.userId),
    index('case_parties_pending_idx')
      .on(t.replyBy)
      .where(sql`consent = 'pending' and invited_at is not null`),
  ],
);

/** R-FAM-02 answers, sealed under the case's key; only the answering party ever reads them back. */
export const caseScreenings = pgTable('case_screenings', {
  partyId: uuid('party_id')
    .primaryKey()
    .references(() => caseParties.id, { onDelete: 'cascade' }),
  caseId: uuid('case_id')
    .notNull()
    .references(() => cases.id, { onDelete: 'cascade' }),
  answers: bytea('answers').notNull(),
  answeredAt: at('answered_at').notNull(),
});

/** R-MED-06: what the mediator declared about each party before taking (or refusing) the case. */
export const conflictDeclarations = pgTable(
  'conflict_declarations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    mediatorId: uuid('mediator_id')
      .notNull()
      .references(() => mediators.id),
    partyId: uuid('party_id').references(() => caseParties.id),
    conflict: boolean('conflict').notNull(),
    note: text('note'),
    declaredAt: at('declared_at').notNull(),
  },
  (t) => [index('conflict_declarations_case_idx').on(t.caseId)],
);

/** What happened in the case, for its participants' timeline (the audit log holds the proof). */
export const caseEvents = pgTable(
  'case_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    at: at('at').notNull(),
    action: text('action').notNull(),
    actor: text('actor', { enum: ['party', 'mediator', 'court', 'system'] }).notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    rule: text('rule'),
  },
  (t) => [index('case_events_case_idx').on(t.caseId, t.id)],
);

export const mediatorRatings = pgTable(
  'mediator_ratings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    mediatorId: uuid('mediator_id')
      .notNull()
      .references(() => mediators.id),
    partyId: uuid('party_id')
      .notNull()
      .references(() => caseParties.id),
    stars: smallint('stars').notNull(),
    comment: text('comment'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  // Once per case and party: a second rating is refused by the database too.
  (t) => [unique('mediator_ratings_once').on(t.caseId, t.partyId)],
);

// Case numbers are issued in order: KLS-2026-000001 …
export const caseNumberSequence = pgSequence('case_number_seq', { startWith: 1 });

import { sql } from 'drizzle-orm';
import { index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { PDF_LAYOUTS } from '../../../core/agreements/types.ts';
import { courts, users } from './accounts.ts';
import { caseParties, cases } from './cases.ts';
import { at, bytea } from './columns.ts';

// Settlement agreements (issue 6, R-MED-21): one per case, kept as numbered versions; approved by
// everyone → frozen and rendered to a PDF; signed one after another (each signature an incremental
// PAdES revision of that PDF); optionally filed with a court (R-CPC-04/06). Texts people wrote
// (the draft, notes, comments) are sealed under the case's key like every mediation content
// (R-MED-17); hashes, statuses and signers' names are not content.

export const AGREEMENT_STATUSES = ['drafting', 'frozen', 'signed'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

/** `mediator`, or the id of the case party, for approvals and signatures. */
export type SignerKey = string;

export const agreements = pgTable('agreements', {
  id: uuid('id').primaryKey().defaultRandom(),
  caseId: uuid('case_id')
    .notNull()
    .unique()
    .references(() => cases.id, { onDelete: 'cascade' }),
  status: text('status', { enum: AGREEMENT_STATUSES }).notNull(),
  latestVersion: integer('latest_version').notNull(),
  frozenVersion: integer('frozen_version'),
  frozenAt: at('frozen_at'),
  /** The frozen PDF as rendered: the bytes every signature's first revision starts with. */
  pdfBlob: text('pdf_blob'),
  pdfSha256: text('pdf_sha256'),
  pdfLength: integer('pdf_length'),
  /** The PDF with the signatures made so far (each an incremental update). */
  signedPdfBlob: text('signed_pdf_blob'),
  signedPdfSha256: text('signed_pdf_sha256'),
  createdAt: at('created_at').notNull(),
  updatedAt: at('updated_at').notNull(),
});

export const agreementVersions = pgTable(
  'agreement_versions',
  {
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    /** Sealed canonical JSON of the AgreementDraft. */
    draft: bytea('draft').notNull(),
    /** core/agreements agreementHash of the draft: what approvals name and the PDF prints. */
    hash: text('hash').notNull(),
    /** How the PDF prints this version (core PDF_LAYOUTS). */
    layout: text('layout', { enum: PDF_LAYOUTS }).notNull(),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    /** `mediator` or the party id the author acted for. */
    authorAs: text('author_as').notNull(),
    /** Sealed: what the author says changed. */
    note: bytea('note'),
    createdAt: at('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.agreementId, t.number] }),
    index('agreement_versions_hash_idx').on(t.hash),
  ],
);

export const agreementComments = pgTable(
  'agreement_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    authorAs: text('author_as').notNull(),
    body: bytea('body').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [index('agreement_comments_agreement_idx').on(t.agreementId, t.createdAt)],
);

export const agreementApprovals = pgTable(
  'agreement_approvals',
  {
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    signer: text('signer').$type<SignerKey>().notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    at: at('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.agreementId, t.version, t.signer] })],
);

export const SIGNATURE_METHODS = ['ncalayer', 'platform'] as const;
export type SignatureMethod = (typeof SIGNATURE_METHODS)[number];

export const agreementSignatures = pgTable(
  'agreement_signatures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    /** 1, 2, … in the order the revisions were appended to the PDF. */
    position: integer('position').notNull(),
    signer: text('signer').$type<SignerKey>().notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    method: text('method', { enum: SIGNATURE_METHODS }).notNull(),
    kind: text('kind', { enum: ['qualified', 'simple'] }).notNull(),
    commonName: text('common_name'),
    iin: text('iin'),
    bin: text('bin'),
    certificateSerial: text('certificate_serial').notNull(),
    certificateFingerprint: text('certificate_fingerprint').notNull(),
    signingTime: at('signing_time'),
    /** The detached CMS exactly as the signer's software produced it. */
    cms: bytea('cms').notNull(),
    /** SHA-256 of the PDF after this signature was embedded. */
    revisionSha256: text('revision_sha256').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('agreement_signatures_signer').on(t.agreementId, t.signer),
    uniqueIndex('agreement_signatures_position').on(t.agreementId, t.position),
    index('agreement_signatures_revision_idx').on(t.revisionSha256),
  ],
);

export const FILING_CHANNELS = ['in_app', 'webhook', 'download'] as const;
export type FilingChannel = (typeof FILING_CHANNELS)[number];
export const FILING_STATUSES = ['awaiting_consent', 'filed', 'approved', 'refused'] as const;
export type FilingStatus = (typeof FILING_STATUSES)[number];

/** A request that a court approve the signed agreement (R-CPC-04): consents first, then delivery. */
export const agreementFilings = pgTable(
  'agreement_filings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agreementId: uuid('agreement_id')
      .notNull()
      .unique()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    channel: text('channel', { enum: FILING_CHANNELS }).notNull(),
    /** The court inside Kelisim that receives it (channel in_app). */
    courtId: uuid('court_id').references(() => courts.id),
    courtCaseNumber: text('court_case_number'),
    status: text('status', { enum: FILING_STATUSES }).notNull(),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => users.id),
    createdAt: at('created_at').notNull(),
    filedAt: at('filed_at'),
    /** The package as delivered (ZIP): its blob and SHA-256, made once when the last consent lands. */
    packageBlob: text('package_blob'),
    packageSha256: text('package_sha256'),
    decidedAt: at('decided_at'),
    decidedBy: uuid('decided_by').references(() => users.id),
    rulingNumber: text('ruling_number'),
    rulingDate: text('ruling_date'),
    refusalReason: text('refusal_reason'),
    /** State fee the plaintiff paid, in tiyn, as the ruling states it (basis of the R-CPC-06 refund). */
    stateFeeTiyn: integer('state_fee_tiyn'),
    refundTiyn: integer('refund_tiyn'),
  },
  (t) => [index('agreement_filings_court_idx').on(t.courtId, t.status)],
);

export const agreementFilingConsents = pgTable(
  'agreement_filing_consents',
  {
    filingId: uuid('filing_id')
      .notNull()
      .references(() => agreementFilings.id, { onDelete: 'cascade' }),
    partyId: uuid('party_id')
      .notNull()
      .references(() => caseParties.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    at: at('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.filingId, t.partyId] })],
);

/** Every attempt to deliver a filing to the court's endpoint (channel webhook): the delivery log. */
export const filingDeliveries = pgTable(
  'filing_deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    filingId: uuid('filing_id')
      .notNull()
      .references(() => agreementFilings.id, { onDelete: 'cascade' }),
    attempt: integer('attempt').notNull(),
    status: text('status', { enum: ['pending', 'delivered', 'failed'] }).notNull(),
    httpStatus: integer('http_status'),
    error: text('error'),
    dueAt: at('due_at').notNull(),
    attemptedAt: at('attempted_at'),
  },
  (t) => [
    index('filing_deliveries_filing_idx').on(t.filingId, t.attempt),
    index('filing_deliveries_due_idx').on(t.dueAt).where(sql`status = 'pending'`),
  ],
);

/** Certificates the platform CA issued for users' browser keys (simple electronic signatures). */
export const platformCertificates = pgTable(
  'platform_certificates',
  {
    serialHex: text('serial_hex').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    der: bytea('der').notNull(),
    /** SHA-256 of the certified public key (SPKI DER), hex. */
    spkiSha256: text('spki_sha256').notNull(),
    fingerprint: text('fingerprint').notNull(),
    issuedAt: at('issued_at').notNull(),
    notAfter: at('not_after').notNull(),
    revokedAt: at('revoked_at'),
  },
  (t) => [
    index('platform_certificates_user_idx').on(t.userId),
    uniqueIndex('platform_certificates_fp').on(t.fingerprint),
  ],
);

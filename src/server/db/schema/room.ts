import {
  bigint,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { caseParties, cases } from './cases.ts';
import { at, bytea } from './columns.ts';

// The mediation room (issue 5): messages per room with a per-room sequence, read state, statements
// carried between caucuses with the author's consent, the mediator's private notes, documents and
// scheduled sessions. Every body and file is sealed under the case's key (DESIGN.md §5).
// A room is named inside its case: 'joint' or 'caucus:<partyId>' (DESIGN.md §4).

const caseRef = () =>
  uuid('case_id')
    .notNull()
    .references(() => cases.id, { onDelete: 'cascade' });

/** The last sequence number given out in each room: the row lock orders the room's messages. */
export const roomCounters = pgTable(
  'room_counters',
  {
    caseId: caseRef(),
    room: text('room').notNull(),
    lastSeq: bigint('last_seq', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.room] })],
);

export const roomMessages = pgTable(
  'room_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: caseRef(),
    room: text('room').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    authorUserId: uuid('author_user_id').references(() => users.id),
    /** An interpreter writes in the joint room only (R-MED-15); a representative writes as its party. */
    authorRole: text('author_role', { enum: ['party', 'mediator', 'interpreter'] }).notNull(),
    /** The party the author speaks for (null for the mediator and an interpreter). */
    authorPartyId: uuid('author_party_id').references(() => caseParties.id),
    kind: text('kind', { enum: ['text', 'document', 'shuttle'] }).notNull(),
    body: bytea('body').notNull(),
    documentId: uuid('document_id'),
    /** The client's key for this message: a retried send returns the stored message. */
    idempotencyKey: text('idempotency_key').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [
    unique('room_messages_seq').on(t.caseId, t.room, t.seq),
    unique('room_messages_idempotency').on(t.caseId, t.authorUserId, t.idempotencyKey),
  ],
);

/** How far each participant has received and read each room: ticks for the author, unread counts. */
export const roomReads = pgTable(
  'room_reads',
  {
    caseId: caseRef(),
    room: text('room').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    deliveredSeq: bigint('delivered_seq', { mode: 'number' }).notNull().default(0),
    readSeq: bigint('read_seq', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.room, t.userId] }), index('room_reads_user_idx').on(t.userId)],
);

/**
 * Shuttle mode: the mediator proposes to carry a statement from one caucus to the other side; it
 * is delivered only when the author approves the exact text (R-MED-17).
 */
export const shuttleStatements = pgTable(
  'shuttle_statements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: caseRef(),
    /** The caucus it comes from; its party must approve. */
    fromPartyId: uuid('from_party_id')
      .notNull()
      .references(() => caseParties.id),
    /** Where it goes: the other party's caucus. */
    toPartyId: uuid('to_party_id')
      .notNull()
      .references(() => caseParties.id),
    proposedBy: uuid('proposed_by')
      .notNull()
      .references(() => users.id),
    body: bytea('body').notNull(),
    /** SHA-256 of the text, so the approval names exactly what was shown. */
    bodyHash: text('body_hash').notNull(),
    status: text('status', { enum: ['proposed', 'approved', 'declined', 'withdrawn'] }).notNull(),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: at('decided_at'),
    createdAt: at('created_at').notNull(),
  },
  (t) => [index('shuttle_statements_case_idx').on(t.caseId)],
);

/** The mediator's private notes on a case: only that mediator ever reads them. */
export const mediatorNotes = pgTable(
  'mediator_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: caseRef(),
    authorUserId: uuid('author_user_id')
      .notNull()
      .references(() => users.id),
    body: bytea('body').notNull(),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [index('mediator_notes_case_idx').on(t.caseId, t.authorUserId)],
);

/**
 * A document posted to a room. Uploads are resumable: the bytes arrive in chunks into a staging
 * blob until `receivedBytes` = `sizeBytes`, then the whole file is checked by content, sealed and
 * stored, and its message is posted.
 */
export const roomDocuments = pgTable(
  'room_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: caseRef(),
    room: text('room').notNull(),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => users.id),
    fileName: text('file_name').notNull(),
    /** Known once the content has been checked. */
    contentType: text('content_type'),
    sizeBytes: integer('size_bytes').notNull(),
    receivedBytes: integer('received_bytes').notNull().default(0),
    sha256: text('sha256'),
    blobKey: text('blob_key'),
    status: text('status', { enum: ['uploading', 'stored'] }).notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    createdAt: at('created_at').notNull(),
    storedAt: at('stored_at'),
  },
  (t) => [
    index('room_documents_room_idx').on(t.caseId, t.room),
    unique('room_documents_idempotency').on(t.caseId, t.uploadedBy, t.idempotencyKey),
  ],
);

/** A session the mediator proposes (or a party counter-proposes); confirmed when every party accepts. */
export const caseSessions = pgTable(
  'case_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: caseRef(),
    proposedBy: uuid('proposed_by')
      .notNull()
      .references(() => users.id),
    /** A party's other time for an earlier proposal. */
    counterTo: uuid('counter_to'),
    mode: text('mode', { enum: ['video', 'audio', 'in_person'] }).notNull(),
    address: text('address'),
    startsAt: at('starts_at').notNull(),
    durationMinutes: smallint('duration_minutes').notNull(),
    /** IANA zone the session is shown and sent in (Asia/Almaty, Asia/Aqtobe …). */
    timeZone: text('time_zone').notNull(),
    /** Only the mediator and the party it concerns see a caucus session. */
    caucusPartyId: uuid('caucus_party_id').references(() => caseParties.id),
    status: text('status', { enum: ['proposed', 'confirmed', 'declined', 'cancelled'] }).notNull(),
    /**
     * When the mediator agreed to this time: at once for the mediator's own proposal, when they
     * accept for a party's counter-proposal (they run every session, so none is confirmed without them).
     */
    mediatorAcceptedAt: at('mediator_accepted_at'),
    /** Hours before the start already reminded of (24, then 1), so each reminder goes out once. */
    remindedAtHours: smallint('reminded_at_hours'),
    createdAt: at('created_at').notNull(),
    confirmedAt: at('confirmed_at'),
  },
  (t) => [
    index('case_sessions_case_idx').on(t.caseId),
    index('case_sessions_start_idx').on(t.status, t.startsAt),
  ],
);

export const caseSessionAnswers = pgTable(
  'case_session_answers',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => caseSessions.id, { onDelete: 'cascade' }),
    partyId: uuid('party_id')
      .notNull()
      .references(() => caseParties.id),
    answer: text('answer', { enum: ['accepted', 'declined'] }).notNull(),
    answeredBy: uuid('answered_by')
      .notNull()
      .references(() => users.id),
    answeredAt: at('answered_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.partyId] })],
);

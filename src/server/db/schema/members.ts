import { sql } from 'drizzle-orm';
import { index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.ts';
import { caseParties, cases } from './cases.ts';
import { at } from './columns.ts';

// People in a mediation besides the parties and the mediator (R-MED-15): a party's representative
// and an interpreter. Both are named with their IIN and matched to an account by it, so they may
// be named before they register. The current representative is also kept on the party
// (`case_parties.representative`, as intake writes it); this table keeps who it was when.

/** Every representative a party named on the platform, the current one with no `removedAt`. */
export const caseRepresentatives = pgTable(
  'case_representatives',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    partyId: uuid('party_id')
      .notNull()
      .references(() => caseParties.id, { onDelete: 'cascade' }),
    fullName: text('full_name').notNull(),
    iin: text('iin').notNull(),
    /** Number and date of the power of attorney, as written on it. */
    powerOfAttorney: text('power_of_attorney').notNull(),
    addedBy: uuid('added_by')
      .notNull()
      .references(() => users.id),
    addedAt: at('added_at').notNull(),
    removedBy: uuid('removed_by').references(() => users.id),
    removedAt: at('removed_at'),
  },
  (t) => [
    index('case_representatives_case_idx').on(t.caseId),
    uniqueIndex('case_representatives_current').on(t.partyId).where(sql`removed_at is null`),
  ],
);

/** Interpreters the mediator added to a case; one who is removed keeps the row with `removedAt`. */
export const caseInterpreters = pgTable(
  'case_interpreters',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    fullName: text('full_name').notNull(),
    iin: text('iin').notNull(),
    /** ISO 639 codes of the languages interpreted between (kk, ru, uz …). */
    languages: text('languages').array().notNull(),
    addedBy: uuid('added_by')
      .notNull()
      .references(() => users.id),
    addedAt: at('added_at').notNull(),
    removedBy: uuid('removed_by').references(() => users.id),
    removedAt: at('removed_at'),
  },
  (t) => [
    index('case_interpreters_case_idx').on(t.caseId),
    // The session of an account looks up the cases its IIN interprets in.
    index('case_interpreters_iin_idx').on(t.iin).where(sql`removed_at is null`),
    uniqueIndex('case_interpreters_current').on(t.caseId, t.iin).where(sql`removed_at is null`),
  ],
);

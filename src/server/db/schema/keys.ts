import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { bytea } from './columns.ts';

// One data key per scope (a case, a mediator's file), stored only wrapped by the master key.
export const dataKeys = pgTable('data_keys', {
  scope: text('scope').primaryKey(),
  wrappedKey: bytea('wrapped_key').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

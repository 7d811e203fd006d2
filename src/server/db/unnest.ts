import { getTableColumns, type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';

// Many rows in one statement as one array per column: `insert … select * from unnest($1::uuid[], …)`.
// The statement's text and parameter count do not grow with the rows (a batch of 500 room messages
// is 12 parameters, not 6 000), so neither building it nor the driver's work does per row —
// the hot batches of the room (features/room/send.ts) use it. Both pg and PGlite send JS arrays
// (Buffers, Dates and nulls included) as PostgreSQL arrays.

/** The PostgreSQL element type of each column written, by the table's property name. */
export type ColumnTypes<T extends PgTable> = Partial<Record<keyof T['$inferInsert'] & string, string>>;

/** `insert into <table> (<columns>) select * from unnest(<one array per column>)`; add `on conflict …` after it. */
export const insertUnnest = <T extends PgTable>(
  table: T,
  types: ColumnTypes<T>,
  rows: T['$inferInsert'][],
): SQL => {
  const columns = getTableColumns(table);
  const keys = Object.keys(types) as (keyof T['$inferInsert'] & string)[];
  const names = keys.map((key) => {
    const column = columns[key];
    if (!column) throw new Error(`${key} is not a column`);
    return sql.identifier(column.name);
  });
  const arrays = keys.map(
    (key) =>
      sql`${sql.param(rows.map((row) => (row as Record<string, unknown>)[key] ?? null))}::${sql.raw(types[key] as string)}[]`,
  );
  return sql`insert into ${table} (${sql.join(names, sql`, `)}) select * from unnest(${sql.join(arrays, sql`, `)})`;
};

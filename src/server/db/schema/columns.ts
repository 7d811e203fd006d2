import { customType, timestamp } from 'drizzle-orm/pg-core';

// Column kinds several schema files use.

/** Sealed bytes (platform/seal) and other binary data. */
export const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });
/** A moment in time, always with its time zone. */
export const at = (name: string) => timestamp(name, { withTimezone: true });

import { completeKzId } from '../../src/core/identity/kz-id.ts';

/**
 * A valid IIN or BIN: `prefix` (its date and kind digits) followed by the first serial number
 * from `from` on that has a check digit (some have none), wrapping round within the serial's width.
 */
export const kzId = (prefix: string, from: number): string => {
  const width = 11 - prefix.length;
  const size = 10 ** width;
  for (let serial = from % size; ; serial = (serial + 1) % size) {
    const id = completeKzId(`${prefix}${String(serial).padStart(width, '0')}`);
    if (id) return id;
  }
};

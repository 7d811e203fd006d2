// IBAN check for the account a payment goes to (R-CPC-03: the method of performance must be
// executable, and a mistyped account is the commonest way a payment obligation fails). ISO 13616:
// move the first four characters to the end, letters to numbers (A=10 … Z=35), the result mod 97
// must be 1. Kazakh accounts are 20 characters: KZ, 2 check digits, 3-digit bank code, 13 characters.

const LENGTH_BY_COUNTRY: Readonly<Record<string, number>> = { KZ: 20 };

/** The IBAN without spaces, upper-cased, as it is stored and printed in groups of four. */
export const normalizeIban = (value: string) => value.replace(/\s+/g, '').toUpperCase();

export const isValidIban = (value: string): boolean => {
  const iban = normalizeIban(value);
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const expected = LENGTH_BY_COUNTRY[iban.slice(0, 2)];
  if (expected !== undefined && iban.length !== expected) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  // Piecewise mod 97 keeps every intermediate within a safe integer.
  let rest = 0;
  for (const ch of rearranged) {
    const digits = /\d/.test(ch) ? ch : String(ch.charCodeAt(0) - 55);
    for (const d of digits) rest = (rest * 10 + Number(d)) % 97;
  }
  return rest === 1;
};

/** Groups of four, as banks print it: KZ86 125K ZT50 0410 0100. */
export const formatIban = (value: string) =>
  normalizeIban(value)
    .replace(/(.{4})/g, '$1 ')
    .trim();

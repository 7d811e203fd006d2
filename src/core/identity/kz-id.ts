// IIN (individual) and BIN (legal entity) numbers: 12 digits, the last a check digit
// (DOMAIN.md §2). Pure functions shared by the server contracts and the browser forms.

const FIRST_WEIGHTS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const SECOND_WEIGHTS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

const weightedRemainder = (digits: number[], weights: number[]) =>
  weights.reduce((sum, weight, i) => sum + weight * (digits[i] ?? 0), 0) % 11;

/** The check digit for the first 11 digits, or null when no check digit exists (remainder 10 twice). */
export const kzCheckDigit = (first11: string): number | null => {
  const digits = [...first11].map(Number);
  const first = weightedRemainder(digits, FIRST_WEIGHTS);
  if (first !== 10) return first;
  const second = weightedRemainder(digits, SECOND_WEIGHTS);
  return second === 10 ? null : second;
};

const hasValidCheckDigit = (value: string) =>
  /^\d{12}$/.test(value) && kzCheckDigit(value.slice(0, 11)) === Number(value[11]);

// 7th digit of an IIN: century of birth and sex (1/2 → 1800s, 3/4 → 1900s, 5/6 → 2000s).
const CENTURY_BY_DIGIT: Record<string, number> = {
  '1': 1800,
  '2': 1800,
  '3': 1900,
  '4': 1900,
  '5': 2000,
  '6': 2000,
};

export type IinFacts = { birthDate: string; sex: 'male' | 'female' };

/** Birth date and sex encoded in a valid IIN, or null when the IIN is not valid. */
export const parseIin = (value: string): IinFacts | null => {
  if (!hasValidCheckDigit(value)) return null;
  const century = CENTURY_BY_DIGIT[value[6] ?? ''];
  if (century === undefined) return null;
  const year = century + Number(value.slice(0, 2));
  const month = Number(value.slice(2, 4));
  const day = Number(value.slice(4, 6));
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null;
  return { birthDate: date.toISOString().slice(0, 10), sex: Number(value[6]) % 2 === 1 ? 'male' : 'female' };
};

export const isValidIin = (value: string) => parseIin(value) !== null;

// BIN: YYMM of registration, then the kind of entity in the 5th digit
// (4 resident legal entity, 5 non-resident, 6 joint individual enterprise).
export const isValidBin = (value: string) => {
  if (!hasValidCheckDigit(value)) return false;
  const month = Number(value.slice(2, 4));
  return month >= 1 && month <= 12 && ['4', '5', '6'].includes(value[4] ?? '');
};

/** Completes 11 digits into a valid 12-digit number (for demo data and tests), or null if impossible. */
export const completeKzId = (first11: string): string | null => {
  const check = kzCheckDigit(first11);
  return check === null ? null : `${first11}${check}`;
};

import type { Locale } from '../../../core/identity/roles.ts';

// Sums are typed in tenge and stored in tiyn (1 ₸ = 100 tiyn) as integers: the conversion works on
// the digits of the text, never through a float, so "0,29" is 29 tiyn and not 28.999….

/** The most a contract accepts (1e15 tiyn): 13 digits of whole tenge. */
const MAX_WHOLE_DIGITS = 13;

/**
 * Tenge as a person types them → tiyn, or null when the text is not a sum. Spaces (also no-break
 * ones) group digits; a trailing ₸ / тг / tg is allowed. The decimal mark is a comma or a point in
 * Kazakh and Russian (both are used in Kazakhstan); in English a comma groups thousands.
 */
export const parseTenge = (text: string, locale: Locale): number | null => {
  let value = text
    .trim()
    .replace(/(₸|тг\.?|tg\.?|kzt)$/iu, '')
    .replace(/[\s\u00a0\u202f']/gu, '');
  if (locale === 'en') value = value.replaceAll(',', '');
  else value = value.replaceAll(',', '.');
  const match = new RegExp(`^(\\d{1,${MAX_WHOLE_DIGITS}})(?:\\.(\\d{1,2}))?$`).exec(value);
  if (!match) return null;
  const whole = Number(match[1]);
  const cents = Number((match[2] ?? '').padEnd(2, '0'));
  return whole * 100 + cents;
};

/** Tiyn → the text an input shows for it (no grouping, so that it reads back the same). */
export const tiynToInput = (tiyn: number, locale: Locale): string => {
  if (!Number.isSafeInteger(tiyn) || tiyn <= 0) return '';
  const whole = Math.floor(tiyn / 100);
  const cents = tiyn % 100;
  if (cents === 0) return String(whole);
  return `${whole}${locale === 'en' ? '.' : ','}${String(cents).padStart(2, '0')}`;
};

/** A percentage as typed ("50", "33,5") → a number 0–100, or null. */
export const parsePercent = (text: string): number | null => {
  const value = text.trim().replace(/\s|%/gu, '').replace(',', '.');
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(value)) return null;
  const percent = Number(value);
  return percent <= 100 ? percent : null;
};

export const percentToInput = (percent: number, locale: Locale) =>
  Number.isFinite(percent) ? (locale === 'en' ? String(percent) : String(percent).replace('.', ',')) : '';

import { isValidBin, isValidIin } from '../../../core/identity/kz-id.ts';

// Quick checks in the browser so a farmer on a slow line does not wait for a round trip to learn
// about a typo. Same rules as src/contracts (the IIN/BIN code is literally the server's); the
// server's answer stays the authority. Each returns a message key under `fields.` or null.

export const digitsOnly = (value: string) => value.replace(/[\s-]/g, '');
export const normalizePhone = (value: string) => value.trim().replace(/[\s()-]/g, '');

export const checkName = (value: string) => (value.trim().length >= 2 ? null : 'name_required');
export const checkEmail = (value: string) =>
  /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim()) ? null : 'email_invalid';
export const checkPassword = (value: string) =>
  value.length < 10 ? 'password_too_short' : value.length > 200 ? 'password_too_long' : null;
export const checkPhone = (value: string) =>
  value.trim() === '' || /^\+7\d{10}$/.test(normalizePhone(value)) ? null : 'phone_invalid';
export const checkIin = (value: string, required: boolean) => {
  const iin = digitsOnly(value);
  if (!iin) return required ? 'required' : null;
  return isValidIin(iin) ? null : 'iin_invalid';
};
export const checkBin = (value: string) => {
  const bin = digitsOnly(value);
  if (!bin) return 'required';
  return isValidBin(bin) ? null : 'bin_invalid';
};
export const checkOrganisation = (value: string) =>
  value.trim().length >= 2 ? null : 'organisation_required';

/** Field name → localized message, for the fields whose check failed. */
export const collectErrors = (checks: Record<string, string | null>, t: (key: string) => string) =>
  Object.fromEntries(
    Object.entries(checks)
      .filter((entry): entry is [string, string] => entry[1] !== null)
      .map(([field, key]) => [field, t(`fields.${key}`)]),
  );

import type { Locale } from '../../../core/identity/roles.ts';
import type { CourtDecision } from '../../agreements-api.ts';

// Pure parts of signing, verification and filing (no React, no crypto libraries, so the public
// verification page stays small): bytes, hashes, files and amounts. Tested in model.test.ts.

/** The largest PDF the public verification page sends (the server's limit too). */
export const VERIFY_MAX_BYTES = 30 * 1024 * 1024;

/**
 * Why the server refuses a signature (422 signature_refused): the verifier's reasons
 * (server/platform/signatures/verdict.ts) and the agreement's own check that the certificate is
 * this signer's (`signer_mismatch`). Each has a meaning and an advice in web.signing.reasons /
 * web.signing.advice, in every language (signing-errors.test.ts).
 */
export const SIGNATURE_REFUSAL_REASONS = [
  'signer_mismatch',
  'identity_mismatch',
  'untrusted',
  'expired',
  'not_yet_valid',
  'digest_mismatch',
  'signature_invalid',
  'unsupported_algorithm',
  'key_usage',
  'malformed',
  // The agreement's own checks of the chosen method and the platform certificate (signing.ts).
  'not_qualified',
  'method_mismatch',
  'certificate_not_yours',
  'certificate_revoked',
  // Only in a verification report: bytes were added after this signature.
  'modified_after_signing',
] as const;
export type SignatureRefusalReason = (typeof SIGNATURE_REFUSAL_REASONS)[number];

export const isRefusalReason = (value: unknown): value is SignatureRefusalReason =>
  typeof value === 'string' && (SIGNATURE_REFUSAL_REASONS as readonly string[]).includes(value);

/** Base64 (standard or URL-safe, with or without padding) → bytes. */
export const fromBase64 = (text: string): Uint8Array<ArrayBuffer> => {
  const clean = text.replace(/\s+/g, '').replace(/-/g, '+').replace(/_/g, '/');
  const padded = clean + '='.repeat((4 - (clean.length % 4)) % 4);
  const binary = atob(padded);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
};

export const toHex = (bytes: Uint8Array) =>
  Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');

export const isSha256Hex = (text: string) => /^[0-9a-f]{64}$/.test(text);

/**
 * What someone typed or pasted as a hash: the hex itself (any case, spaces or colons between
 * groups), or the verification link from the QR code. Null when it is neither.
 */
export const normalizeHash = (input: string): string | null => {
  const trimmed = input.trim();
  const fromLink = trimmed.match(/\/verify\/([0-9a-fA-F:\s]{64,})\/?(?:[?#].*)?$/);
  const candidate = (fromLink?.[1] ?? trimmed).replace(/[\s:]/g, '').toLowerCase();
  return isSha256Hex(candidate) ? candidate : null;
};

/** Why a chosen file cannot be verified, before sending it anywhere. */
export type PdfFileProblem = 'empty' | 'too_large' | 'not_pdf';

export const pdfFileProblem = (file: { name: string; size: number; type: string }): PdfFileProblem | null => {
  if (file.size === 0) return 'empty';
  if (file.size > VERIFY_MAX_BYTES) return 'too_large';
  const pdfType = file.type === 'application/pdf' || file.type === 'application/x-pdf';
  // Some systems give no type for a file from a messenger or a USB stick: the name decides then.
  if (!pdfType && !(file.type === '' && /\.pdf$/i.test(file.name))) return 'not_pdf';
  return null;
};

/**
 * A sum in tenge as a person writes it ("12 000", "12000,50", "12 000.5 ₸") → tiyn. Null for an
 * empty field; 'invalid' for anything else that is not a non-negative sum with at most 2 decimals.
 */
export const parseTenge = (input: string): number | null | 'invalid' => {
  const compact = input.replace(/[\s\u00a0\u202f₸]/g, '').replace(/(тг|тенге|теңге|kzt)\.?$/i, '');
  if (compact === '') return null;
  const match = compact.match(/^(\d{1,13})(?:[.,](\d{1,2}))?$/);
  if (!match) return 'invalid';
  const whole = Number(match[1]);
  const fraction = Number((match[2] ?? '').padEnd(2, '0'));
  return whole * 100 + fraction;
};

// Chrome has no Kazakh number data: ru-KZ writes numbers the way Kazakh does (see i18n.ts).
let nativeKazakhNumbers: boolean | undefined;
const numberLocale = (locale: Locale) => {
  if (locale === 'ru') return 'ru-KZ';
  if (locale === 'en') return 'en';
  nativeKazakhNumbers ??= new Intl.NumberFormat('kk-KZ').format(1.5) === '1,5';
  return nativeKazakhNumbers ? 'kk-KZ' : 'ru-KZ';
};

/** An amount in tiyn as tenge: "12 000 ₸", "500,50 ₸" — tiyn shown only when there are some. */
export const formatTiyn = (tiyn: number, locale: Locale) => {
  const whole = tiyn % 100 === 0;
  return new Intl.NumberFormat(numberLocale(locale), {
    style: 'currency',
    currency: 'KZT',
    currencyDisplay: 'narrowSymbol',
    minimumFractionDigits: whole ? 0 : 2,
    maximumFractionDigits: whole ? 0 : 2,
  }).format(tiyn / 100);
};

export type Refund = { stateFeeTiyn: number; refundTiyn: number; percent: number };

/** The parameters of web.signing.refund.text: the refund, the fee it comes from, the share. */
export const refundParams = (refund: Refund, locale: Locale) => ({
  refund: formatTiyn(refund.refundTiyn, locale),
  fee: formatTiyn(refund.stateFeeTiyn, locale),
  percent: `${new Intl.NumberFormat(numberLocale(locale), { maximumFractionDigits: 1 }).format(refund.percent)}${locale === 'ru' ? '\u00a0%' : '%'}`,
});

export type DecisionValues = {
  decision: 'approve' | 'refuse';
  rulingNumber: string;
  rulingDate: string;
  stateFee: string;
  reason: string;
};

/** The calendar date in Kazakhstan now (YYYY-MM-DD): a ruling is dated by the court's day. */
export const todayInAlmaty = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Almaty' });

export type CheckedDecision = { body: CourtDecision } | { problems: Record<string, string> };

/** The form's values → the request body, or what is missing (messages keyed like the server's fields). */
export const decisionBody = (
  values: DecisionValues,
  messages: { required: string; feeInvalid: string; reasonShort: string },
): CheckedDecision => {
  const problems: Record<string, string> = {};
  const rulingNumber = values.rulingNumber.trim();
  if (!values.rulingDate) problems.rulingDate = messages.required;
  if (values.decision === 'approve') {
    if (!rulingNumber) problems.rulingNumber = messages.required;
    const fee = parseTenge(values.stateFee);
    if (fee === 'invalid') problems.stateFeeTiyn = messages.feeInvalid;
    if (Object.keys(problems).length > 0 || fee === 'invalid') return { problems };
    return {
      body: {
        decision: 'approve',
        rulingNumber,
        rulingDate: values.rulingDate,
        ...(fee !== null && { stateFeeTiyn: fee }),
      },
    };
  }
  const reason = values.reason.trim();
  if (reason.length < 3) problems.reason = reason ? messages.reasonShort : messages.required;
  if (Object.keys(problems).length > 0) return { problems };
  return {
    body: {
      decision: 'refuse',
      ...(rulingNumber && { rulingNumber }),
      rulingDate: values.rulingDate,
      reason,
    },
  };
};

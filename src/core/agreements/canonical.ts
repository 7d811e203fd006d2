import { canonicalJson } from '../util/canonical-json.ts';
import type { AgreementDraft } from './types.ts';

// The identity of an agreement version: SHA-256 over its canonical JSON. Approval (everyone
// approves the same hash), the PDF (prints it and its QR links to /verify/<hash>) and signing all
// refer to this one value, so it must not depend on how the draft was built:
//   - keys sorted at every level and `undefined` dropped (canonicalJson), so key order and
//     absent-vs-undefined fields do not matter; array order does (obligations are numbered);
//   - every string in Unicode NFC, so "ә" typed as one code point or as "ә" with a combining mark
//     (some Kazakh keyboards do that) hashes the same;
//   - IBANs are kept as typed: normalising them is the form's job, and the check says when one is wrong.

/** Every string NFC-normalised, recursively; other values as they are. */
const normalize = (value: unknown): unknown => {
  if (typeof value === 'string') return value.normalize('NFC');
  if (Array.isArray(value)) return value.map(normalize);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.normalize('NFC'), normalize(v)]));
  return value;
};

/** The exact bytes that are hashed: UTF-8 of the canonical JSON of the normalised draft. */
export const canonicalAgreement = (draft: AgreementDraft): string => canonicalJson(normalize(draft));

const hex = (bytes: ArrayBuffer) =>
  [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');

/**
 * SHA-256 of the version, lower-case hex. WebCrypto, so the browser can show the same hash the
 * server freezes (globalThis.crypto exists in Node 20 and every supported browser).
 */
export const agreementHash = async (draft: AgreementDraft): Promise<string> =>
  hex(await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(canonicalAgreement(draft))));

export const isAgreementHash = (value: string) => /^[0-9a-f]{64}$/.test(value);

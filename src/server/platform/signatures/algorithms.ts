// Which algorithms a signature may use. Only what node:crypto verifies natively is accepted; the
// Kazakh GOST family (DOMAIN.md §4) and anything unknown is reported as unsupported_algorithm —
// never treated as valid — until a GOST adapter exists.

export type DigestName = 'sha256' | 'sha384' | 'sha512';
export type KeyFamily = 'rsa' | 'ec';

const DIGESTS: Record<string, DigestName> = {
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};

/** Signature algorithm OIDs: key family, and the hash they name (null: the digestAlgorithm's). */
const SIGNATURES: Record<string, { family: KeyFamily; digest: DigestName | null }> = {
  // CMS signers commonly name the bare key algorithm and let digestAlgorithm carry the hash.
  '1.2.840.113549.1.1.1': { family: 'rsa', digest: null },
  '1.2.840.113549.1.1.11': { family: 'rsa', digest: 'sha256' },
  '1.2.840.113549.1.1.12': { family: 'rsa', digest: 'sha384' },
  '1.2.840.113549.1.1.13': { family: 'rsa', digest: 'sha512' },
  '1.2.840.10045.2.1': { family: 'ec', digest: null },
  '1.2.840.10045.4.3.2': { family: 'ec', digest: 'sha256' },
  '1.2.840.10045.4.3.3': { family: 'ec', digest: 'sha384' },
  '1.2.840.10045.4.3.4': { family: 'ec', digest: 'sha512' },
};

const KEY_FAMILIES: Record<string, KeyFamily> = {
  '1.2.840.113549.1.1.1': 'rsa',
  '1.2.840.10045.2.1': 'ec',
};

/**
 * GOST arcs: Kazakhstan's KZ GOST 34.310/34.311 and GOST R 34.10-2015 profiles live under
 * 1.2.398.3.10 (NCA RK), the Russian originals under 1.2.643. Named so logs can say "GOST"
 * rather than "unknown", and so a later adapter knows what to pick up.
 */
export const isGostOid = (oid: string) => oid.startsWith('1.2.398.3.10.') || oid.startsWith('1.2.643.');

export const digestFor = (oid: string): DigestName | null => DIGESTS[oid] ?? null;

/** The hash to verify a signature with, or null when the pair is not supported. */
export const signatureScheme = (
  signatureOid: string,
  digestOid: string,
): { family: KeyFamily; digest: DigestName } | null => {
  const scheme = SIGNATURES[signatureOid];
  if (!scheme) return null;
  const digest = scheme.digest ?? digestFor(digestOid);
  return digest ? { family: scheme.family, digest } : null;
};

export const keyFamilyFor = (spkiAlgorithmOid: string): KeyFamily | null =>
  KEY_FAMILIES[spkiAlgorithmOid] ?? null;

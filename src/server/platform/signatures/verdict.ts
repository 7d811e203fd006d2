// What a signature check answers. Reasons are stable codes: routes map them to problem+json codes
// and the UI to localized texts (issue 6); nothing here is shown to people as is.

export const REFUSAL_REASONS = [
  'malformed',
  'unsupported_algorithm',
  'digest_mismatch',
  'signature_invalid',
  'untrusted',
  'expired',
  'not_yet_valid',
  'key_usage',
  'identity_mismatch',
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

/**
 * qualified: the certificate chains to the configured trust list (NCA RK), a qualified EDS under
 * the Law on Electronic Document and EDS. simple: issued by Kelisim's own CA to a browser key —
 * a simple electronic signature, to be labelled as such and never as an EDS.
 */
export type SignatureKind = 'qualified' | 'simple';

/**
 * Certificate policy Kelisim's CA puts in every certificate it issues: "simple electronic
 * signature of a Kelisim user, not an EDS". A UUID-derived OID (ITU-T X.667, arc 2.25), which
 * needs no registration, from UUID 7020b8de-3169-4c8a-befd-909b3affdaa4. Never change it: stored
 * signatures are classified by it.
 */
export const SIMPLE_SIGNATURE_POLICY = '2.25.149043438594694906474951458423438301860';

export type SignerIdentity = {
  commonName: string | null;
  /** From the subject serialNumber "IIN" + 12 digits, when the check digit is valid. */
  iin: string | null;
  /** From an OU "BIN" + 12 digits, for an organisation's representative. */
  bin: string | null;
  organization: string | null;
};

export type CertificateSummary = {
  serialHex: string;
  notBefore: Date;
  notAfter: Date;
  /** SHA-256 of the certificate DER, hex: a stable handle for logs and storage. */
  fingerprint: string;
};

export type ValidSignature = {
  ok: true;
  kind: SignatureKind;
  signer: SignerIdentity;
  certificate: CertificateSummary;
  /** The instant the certificate chain was checked at. */
  checkedAt: Date;
  /** Where checkedAt came from: the signer's signingTime attribute, or the caller's clock. */
  timeSource: 'signing_time' | 'verification_time';
  signingTime: Date | null;
  algorithm: { key: 'rsa' | 'ec'; digest: string };
};

export type RefusedSignature = {
  ok: false;
  reason: RefusalReason;
  /** For logs and tests, in English; never shown to users. */
  detail: string;
};

export type SignatureVerdict = ValidSignature | RefusedSignature;

export const refuse = (reason: RefusalReason, detail: string): RefusedSignature => ({
  ok: false,
  reason,
  detail,
});

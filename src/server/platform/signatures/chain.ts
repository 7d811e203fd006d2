// Certificate path from a signer to a trust anchor (RFC 5280 §6, the parts that matter for
// signatures): each link's signature checked with its issuer's key, each issuer a CA allowed to
// sign certificates, no unknown critical extension anywhere. Validity is not decided here: the
// path's common validity window is returned, and the verifier compares it with the signing time.
// Revocation (CRL/OCSP of NCA RK) is not checked yet.
import { type KeyObject, verify } from 'node:crypto';
import { isGostOid, keyFamilyFor, signatureScheme } from './algorithms.ts';
import type { ParsedCertificate } from './certificate.ts';
import { sameBytes } from './der.ts';
import { importPublicKey } from './public-key.ts';
import { nameKey, type TrustStore } from './trust.ts';
import { type RefusedSignature, refuse, SIMPLE_SIGNATURE_POLICY, type SignatureKind } from './verdict.ts';

export type TrustedPath = { ok: true; kind: SignatureKind; notBefore: Date; notAfter: Date };
export type ChainResult = TrustedPath | RefusedSignature;

const MAX_PATH = 6;

const isCa = (certificate: ParsedCertificate) =>
  certificate.basicConstraints?.ca === true && (certificate.keyUsage?.keyCertSign ?? true);

/** Could `issuer` have issued `subject`: names chain, and key identifiers agree when both exist. */
const couldIssue = (issuer: ParsedCertificate, subject: ParsedCertificate) =>
  sameBytes(issuer.subject, subject.issuer) &&
  (!issuer.subjectKeyId || !subject.authorityKeyId || sameBytes(issuer.subjectKeyId, subject.authorityKeyId));

/** Checks `subject`'s signature with `issuer`'s key, or says why it cannot be checked. */
const signedBy = (
  subject: ParsedCertificate,
  issuerSpki: ParsedCertificate,
  issuerKey?: KeyObject,
): RefusedSignature | boolean => {
  if (isGostOid(subject.signatureAlgorithm) || isGostOid(issuerSpki.spkiAlgorithm))
    return refuse('unsupported_algorithm', 'GOST-signed certificate');
  const scheme = signatureScheme(subject.signatureAlgorithm, '');
  const family = keyFamilyFor(issuerSpki.spkiAlgorithm);
  if (!scheme || !family)
    return refuse('unsupported_algorithm', `certificate signed with ${subject.signatureAlgorithm}`);
  if (scheme.family !== family) return false;
  try {
    const key = issuerKey ?? importPublicKey(issuerSpki.spki);
    return verify(scheme.digest, subject.tbs, key, subject.signature);
  } catch {
    return false;
  }
};

export const buildChain = (
  leaf: ParsedCertificate,
  intermediates: ParsedCertificate[],
  trust: TrustStore,
): ChainResult => {
  let current = leaf;
  let notBefore = leaf.notBefore;
  let notAfter = leaf.notAfter;
  let unsupported: RefusedSignature | null = null;
  for (let depth = 0; depth < MAX_PATH; depth++) {
    if (current.unhandledCritical.length > 0)
      return refuse('untrusted', `unhandled critical extension ${current.unhandledCritical.join(',')}`);
    const anchors = (trust.bySubject.get(nameKey(current.issuer)) ?? []).filter((a) =>
      couldIssue(a.certificate, current),
    );
    for (const anchor of anchors) {
      if (!isCa(anchor.certificate)) continue;
      const signed = signedBy(current, anchor.certificate, anchor.key);
      if (signed !== true) {
        if (signed !== false) unsupported = signed;
        continue;
      }
      // The platform CA vouches only for what it issued under its own policy.
      if (anchor.kind === 'simple' && !leaf.policies.includes(SIMPLE_SIGNATURE_POLICY))
        return refuse('untrusted', 'platform certificate without the simple-signature policy');
      return {
        ok: true,
        kind: anchor.kind,
        notBefore: max(notBefore, anchor.certificate.notBefore),
        notAfter: min(notAfter, anchor.certificate.notAfter),
      };
    }
    const next = intermediates.find(
      (candidate) => candidate !== current && couldIssue(candidate, current) && isCa(candidate),
    );
    if (!next) break;
    const signed = signedBy(current, next);
    if (signed !== true) return signed === false ? refuse('untrusted', 'broken link in the chain') : signed;
    notBefore = max(notBefore, next.notBefore);
    notAfter = min(notAfter, next.notAfter);
    current = next;
  }
  return unsupported ?? refuse('untrusted', 'no path to a trusted certificate');
};

const max = (a: Date, b: Date) => (a > b ? a : b);
const min = (a: Date, b: Date) => (a < b ? a : b);

// Certificates seen in signatures, parsed once. The same signer's certificate arrives with every
// signature they make (three per agreement, again on each public verification); reading it, its
// key and its path to an anchor again each time would cost more than the signature check itself.
// Only trusted paths are remembered: a refusal is recomputed, so a certificate that becomes
// verifiable (the trust list grew at restart) is never stuck as refused.
import type { KeyObject } from 'node:crypto';
import { type KeyFamily, keyFamilyFor } from './algorithms.ts';
import { type ParsedCertificate, parseCertificate } from './certificate.ts';
import { buildChain, type ChainResult, type TrustedPath } from './chain.ts';
import type { SignerId } from './cms.ts';
import { DerError, sameBytes } from './der.ts';
import { signerIdentity } from './identity.ts';
import { importPublicKey } from './public-key.ts';
import { fingerprintOf, type TrustStore } from './trust.ts';
import { type CertificateSummary, type RefusedSignature, refuse, type SignerIdentity } from './verdict.ts';

export type CachedCertificate = {
  certificate: ParsedCertificate;
  /** Null when the key is of a family we do not verify (GOST, or anything unknown). */
  signerKey: { family: KeyFamily; key: KeyObject } | null;
  identity: SignerIdentity;
  summary: CertificateSummary;
  path?: TrustedPath;
};

export type CertificateCache = {
  signerCertificate(
    certificates: Uint8Array[],
    sid: SignerId,
  ): { ok: true; entry: CachedCertificate } | RefusedSignature;
  chain(entry: CachedCertificate, certificates: Uint8Array[]): ChainResult;
};

const MAX_ENTRIES = 10_000;

const read = (der: Uint8Array, fingerprint: string): CachedCertificate | RefusedSignature => {
  let certificate: ParsedCertificate;
  try {
    certificate = parseCertificate(der);
  } catch (error) {
    if (error instanceof DerError) return refuse('malformed', `unreadable certificate: ${error.message}`);
    throw error;
  }
  const family = keyFamilyFor(certificate.spkiAlgorithm);
  let signerKey: CachedCertificate['signerKey'] = null;
  if (family) {
    try {
      signerKey = { family, key: importPublicKey(certificate.spki) };
    } catch {
      // An RSA or EC key OpenSSL cannot use (bad modulus, point off the curve) is broken, not exotic.
      return refuse('malformed', 'unusable public key in certificate');
    }
  }
  return {
    certificate,
    signerKey,
    identity: signerIdentity(certificate.subjectAttributes),
    summary: {
      serialHex: Buffer.from(certificate.serial).toString('hex'),
      notBefore: certificate.notBefore,
      notAfter: certificate.notAfter,
      fingerprint,
    },
  };
};

const matches = (certificate: ParsedCertificate, sid: SignerId) =>
  'subjectKeyId' in sid
    ? certificate.subjectKeyId !== null && sameBytes(certificate.subjectKeyId, sid.subjectKeyId)
    : sameBytes(certificate.issuer, sid.issuer) && sameBytes(certificate.serial, sid.serial);

export const createCertificateCache = (trust: TrustStore): CertificateCache => {
  const entries = new Map<string, CachedCertificate>();
  const get = (der: Uint8Array): CachedCertificate | RefusedSignature => {
    const fingerprint = fingerprintOf(der);
    const cached = entries.get(fingerprint);
    if (cached) return cached;
    const entry = read(der, fingerprint);
    if (!('ok' in entry)) {
      if (entries.size >= MAX_ENTRIES) entries.clear();
      entries.set(fingerprint, entry);
    }
    return entry;
  };
  return {
    signerCertificate: (certificates, sid) => {
      for (const der of certificates) {
        const entry = get(der);
        if ('ok' in entry) return entry;
        if (matches(entry.certificate, sid)) return { ok: true, entry };
      }
      return refuse('malformed', 'signer certificate not in the CMS');
    },
    chain: (entry, certificates) => {
      if (entry.path) return entry.path;
      const intermediates: ParsedCertificate[] = [];
      for (const der of certificates) {
        const other = get(der);
        if ('ok' in other) return other;
        if (other !== entry) intermediates.push(other.certificate);
      }
      const result = buildChain(entry.certificate, intermediates, trust);
      if (result.ok) entry.path = result;
      return result;
    },
  };
};

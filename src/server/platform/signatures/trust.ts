// The trust list: certificates whose holders may vouch for signers. Qualified anchors come from
// KELISIM_TRUST_DIR (NCA RK's root and intermediate certificates, as published at pki.gov.kz);
// the platform CA is always an anchor, but only for simple signatures under its policy.
// Anchors are parsed once and their keys imported once: chain checks run on every verification.
import { createHash, type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { type ParsedCertificate, parseCertificate } from './certificate.ts';
import { certificatesInFile } from './pem.ts';
import { importPublicKey } from './public-key.ts';
import type { SignatureKind } from './verdict.ts';

export type TrustAnchor = { certificate: ParsedCertificate; key: KeyObject; kind: SignatureKind };

export type TrustStore = {
  /** Anchors by the base64 of their subject name DER, the key an issuer name is looked up by. */
  bySubject: Map<string, TrustAnchor[]>;
  /** Fingerprints (SHA-256 hex of DER) of every anchor. */
  fingerprints: Map<string, TrustAnchor>;
};

export const fingerprintOf = (der: Uint8Array) => createHash('sha256').update(der).digest('hex');
export const nameKey = (name: Uint8Array) => Buffer.from(name).toString('base64');

/** Files in a trust directory holding certificates; other files are ignored. */
export const readTrustDirectory = (dir: string): Uint8Array[] =>
  fs
    .readdirSync(dir)
    .filter((file) => /\.(pem|crt|cer|der)$/i.test(file))
    .sort()
    .flatMap((file) => certificatesInFile(new Uint8Array(fs.readFileSync(path.join(dir, file)))));

export const createTrustStore = (anchors: { qualified: Uint8Array[]; simple: Uint8Array[] }): TrustStore => {
  const store: TrustStore = { bySubject: new Map(), fingerprints: new Map() };
  const add = (der: Uint8Array, kind: SignatureKind) => {
    const fingerprint = fingerprintOf(der);
    // Simple anchors are added first: the platform CA copied into the trust directory as well
    // stays "simple" and can never make its certificates pass as qualified.
    if (store.fingerprints.has(fingerprint)) return;
    const certificate = parseCertificate(der);
    const anchor: TrustAnchor = {
      certificate,
      key: importPublicKey(certificate.spki),
      kind,
    };
    store.fingerprints.set(fingerprint, anchor);
    const key = nameKey(certificate.subject);
    store.bySubject.set(key, [...(store.bySubject.get(key) ?? []), anchor]);
  };
  for (const der of anchors.simple) add(der, 'simple');
  for (const der of anchors.qualified) add(der, 'qualified');
  return store;
};

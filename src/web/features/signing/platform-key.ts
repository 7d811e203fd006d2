// The platform key (issue 6, "with a platform key"): for people without an EDS, a WebCrypto
// ECDSA P-256 key pair made in this browser. Its private half is non-extractable and stays in
// IndexedDB; the public half goes to the server, whose CA certifies it with the account's name and
// IIN; documents are then signed here as detached CMS — a simple electronic signature.
import * as pkijs from 'pkijs';
import { signDetached } from './detached-cms.ts';
import { readPlatformKey, type StoredPlatformKey, writePlatformKey } from './key-store.ts';

export const PLATFORM_KEY_ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const;

/** Codes the signing UI turns into localized guidance (make a key, get a certificate, …). */
export type PlatformKeyFailure = 'no_key' | 'no_certificate' | 'certificate_mismatch';

export class PlatformKeyError extends Error {
  constructor(readonly code: PlatformKeyFailure) {
    super(code);
    this.name = 'PlatformKeyError';
  }
}

export type PlatformKeyDeps = { factory?: IDBFactory; crypto?: Crypto; now?: () => Date };

/** A fresh key pair; `extractable: false` applies to the private key, the public one is always readable. */
export const generatePlatformKey = async (accountId: string, crypto: Crypto = globalThis.crypto) => {
  const keys = (await crypto.subtle.generateKey(PLATFORM_KEY_ALGORITHM, false, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  const spki = new Uint8Array(await crypto.subtle.exportKey('spki', keys.publicKey));
  const record: StoredPlatformKey = {
    accountId,
    privateKey: keys.privateKey,
    publicKey: keys.publicKey,
    spki,
    certificate: null,
    createdAt: new Date().toISOString(),
  };
  return record;
};

/** This account's key in this browser, made and stored on first use. */
export const ensurePlatformKey = async (accountId: string, deps: PlatformKeyDeps = {}) => {
  const existing = await readPlatformKey(accountId, deps.factory);
  if (existing) return existing;
  const record = await generatePlatformKey(accountId, deps.crypto);
  await writePlatformKey(record, deps.factory);
  return record;
};

const sameBytes = (a: Uint8Array, b: Uint8Array) =>
  a.length === b.length && a.every((byte, i) => byte === b[i]);

/** Keeps the certificate the platform CA issued, after checking it certifies this very key. */
export const attachCertificate = (record: StoredPlatformKey, certificateDer: Uint8Array) => {
  const certificate = pkijs.Certificate.fromBER(new Uint8Array(certificateDer));
  const certifiedKey = new Uint8Array(certificate.subjectPublicKeyInfo.toSchema().toBER());
  if (!sameBytes(certifiedKey, record.spki)) throw new PlatformKeyError('certificate_mismatch');
  return { ...record, certificate: new Uint8Array(certificateDer) };
};

export const storeCertificate = async (
  accountId: string,
  certificateDer: Uint8Array,
  deps: PlatformKeyDeps = {},
) => {
  const record = await readPlatformKey(accountId, deps.factory);
  if (!record) throw new PlatformKeyError('no_key');
  await writePlatformKey(attachCertificate(record, certificateDer), deps.factory);
};

/** Whether the stored key can sign now, or needs a (new) certificate first. */
export const certificateUsable = (record: StoredPlatformKey, now = new Date()) => {
  if (!record.certificate) return false;
  const certificate = pkijs.Certificate.fromBER(new Uint8Array(record.certificate));
  return certificate.notBefore.value <= now && now <= certificate.notAfter.value;
};

/** A detached CMS over `data` with the stored key and certificate. */
export const signWithRecord = (record: StoredPlatformKey, data: Uint8Array, deps: PlatformKeyDeps = {}) => {
  if (!record.certificate || !certificateUsable(record, deps.now?.()))
    throw new PlatformKeyError('no_certificate');
  return signDetached({
    data,
    privateKey: record.privateKey,
    certificate: record.certificate,
    signingTime: deps.now?.(),
    crypto: deps.crypto,
  });
};

export const signWithPlatformKey = async (
  accountId: string,
  data: Uint8Array,
  deps: PlatformKeyDeps = {},
) => {
  const record = await readPlatformKey(accountId, deps.factory);
  if (!record) throw new PlatformKeyError('no_key');
  return signWithRecord(record, data, deps);
};

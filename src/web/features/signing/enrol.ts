// Enrolling the platform key (issue 6, "with a platform key"): this browser's key, made on first
// use, is certified by the platform CA after login. The key proves it is ours by signing a PKCS#10
// request here; only that request (public key + signature) leaves the device. The server ignores
// the request's subject and names the account's full name and IIN.
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { agreementsApi } from '../../agreements-api.ts';
import { readPlatformKey, type StoredPlatformKey } from './key-store.ts';
import {
  certificateUsable,
  ensurePlatformKey,
  type PlatformKeyDeps,
  storeCertificate,
} from './platform-key.ts';

const COMMON_NAME = '2.5.4.3';

export type EnrolDeps = PlatformKeyDeps & {
  /** Sends the request (base64 DER) to the platform CA; agreementsApi.issueCertificate by default. */
  issueCertificate?: (csr: string) => Promise<{ certificate: string }>;
  /** Ask for a new certificate although the stored one looks usable (e.g. it was revoked). */
  renew?: boolean;
};

const toBase64 = (bytes: Uint8Array) => {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
};

const fromBase64 = (text: string) => Uint8Array.from(atob(text), (char) => char.charCodeAt(0));

/** A PKCS#10 request for `key`, signed by its (non-extractable) private half: DER. */
export const buildCertificateRequest = async (
  key: Pick<StoredPlatformKey, 'spki' | 'privateKey'>,
  commonName: string,
  crypto: Crypto = globalThis.crypto,
) => {
  const request = new pkijs.CertificationRequest();
  request.version = 0;
  request.subject.typesAndValues.push(
    new pkijs.AttributeTypeAndValue({
      type: COMMON_NAME,
      value: new asn1js.Utf8String({ value: commonName }),
    }),
  );
  request.subjectPublicKeyInfo = pkijs.PublicKeyInfo.fromBER(new Uint8Array(key.spki));
  request.attributes = [];
  await request.sign(key.privateKey, 'SHA-256', new pkijs.CryptoEngine({ name: 'kelisim', crypto }));
  return new Uint8Array(request.toSchema().toBER());
};

// One enrolment at a time per account in this tab: a double click must not spend two issuances.
const inFlight = new Map<string, Promise<StoredPlatformKey>>();

const enrol = async (accountId: string, deps: EnrolDeps) => {
  const record = await ensurePlatformKey(accountId, deps);
  if (!deps.renew && certificateUsable(record, deps.now?.())) return record;
  const csr = await buildCertificateRequest(record, accountId, deps.crypto);
  const issue = deps.issueCertificate ?? agreementsApi.issueCertificate;
  const issued = await issue(toBase64(csr));
  await storeCertificate(accountId, fromBase64(issued.certificate), deps);
  const stored = await readPlatformKey(accountId, deps.factory);
  if (!stored) throw new Error('the platform key disappeared while it was being certified');
  return stored;
};

/**
 * This account's platform key in this browser with a usable certificate: the stored one when it
 * has one, otherwise made and/or certified now (one request to the server). Rejects with the
 * server's ApiError (e.g. certificate_needs_iin) or PlatformKeyError('certificate_mismatch').
 */
export const enrolPlatformKey = (accountId: string, deps: EnrolDeps = {}): Promise<StoredPlatformKey> => {
  const running = inFlight.get(accountId);
  if (running) return running;
  const started = enrol(accountId, deps).finally(() => inFlight.delete(accountId));
  inFlight.set(accountId, started);
  return started;
};

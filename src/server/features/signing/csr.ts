// A browser's certificate request (PKCS#10) for its platform key (issue 6, "with a platform key"):
// the request's self-signature proves the caller holds the private key it asks us to certify.
// Only the public key is taken from it; whom the certificate names comes from the account.
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import { Problem } from '../../platform/errors.ts';
import { readTlv } from '../../platform/signatures/der.ts';

const crypto = webcrypto as unknown as Crypto;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const SEQUENCE = 0x30;

export type CsrFailure = 'csr_invalid' | 'csr_signature_invalid' | 'key_unsupported';

const refuse = (code: CsrFailure) => new Problem(400, code);

/** Strict base64 (whitespace ignored, as PEM bodies wrap), else null. */
const decodeBase64 = (text: string) => {
  const compact = text.replace(/\s+/g, '');
  if (compact.length === 0 || !BASE64.test(compact)) return null;
  return new Uint8Array(Buffer.from(compact, 'base64'));
};

/** One whole DER SEQUENCE and nothing after it: trailing bytes would be data nobody signed. */
const isSingleSequence = (der: Uint8Array) => {
  try {
    const tlv = readTlv(der, 0);
    return tlv.tag === SEQUENCE && tlv.end === der.length;
  } catch {
    return false;
  }
};

/** The same rule as PlatformCa.issue: browser keys are ECDSA P-256/P-384, RSA from 2048 bits. */
export const isAcceptableKey = (algorithm: { name: string; namedCurve?: string; modulusLength?: number }) =>
  (algorithm.name === 'ECDSA' && ['P-256', 'P-384'].includes(algorithm.namedCurve ?? '')) ||
  (algorithm.name === 'RSASSA-PKCS1-v1_5' && (algorithm.modulusLength ?? 0) >= 2048);

const parse = (der: Uint8Array) => {
  try {
    const request = new x509.Pkcs10CertificateRequest(new Uint8Array(der));
    // The getters parse lazily: read them here so a malformed part is reported as such.
    const algorithm = request.publicKey.algorithm as {
      name: string;
      namedCurve?: string;
      modulusLength?: number;
    };
    const spki = new Uint8Array(request.publicKey.rawData);
    return { request, algorithm, spki };
  } catch {
    return null;
  }
};

/**
 * The public key (SPKI DER) of a PKCS#10 request given as base64 DER, once its self-signature
 * holds. Throws a 400 Problem: csr_invalid (not base64, not a request), key_unsupported,
 * csr_signature_invalid (the request was not signed by the key it names).
 */
export const provenPublicKey = async (csrBase64: string): Promise<Uint8Array> => {
  const der = decodeBase64(csrBase64);
  if (!der || !isSingleSequence(der)) throw refuse('csr_invalid');
  const parsed = parse(der);
  if (!parsed) throw refuse('csr_invalid');
  if (!isAcceptableKey(parsed.algorithm)) throw refuse('key_unsupported');
  let holds = false;
  try {
    holds = await parsed.request.verify(crypto);
  } catch {
    // An algorithm WebCrypto cannot check, or a signature value that is not even well-formed.
    holds = false;
  }
  if (!holds) throw refuse('csr_signature_invalid');
  return parsed.spki;
};

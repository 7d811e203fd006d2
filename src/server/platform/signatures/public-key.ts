// Public keys into node:crypto KeyObjects, fast. OpenSSL 3 decodes a DER SubjectPublicKeyInfo
// through its generic decoder framework at ~130 µs a key on this machine — more than the RSA
// verification the key is then used for (~25 µs) — while building the same key from its numbers
// (JWK) takes ~11 µs for RSA and about half the DER time for EC. Every new signer's certificate
// needs one import, so this is the largest cost of verifying a new party's signature.
import { createPublicKey, type KeyObject } from 'node:crypto';
import { childrenOf, DerError, readOid, readTlv, TAG, type Tlv, value } from './der.ts';

const RSA = '1.2.840.113549.1.1.1';
const EC = '1.2.840.10045.2.1';
const CURVES: Record<string, { crv: string; size: number }> = {
  '1.2.840.10045.3.1.7': { crv: 'P-256', size: 32 },
  '1.3.132.0.34': { crv: 'P-384', size: 48 },
  '1.3.132.0.35': { crv: 'P-521', size: 66 },
};

const base64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');

/** INTEGER contents without the sign octet DER adds before a high bit. */
const unsigned = (bytes: Uint8Array) => (bytes[0] === 0 && bytes.length > 1 ? bytes.subarray(1) : bytes);

const fromDer = (spki: Uint8Array) =>
  createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' });

const jwkOf = (spki: Uint8Array) => {
  const [algorithm, bits] = childrenOf(spki, readTlv(spki, 0), TAG.SEQUENCE);
  const [oid, parameters] = childrenOf(spki, algorithm as Tlv, TAG.SEQUENCE);
  if (bits?.tag !== TAG.BIT_STRING || spki[bits.valueStart] !== 0) throw new DerError('bad key bits');
  const key = spki.subarray(bits.valueStart + 1, bits.valueEnd);
  const type = readOid(spki, oid as Tlv);
  if (type === RSA) {
    const [modulus, exponent] = childrenOf(key, readTlv(key, 0), TAG.SEQUENCE);
    if (modulus?.tag !== TAG.INTEGER || exponent?.tag !== TAG.INTEGER) throw new DerError('bad RSA key');
    return {
      kty: 'RSA',
      n: base64url(unsigned(value(key, modulus))),
      e: base64url(unsigned(value(key, exponent))),
    };
  }
  if (type === EC && parameters?.tag === TAG.OID) {
    const curve = CURVES[readOid(spki, parameters)];
    // Uncompressed points only (04 ‖ x ‖ y); anything else takes the DER path.
    if (curve && key[0] === 4 && key.length === 1 + 2 * curve.size)
      return {
        kty: 'EC',
        crv: curve.crv,
        x: base64url(key.subarray(1, 1 + curve.size)),
        y: base64url(key.subarray(1 + curve.size)),
      };
  }
  return null;
};

/** The key of a DER SubjectPublicKeyInfo; throws when node:crypto cannot use it. */
export const importPublicKey = (spki: Uint8Array): KeyObject => {
  let jwk: ReturnType<typeof jwkOf> = null;
  try {
    jwk = jwkOf(spki);
  } catch {
    // Unusual encodings are OpenSSL's to judge.
  }
  return jwk ? createPublicKey({ key: jwk, format: 'jwk' }) : fromDer(spki);
};

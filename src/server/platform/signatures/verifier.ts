// The SignatureVerifier port (issue 6): is this detached CMS a valid signature over exactly these
// bytes, by whom, and of which kind. RSA and ECDSA are checked here with node:crypto; a GOST
// adapter can implement the same port later. Order of checks: the CMS is readable, its algorithms
// are supported, the content digest and the signature hold (integrity first), then trust, time
// and key usage (whether the signer's certificate may make this signature).
import { createHash, timingSafeEqual, verify } from 'node:crypto';
import { digestFor, isGostOid, signatureScheme } from './algorithms.ts';
import { type CertificateCache, createCertificateCache } from './certificate-cache.ts';
import { parseSignedData } from './cms.ts';
import { DerError } from './der.ts';
import type { TrustStore } from './trust.ts';
import { refuse, type SignatureVerdict, type ValidSignature } from './verdict.ts';

export type VerifyOptions = {
  /**
   * Check the certificate at this instant instead of the signingTime attribute. A route accepting
   * a new signature passes its receipt time: signingTime is the signer's own claim, and a
   * certificate expired today must not sign today by claiming yesterday.
   */
  at?: Date;
};

export type SignatureVerifier = {
  verifyDetached(cms: Uint8Array, content: Uint8Array, options?: VerifyOptions): Promise<SignatureVerdict>;
};

const ID_DATA = '1.2.840.113549.1.7.1';
const EMAIL_PROTECTION = '1.3.6.1.5.5.7.3.4';
const ANY_EXTENDED_KEY_USAGE = '2.5.29.37.0';
/** A signingTime this far ahead of our clock is not a clock difference but a false claim. */
const MAX_CLOCK_SKEW_MS = 5 * 60_000;

const sameDigest = (a: Uint8Array, b: Uint8Array) => a.length === b.length && timingSafeEqual(a, b);

export const createSignatureVerifier = (
  trust: TrustStore,
  {
    now = () => new Date(),
    cache = createCertificateCache(trust),
  }: { now?: () => Date; cache?: CertificateCache } = {},
): SignatureVerifier => ({
  verifyDetached: async (cmsBytes, content, options = {}) => {
    let cms: ReturnType<typeof parseSignedData>;
    try {
      cms = parseSignedData(cmsBytes);
    } catch (error) {
      if (error instanceof DerError) return refuse('malformed', error.message);
      throw error;
    }
    const { signer } = cms;
    if (cms.eContentType !== ID_DATA || (signer.contentType && signer.contentType !== cms.eContentType))
      return refuse('malformed', 'content type is not id-data');
    const scheme = signatureScheme(signer.signatureAlgorithm, signer.digestAlgorithm);
    // The message digest uses digestAlgorithm; the signature, the hash its own algorithm names.
    const contentDigest = digestFor(signer.digestAlgorithm);
    if (!scheme || !contentDigest) {
      const gost = isGostOid(signer.signatureAlgorithm) || isGostOid(signer.digestAlgorithm);
      return refuse('unsupported_algorithm', gost ? 'GOST signature' : `${signer.signatureAlgorithm}`);
    }
    const found = cache.signerCertificate(cms.certificates, signer.sid);
    if (!found.ok) return found;
    const entry = found.entry;
    const signerKey = entry.signerKey;
    if (!signerKey) return refuse('unsupported_algorithm', `signer key ${entry.certificate.spkiAlgorithm}`);
    if (signerKey.family !== scheme.family)
      return refuse('signature_invalid', 'signature algorithm does not match the signer key');

    // Integrity: the signed attributes commit to the content's digest, the signature to them.
    const digest = createHash(contentDigest).update(content).digest();
    if (signer.messageDigest && !sameDigest(digest, signer.messageDigest))
      return refuse('digest_mismatch', 'content differs from what was signed');
    let signatureHolds = false;
    try {
      signatureHolds = verify(
        scheme.digest,
        signer.signedAttributes ?? content,
        signerKey.key,
        signer.signature,
      );
    } catch {
      // A signature value that is not even well-formed (e.g. broken ECDSA DER) is simply invalid.
    }
    if (!signatureHolds) return refuse('signature_invalid', 'signature does not verify');

    const path = cache.chain(entry, cms.certificates);
    if (!path.ok) return path;

    const clock = now();
    if (
      !options.at &&
      signer.signingTime &&
      signer.signingTime.getTime() > clock.getTime() + MAX_CLOCK_SKEW_MS
    )
      return refuse('not_yet_valid', 'signing time is in the future');
    const at = options.at ?? signer.signingTime ?? clock;
    if (at < path.notBefore) return refuse('not_yet_valid', 'certificate not yet valid at signing time');
    if (at > path.notAfter) return refuse('expired', 'certificate expired at signing time');

    const usage = entry.certificate.keyUsage;
    if (!usage || !(usage.digitalSignature || usage.nonRepudiation))
      return refuse('key_usage', 'certificate key is not for signatures');
    const purposes = entry.certificate.extendedKeyUsage;
    // NCA RK marks signing keys with emailProtection and authentication keys with clientAuth only:
    // a login key must not sign an agreement.
    if (purposes && !purposes.includes(EMAIL_PROTECTION) && !purposes.includes(ANY_EXTENDED_KEY_USAGE))
      return refuse('key_usage', 'certificate is not a signing certificate');

    const verdict: ValidSignature = {
      ok: true,
      kind: path.kind,
      signer: entry.identity,
      certificate: entry.summary,
      checkedAt: at,
      timeSource: options.at || !signer.signingTime ? 'verification_time' : 'signing_time',
      signingTime: signer.signingTime,
      algorithm: { key: scheme.family, digest: contentDigest },
    };
    return verdict;
  },
});

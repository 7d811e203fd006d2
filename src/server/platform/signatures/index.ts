// Signatures (issue 6): the platform CA and the SignatureVerifier port, wired from configuration.
// KELISIM_TRUST_DIR holds the qualified anchors (NCA RK root and intermediate certificates, PEM or
// DER files); without it only the platform's simple signatures can be verified. The attestor signs
// the platform's own statements (R-SG-02: evidence packages, court filings).
import { type Attestor, loadAttestor } from './attestation.ts';
import { loadPlatformCa, type PlatformCa } from './platform-ca.ts';
import { createTrustStore, readTrustDirectory } from './trust.ts';
import { createSignatureVerifier, type SignatureVerifier } from './verifier.ts';

export { ATTESTATION_POLICY, type Attestor } from './attestation.ts';
export { requireSigner } from './identity.ts';
export { cmsDer } from './pem.ts';
export type { IssuedCertificate, PlatformCa } from './platform-ca.ts';
export type {
  RefusalReason,
  SignatureKind,
  SignatureVerdict,
  SignerIdentity,
  ValidSignature,
} from './verdict.ts';
export { REFUSAL_REASONS, SIMPLE_SIGNATURE_POLICY } from './verdict.ts';
export type { SignatureVerifier, VerifyOptions } from './verifier.ts';

export type Signatures = { ca: PlatformCa; verifier: SignatureVerifier; attestor: Attestor };

export const loadSignatures = async ({
  env = process.env,
  dataDir,
  now = () => new Date(),
}: {
  env?: NodeJS.ProcessEnv;
  dataDir: string;
  /** The platform clock: validity periods are checked at its time. */
  now?: () => Date;
}): Promise<Signatures> => {
  const ca = await loadPlatformCa({ env, dataDir, now: now() });
  const qualified = env.KELISIM_TRUST_DIR ? readTrustDirectory(env.KELISIM_TRUST_DIR) : [];
  const trust = createTrustStore({ qualified, simple: [ca.certificateDer] });
  const verifier = createSignatureVerifier(trust, { now });
  const attestor = await loadAttestor({ env, dataDir, ca, now });
  // An attestation nobody can verify is worse than none: a key or certificate that does not match,
  // or that does not chain to this CA, stops the start here rather than at the first filing.
  const probe = new TextEncoder().encode('kelisim attestation self-check');
  const verdict = await verifier.verifyDetached(await attestor.attest(probe), probe);
  if (!verdict.ok)
    throw new Error(`platform attestation does not verify: ${verdict.reason} (${verdict.detail})`);
  return { ca, verifier, attestor };
};

// The signature half of the documents bench: a corpus of detached CMS signatures as Kelisim
// receives them, our SignatureVerifier over it, and the raw node:crypto baseline over the same
// signatures. Corpus: half RSA-2048 signers under a "qualified" CA (NCALayer's shape), half
// ECDSA P-256 platform keys under the platform CA (the browser's shape); every signature has its
// own certificate, so a cold verifier meets each certificate for the first time, as it does with
// the parties of new agreements.
import 'reflect-metadata';
import { createHash, createPublicKey, type KeyObject, verify, webcrypto } from 'node:crypto';
import { parseCertificate } from '../../src/server/platform/signatures/certificate.ts';
import { parseSignedData } from '../../src/server/platform/signatures/cms.ts';
import { toPem } from '../../src/server/platform/signatures/pem.ts';
import { loadPlatformCa } from '../../src/server/platform/signatures/platform-ca.ts';
import { createTrustStore, type TrustStore } from '../../src/server/platform/signatures/trust.ts';
import {
  createSignatureVerifier,
  type SignatureVerifier,
} from '../../src/server/platform/signatures/verifier.ts';
import { signDetached } from '../../src/web/features/signing/detached-cms.ts';
import { EC, generateKeys, issueSigner, makeCa, RSA, validIin } from '../../test/signatures/pki.ts';

export type SignatureCase = { cms: Uint8Array; document: Uint8Array };
export type Corpus = { cases: SignatureCase[]; trust: TrustStore };

/** Deterministic bytes standing in for agreement PDFs (content does not change the work done). */
const documentBytes = (index: number, size: number) => {
  const bytes = new Uint8Array(size);
  let state = (index + 1) * 2_654_435_761;
  for (let i = 0; i < size; i++) {
    state = (state * 1_103_515_245 + 12_345) >>> 0;
    bytes[i] = state >>> 24;
  }
  return bytes;
};

export const buildCorpus = async (
  {
    signatures,
    documents,
    documentSize,
    keyPool,
  }: { signatures: number; documents: number; documentSize: number; keyPool: number },
  log: (message: string) => void,
): Promise<Corpus> => {
  const qualified = await makeCa();
  const platformKeys = await generateKeys(EC);
  const platformCert = await makeCa('Kelisim simple signature CA', platformKeys);
  const pkcs8 = new Uint8Array(await webcrypto.subtle.exportKey('pkcs8', platformKeys.privateKey));
  const platform = await loadPlatformCa({
    env: { KELISIM_CA_KEY: toPem(pkcs8, 'PRIVATE KEY'), KELISIM_CA_CERT: platformCert.pem },
    dataDir: '/nonexistent',
  });
  // Keys are reused across certificates (RSA key generation is slow and not what is measured);
  // certificates are not, so the verifier cannot lean on its certificate cache in the cold pass.
  const rsaKeys = await Promise.all(Array.from({ length: keyPool }, () => generateKeys(RSA)));
  const ecKeys = await Promise.all(Array.from({ length: keyPool }, () => generateKeys(EC)));
  const docs = Array.from({ length: documents }, (_, i) => documentBytes(i, documentSize));
  const cases: SignatureCase[] = [];
  for (let i = 0; i < signatures; i++) {
    const document = docs[i % documents] as Uint8Array;
    const iin = validIin(String(90010130000 + (i % 9000)).padStart(11, '0')) ?? validIin();
    let certificate: Uint8Array;
    let privateKey: CryptoKey;
    if (i % 2 === 0) {
      const keys = rsaKeys[(i / 2) % keyPool] as CryptoKeyPair;
      certificate = (await issueSigner(qualified, { keys, iin })).der;
      privateKey = keys.privateKey;
    } else {
      const keys = ecKeys[((i - 1) / 2) % keyPool] as CryptoKeyPair;
      const spki = new Uint8Array(await webcrypto.subtle.exportKey('spki', keys.publicKey));
      certificate = (await platform.issue({ spki, commonName: `Signer ${i}`, iin })).der;
      privateKey = keys.privateKey;
    }
    cases.push({ cms: await signDetached({ data: document, privateKey, certificate }), document });
    if ((i + 1) % 500 === 0) log(`${i + 1}/${signatures} signatures made`);
  }
  return {
    cases,
    trust: createTrustStore({ qualified: [qualified.der], simple: [platform.certificateDer] }),
  };
};

/** Milliseconds to verify `cases` through the port; a verifier is passed so a pass can reuse its cache. */
const timeVerifier = async (cases: SignatureCase[], verifier: SignatureVerifier) => {
  const started = performance.now();
  for (const { cms, document } of cases) {
    const verdict = await verifier.verifyDetached(cms, document);
    if (!verdict.ok) throw new Error(`corpus signature refused: ${verdict.reason} (${verdict.detail})`);
  }
  return performance.now() - started;
};

export type RawCase = {
  document: Uint8Array;
  digest: 'sha256';
  messageDigest: Buffer;
  signed: Uint8Array;
  signature: Uint8Array;
  key: KeyObject;
};

/**
 * The baseline's inputs, prepared outside the timed loop: what a verifier has once everything is
 * parsed and the key imported. The timed part is what cannot be skipped: hashing the document,
 * comparing the digest, one crypto.verify.
 */
export const prepareBaseline = (cases: SignatureCase[]): RawCase[] =>
  cases.map(({ cms, document }) => {
    const { signer, certificates } = parseSignedData(cms);
    const certificate = parseCertificate(certificates[0] as Uint8Array);
    return {
      document,
      digest: 'sha256',
      messageDigest: Buffer.from(signer.messageDigest as Uint8Array),
      signed: signer.signedAttributes as Uint8Array,
      signature: signer.signature,
      key: createPublicKey({ key: Buffer.from(certificate.spki), format: 'der', type: 'spki' }),
    };
  });

const timeBaseline = (raw: RawCase[]) => {
  const started = performance.now();
  for (const item of raw) {
    const digest = createHash(item.digest).update(item.document).digest();
    if (!digest.equals(item.messageDigest) || !verify(item.digest, item.signed, item.key, item.signature))
      throw new Error('baseline refused a corpus signature');
  }
  return performance.now() - started;
};

/**
 * One pass over the corpus, rates per second. The three measurements alternate every `chunk`
 * signatures (baseline, cold verifier, the same verifier warm), so that load changing on a shared
 * machine — it does, by several times within a second here — weighs on all three alike.
 */
export const measureRound = async (corpus: Corpus, raw: RawCase[], chunk = 50) => {
  const total = { baseline: 0, cold: 0, warm: 0 };
  for (let start = 0; start < corpus.cases.length; start += chunk) {
    const cases = corpus.cases.slice(start, start + chunk);
    total.baseline += timeBaseline(raw.slice(start, start + chunk));
    const verifier = createSignatureVerifier(corpus.trust);
    total.cold += await timeVerifier(cases, verifier);
    total.warm += await timeVerifier(cases, verifier);
  }
  const rate = (ms: number) => corpus.cases.length / (ms / 1000);
  return { baseline: rate(total.baseline), cold: rate(total.cold), warm: rate(total.warm) };
};

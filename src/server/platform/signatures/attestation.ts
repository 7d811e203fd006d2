// The platform's own signature (R-SG-02): statements Kelisim makes itself — "this agreement resulted
// from a mediation administered here", the metadata of a court filing — are signed with a key the
// platform CA certified for the platform, as detached CMS like every other signature, so the same
// tools check them (our verifier, `openssl cms -verify` with the CA certificate).
//
// The key and certificate are generated once into the data directory (key 0600), like the CA's,
// or given by KELISIM_ATTESTATION_KEY / KELISIM_ATTESTATION_CERT (PEM). A generated certificate
// is renewed when it nears its end or no longer chains to the current CA; old attestations stay
// verifiable, each carries the certificate it was made with.
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import * as x509 from '@peculiar/x509';
import { signDetached } from '../../../web/features/signing/detached-cms.ts';
import { pemBlocks, toPem } from './pem.ts';
import { type PlatformCa, randomSerial, signingAlgorithm } from './platform-ca.ts';
import { SIMPLE_SIGNATURE_POLICY } from './verdict.ts';

/**
 * Certificate policy of the platform's attestation certificate: "a statement made by the Kelisim
 * platform itself, not a person's signature". A UUID-derived OID (ITU-T X.667, arc 2.25) from
 * UUID d4cbe36e-b10c-49aa-81e7-355e5acd3008. Never change it: stored attestations name it.
 */
export const ATTESTATION_POLICY = '2.25.282854984245556342288735862609127747592';

export type Attestor = {
  certificateDer: Uint8Array;
  certificatePem: string;
  /** The platform CA's certificate, the one trust anchor an attestation needs (evidence packages ship it). */
  caCertificatePem: string;
  /** The DER of a detached CMS SignedData by the platform over exactly `content`. */
  attest(content: Uint8Array): Promise<Uint8Array>;
};

const crypto = webcrypto as unknown as Crypto;
const EC_ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const DAY_MS = 86_400_000;
const VALIDITY_DAYS = 730;
const RENEW_BEFORE_DAYS = 30;
const EMAIL_PROTECTION = '1.3.6.1.5.5.7.3.4';
const KEY_FILE = 'attestation.key';
const CERT_FILE = 'attestation.pem';
/** Where platform-ca.ts keeps the CA's key when the environment does not give it. */
const CA_KEY_FILE = 'signing-ca.key';

/** A new key and a certificate for it, issued by the platform CA. */
const generate = async (caCertificate: x509.X509Certificate, caKeyPem: string, now: Date) => {
  const [caKeyDer] = pemBlocks(caKeyPem, 'PRIVATE KEY');
  if (!caKeyDer) throw new Error('platform CA key must be a PKCS#8 PEM ("BEGIN PRIVATE KEY")');
  const caAlgorithm = signingAlgorithm(caCertificate);
  const caKey = await crypto.subtle.importKey('pkcs8', new Uint8Array(caKeyDer), caAlgorithm, false, [
    'sign',
  ]);
  const keys = (await crypto.subtle.generateKey(EC_ALGORITHM, true, ['sign', 'verify'])) as CryptoKeyPair;
  const certificate = await x509.X509CertificateGenerator.create(
    {
      serialNumber: randomSerial(),
      subject: new x509.Name([
        { '2.5.4.3': [{ utf8String: 'Kelisim platform attestation' }] },
        { '2.5.4.10': [{ utf8String: 'Kelisim' }] },
        { '2.5.4.6': [{ printableString: 'KZ' }] },
      ]),
      issuer: caCertificate.subjectName,
      notBefore: new Date(now.getTime() - 5 * 60_000),
      notAfter: new Date(now.getTime() + VALIDITY_DAYS * DAY_MS),
      publicKey: keys.publicKey,
      signingKey: caKey,
      signingAlgorithm: caAlgorithm,
      extensions: [
        new x509.BasicConstraintsExtension(false, undefined, true),
        new x509.KeyUsagesExtension(
          x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation,
          true,
        ),
        new x509.ExtendedKeyUsageExtension([EMAIL_PROTECTION]),
        // The attestation policy says what this key is for. The simple-signature policy is there
        // too because the platform CA vouches only for certificates under it (chain.ts), and it is
        // true: the platform's signature is a simple electronic signature, not a qualified EDS.
        // The certificate names no IIN or BIN, so it can never pass as a party's signature.
        new x509.CertificatePolicyExtension([ATTESTATION_POLICY, SIMPLE_SIGNATURE_POLICY]),
        await x509.SubjectKeyIdentifierExtension.create(keys.publicKey, false, crypto),
        await x509.AuthorityKeyIdentifierExtension.create(caCertificate, false, crypto),
      ],
    },
    crypto,
  );
  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', keys.privateKey));
  return { keyPem: toPem(pkcs8, 'PRIVATE KEY'), certPem: certificate.toString('pem') };
};

/** Whether `certPem` was issued by the CA and is valid for a while yet. */
const usable = async (certPem: string, caCertificate: x509.X509Certificate, now: Date) => {
  const certificate = new x509.X509Certificate(certPem);
  const renewAt = new Date(certificate.notAfter.getTime() - RENEW_BEFORE_DAYS * DAY_MS);
  if (certificate.notBefore > now || renewAt < now) return false;
  return certificate.verify({ publicKey: caCertificate.publicKey, signatureOnly: true }, crypto);
};

const writeAtomically = (file: string, content: string, mode: number) => {
  fs.writeFileSync(`${file}.tmp`, content, { mode });
  fs.renameSync(`${file}.tmp`, file);
};

const loadPems = async (env: NodeJS.ProcessEnv, dataDir: string, ca: PlatformCa, now: Date) => {
  if (env.KELISIM_ATTESTATION_KEY || env.KELISIM_ATTESTATION_CERT) {
    if (!env.KELISIM_ATTESTATION_KEY || !env.KELISIM_ATTESTATION_CERT)
      throw new Error('KELISIM_ATTESTATION_KEY and KELISIM_ATTESTATION_CERT must be set together');
    return { keyPem: env.KELISIM_ATTESTATION_KEY, certPem: env.KELISIM_ATTESTATION_CERT };
  }
  const caCertificate = new x509.X509Certificate(new Uint8Array(ca.certificateDer));
  const keyFile = path.join(dataDir, KEY_FILE);
  const certFile = path.join(dataDir, CERT_FILE);
  if (fs.existsSync(keyFile) && fs.existsSync(certFile)) {
    const pems = { keyPem: fs.readFileSync(keyFile, 'utf8'), certPem: fs.readFileSync(certFile, 'utf8') };
    if (await usable(pems.certPem, caCertificate, now)) return pems;
  }
  const caKeyPem = env.KELISIM_CA_KEY || fs.readFileSync(path.join(dataDir, CA_KEY_FILE), 'utf8');
  const generated = await generate(caCertificate, caKeyPem, now);
  // Certificate first, key last (as the CA does): the key file is what says the pair is complete.
  fs.mkdirSync(dataDir, { recursive: true });
  writeAtomically(certFile, generated.certPem, 0o644);
  writeAtomically(keyFile, generated.keyPem, 0o600);
  return generated;
};

export const loadAttestor = async ({
  env = process.env,
  dataDir,
  ca,
  now = () => new Date(),
}: {
  env?: NodeJS.ProcessEnv;
  dataDir: string;
  ca: PlatformCa;
  /** The platform clock: the attestation's signing time, and the instant a certificate is made at. */
  now?: () => Date;
}): Promise<Attestor> => {
  const { keyPem, certPem } = await loadPems(env, dataDir, ca, now());
  const [keyDer] = pemBlocks(keyPem, 'PRIVATE KEY');
  if (!keyDer) throw new Error('attestation key must be a PKCS#8 PEM ("BEGIN PRIVATE KEY")');
  const certificate = new x509.X509Certificate(certPem);
  const algorithm = signingAlgorithm(certificate);
  const privateKey = await crypto.subtle.importKey('pkcs8', new Uint8Array(keyDer), algorithm, false, [
    'sign',
  ]);
  const certificateDer = new Uint8Array(certificate.rawData);
  return {
    certificateDer,
    certificatePem: certificate.toString('pem'),
    caCertificatePem: ca.certificatePem,
    attest: (content) =>
      signDetached({ data: content, privateKey, certificate: certificateDer, signingTime: now(), crypto }),
  };
};

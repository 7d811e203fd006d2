// Kelisim's own certificate authority for simple electronic signatures (issue 6, "with a platform
// key"): a user without an EDS generates a key in the browser, and after login the platform
// certifies it with their name and IIN. Certificates carry SIMPLE_SIGNATURE_POLICY so that no
// verifier, ours or anyone's, can take them for a qualified EDS. The CA key is generated once into
// the data directory (0600), or given by KELISIM_CA_KEY / KELISIM_CA_CERT (PEM) in production.
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import * as x509 from '@peculiar/x509';
import { isValidIin } from '../../../core/identity/kz-id.ts';
import { pemBlocks, toPem } from './pem.ts';
import { SIMPLE_SIGNATURE_POLICY } from './verdict.ts';

const crypto = webcrypto as unknown as Crypto;
const EC_ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const CA_VALIDITY_YEARS = 10;
const DAY_MS = 86_400_000;
const EMAIL_PROTECTION = '1.3.6.1.5.5.7.3.4';

export type IssuedCertificate = { der: Uint8Array; pem: string; serialHex: string; notAfter: Date };

export type PlatformCa = {
  certificateDer: Uint8Array;
  certificatePem: string;
  /**
   * Certifies a user's browser key (SPKI DER) as theirs. The caller has authenticated the user and
   * read name and IIN from their verified account; validity 1–2 years (default 1).
   */
  issue(input: {
    spki: Uint8Array;
    commonName: string;
    iin: string;
    validityDays?: number;
    now?: Date;
  }): Promise<IssuedCertificate>;
};

/** A positive 128-bit serial, random so serials reveal nothing and never collide in practice. */
export const randomSerial = () => {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[0] = ((bytes[0] as number) & 0x7f) | 0x01;
  return Buffer.from(bytes).toString('hex');
};

export const signingAlgorithm = (certificate: x509.X509Certificate) => {
  const algorithm = certificate.publicKey.algorithm as { name: string; namedCurve?: string };
  if (algorithm.name === 'ECDSA') return { ...algorithm, hash: 'SHA-256' };
  if (algorithm.name === 'RSASSA-PKCS1-v1_5') return { name: algorithm.name, hash: 'SHA-256' };
  throw new Error(`platform CA key must be ECDSA or RSA, not ${algorithm.name}`);
};

const generate = async (now: Date) => {
  const keys = (await crypto.subtle.generateKey(EC_ALGORITHM, true, ['sign', 'verify'])) as CryptoKeyPair;
  const certificate = await x509.X509CertificateGenerator.createSelfSigned(
    {
      serialNumber: randomSerial(),
      name: [
        { '2.5.4.3': ['Kelisim simple signature CA'] },
        { '2.5.4.10': ['Kelisim'] },
        { '2.5.4.6': ['KZ'] },
      ],
      notBefore: new Date(now.getTime() - DAY_MS),
      notAfter: new Date(now.getTime() + CA_VALIDITY_YEARS * 365 * DAY_MS),
      keys,
      signingAlgorithm: EC_ALGORITHM,
      extensions: [
        new x509.BasicConstraintsExtension(true, 0, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
        await x509.SubjectKeyIdentifierExtension.create(keys.publicKey, false, crypto),
      ],
    },
    crypto,
  );
  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', keys.privateKey));
  return { keyPem: toPem(pkcs8, 'PRIVATE KEY'), certPem: certificate.toString('pem') };
};

/** The CA's PEMs: from the environment, else from the data directory, generated there once. */
const loadPems = async (env: NodeJS.ProcessEnv, dataDir: string, now: Date) => {
  if (env.KELISIM_CA_KEY || env.KELISIM_CA_CERT) {
    if (!env.KELISIM_CA_KEY || !env.KELISIM_CA_CERT)
      throw new Error('KELISIM_CA_KEY and KELISIM_CA_CERT must be set together');
    return { keyPem: env.KELISIM_CA_KEY, certPem: env.KELISIM_CA_CERT };
  }
  const keyFile = path.join(dataDir, 'signing-ca.key');
  const certFile = path.join(dataDir, 'signing-ca.pem');
  if (!fs.existsSync(keyFile)) {
    // Certificate first, key last, each by rename: the key file existing means both are complete,
    // and a crash in between only leaves a certificate that the next start replaces. Two processes
    // never run on one data directory (its pid lock), so there is no race to arbitrate.
    const generated = await generate(now);
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(`${certFile}.tmp`, generated.certPem, { mode: 0o644 });
    fs.renameSync(`${certFile}.tmp`, certFile);
    fs.writeFileSync(`${keyFile}.tmp`, generated.keyPem, { mode: 0o600 });
    fs.renameSync(`${keyFile}.tmp`, keyFile);
  }
  return { keyPem: fs.readFileSync(keyFile, 'utf8'), certPem: fs.readFileSync(certFile, 'utf8') };
};

export const loadPlatformCa = async ({
  env = process.env,
  dataDir,
  now = new Date(),
}: {
  env?: NodeJS.ProcessEnv;
  dataDir: string;
  /** The platform clock's time, for a CA generated now (tests run on a manual clock). */
  now?: Date;
}): Promise<PlatformCa> => {
  const { keyPem, certPem } = await loadPems(env, dataDir, now);
  const [keyDer] = pemBlocks(keyPem, 'PRIVATE KEY');
  if (!keyDer) throw new Error('platform CA key must be a PKCS#8 PEM ("BEGIN PRIVATE KEY")');
  const caCertificate = new x509.X509Certificate(certPem);
  const algorithm = signingAlgorithm(caCertificate);
  const signingKey = await crypto.subtle.importKey('pkcs8', new Uint8Array(keyDer), algorithm, false, [
    'sign',
  ]);
  const certificateDer = new Uint8Array(caCertificate.rawData);
  const authorityKeyId = await x509.AuthorityKeyIdentifierExtension.create(caCertificate, false, crypto);
  // A key that does not match the certificate would issue certificates nothing can verify.
  const probe = new Uint8Array(32);
  const signature = await crypto.subtle.sign(algorithm, signingKey, probe);
  if (
    !(await crypto.subtle.verify(algorithm, await caCertificate.publicKey.export(crypto), signature, probe))
  )
    throw new Error('platform CA key does not match its certificate');

  return {
    certificateDer,
    certificatePem: caCertificate.toString('pem'),
    issue: async ({ spki, commonName, iin, validityDays = 365, now = new Date() }) => {
      if (!isValidIin(iin)) throw new Error('issue: invalid IIN');
      const name = commonName.trim();
      if (!name || name.length > 200) throw new Error('issue: invalid common name');
      if (validityDays < 365 || validityDays > 730) throw new Error('issue: validity must be 1–2 years');
      assertAcceptableKey(spki);
      const certificate = await x509.X509CertificateGenerator.create(
        {
          serialNumber: randomSerial(),
          // Typed values, not a DN string nor plain JSON strings (which @peculiar/x509 unquotes:
          // 'ТОО "Тест"' becomes 'Тест'); serialNumber by OID (2.5.4.5) as NCA RK writes it.
          subject: new x509.Name([
            { '2.5.4.3': [{ utf8String: name }] },
            { '2.5.4.5': [{ printableString: `IIN${iin}` }] },
            { '2.5.4.6': [{ printableString: 'KZ' }] },
          ]),
          issuer: caCertificate.subjectName,
          notBefore: new Date(now.getTime() - 5 * 60_000),
          notAfter: new Date(now.getTime() + validityDays * DAY_MS),
          publicKey: new Uint8Array(spki),
          signingKey,
          signingAlgorithm: algorithm,
          extensions: [
            new x509.BasicConstraintsExtension(false, undefined, true),
            new x509.KeyUsagesExtension(
              x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation,
              true,
            ),
            // Signing purpose as NCA RK marks it; also what `openssl cms -verify` expects.
            new x509.ExtendedKeyUsageExtension([EMAIL_PROTECTION]),
            new x509.CertificatePolicyExtension([SIMPLE_SIGNATURE_POLICY]),
            await x509.SubjectKeyIdentifierExtension.create(new Uint8Array(spki), false, crypto),
            authorityKeyId,
          ],
        },
        crypto,
      );
      const der = new Uint8Array(certificate.rawData);
      return {
        der,
        pem: certificate.toString('pem'),
        serialHex: certificate.serialNumber,
        notAfter: certificate.notAfter,
      };
    },
  };
};

/** Browser keys are ECDSA P-256 (WebCrypto); RSA is accepted from 2048 bits. */
const assertAcceptableKey = (spki: Uint8Array) => {
  const key = new x509.PublicKey(new Uint8Array(spki));
  const algorithm = key.algorithm as { name: string; namedCurve?: string; modulusLength?: number };
  if (algorithm.name === 'ECDSA' && ['P-256', 'P-384'].includes(algorithm.namedCurve ?? '')) return;
  if (algorithm.name === 'RSASSA-PKCS1-v1_5' && (algorithm.modulusLength ?? 0) >= 2048) return;
  throw new Error(
    `issue: unsupported key ${algorithm.name} ${algorithm.namedCurve ?? algorithm.modulusLength ?? ''}`,
  );
};

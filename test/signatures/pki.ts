// A test PKI made in process with @peculiar/x509: a "qualified" RSA CA standing in for NCA RK and
// its signers with the profiles NCA RK issues (IIN in serialNumber, BIN in OU, signing keys with
// emailProtection, authentication keys with clientAuth), plus whatever a test needs to break:
// dates in the past or future, a CA nobody trusts, a wrong key usage.
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import { completeKzId } from '../../src/core/identity/kz-id.ts';
import { toPem } from '../../src/server/platform/signatures/pem.ts';

const crypto = webcrypto as unknown as Crypto;
const DAY = 86_400_000;
export const RSA = {
  name: 'RSASSA-PKCS1-v1_5',
  modulusLength: 2048,
  publicExponent: new Uint8Array([1, 0, 1]),
  hash: 'SHA-256',
};
export const EC = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };

export const SIGNING = '1.3.6.1.5.5.7.3.4';
export const AUTHENTICATION = '1.3.6.1.5.5.7.3.2';
export const INDIVIDUAL_POLICY = '1.2.398.3.3.4.1.1';

export const validIin = (first11 = '90010130012') => completeKzId(first11) as string;
export const validBin = (first11 = '12044001234') => completeKzId(first11) as string;

export type TestCa = { keys: CryptoKeyPair; certificate: x509.X509Certificate; der: Uint8Array; pem: string };
export type TestSigner = {
  keys: CryptoKeyPair;
  certificate: x509.X509Certificate;
  der: Uint8Array;
  pem: string;
  keyPem: string;
};

export const generateKeys = (algorithm: typeof RSA | typeof EC = RSA) =>
  crypto.subtle.generateKey(algorithm, true, ['sign', 'verify']) as Promise<CryptoKeyPair>;

/** A self-signed root, or with `issuer` an intermediate CA under it (NCA RK's root → NCA shape). */
export const makeCa = async (
  name = 'Test NCA RK (RSA)',
  keys?: CryptoKeyPair,
  issuer?: TestCa,
): Promise<TestCa> => {
  const caKeys = keys ?? (await generateKeys(RSA));
  const now = Date.now();
  const validity = { notBefore: new Date(now - 365 * DAY), notAfter: new Date(now + 5 * 365 * DAY) };
  const extensions = [
    new x509.BasicConstraintsExtension(true, undefined, true),
    new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
    await x509.SubjectKeyIdentifierExtension.create(caKeys.publicKey, false, crypto),
  ];
  const subject: Record<string, string[]>[] = [{ '2.5.4.3': [name] }, { '2.5.4.6': ['KZ'] }];
  const certificate = issuer
    ? await x509.X509CertificateGenerator.create(
        {
          ...validity,
          subject,
          issuer: issuer.certificate.subjectName,
          publicKey: caKeys.publicKey,
          signingKey: issuer.keys.privateKey,
          signingAlgorithm: issuer.keys.privateKey.algorithm,
          extensions: [
            ...extensions,
            await x509.AuthorityKeyIdentifierExtension.create(issuer.certificate, false, crypto),
          ],
        },
        crypto,
      )
    : await x509.X509CertificateGenerator.createSelfSigned(
        {
          ...validity,
          name: subject,
          keys: caKeys,
          signingAlgorithm: caKeys.privateKey.algorithm,
          extensions,
        },
        crypto,
      );
  const der = new Uint8Array(certificate.rawData);
  return { keys: caKeys, certificate, der, pem: toPem(der, 'CERTIFICATE') };
};

export type SignerProfile = {
  commonName?: string;
  iin?: string;
  bin?: string;
  keys?: CryptoKeyPair;
  notBefore?: Date;
  notAfter?: Date;
  keyUsage?: number;
  extendedKeyUsage?: string[];
  policies?: string[];
};

/** A signer certificate with NCA RK's individual signing profile unless the profile says otherwise. */
export const issueSigner = async (ca: TestCa, profile: SignerProfile = {}): Promise<TestSigner> => {
  const keys = profile.keys ?? (await generateKeys(RSA));
  const now = Date.now();
  // Typed values: @peculiar/x509 unquotes plain JSON strings ('ТОО "Тест"' would become 'Тест').
  const subject: Array<Record<string, Array<{ utf8String: string } | { printableString: string }>>> = [
    { '2.5.4.3': [{ utf8String: profile.commonName ?? 'ТЕСТОВ ТЕСТ' }] },
    { '2.5.4.5': [{ printableString: `IIN${profile.iin ?? validIin()}` }] },
    { '2.5.4.6': [{ printableString: 'KZ' }] },
  ];
  if (profile.bin)
    subject.push(
      { '2.5.4.10': [{ utf8String: 'ТОО "Тест"' }] },
      { '2.5.4.11': [{ utf8String: `BIN${profile.bin}` }] },
    );
  const certificate = await x509.X509CertificateGenerator.create(
    {
      subject: new x509.Name(subject),
      issuer: ca.certificate.subjectName,
      notBefore: profile.notBefore ?? new Date(now - DAY),
      notAfter: profile.notAfter ?? new Date(now + 365 * DAY),
      publicKey: keys.publicKey,
      signingKey: ca.keys.privateKey,
      signingAlgorithm: ca.keys.privateKey.algorithm,
      extensions: [
        new x509.KeyUsagesExtension(
          profile.keyUsage ?? x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation,
          true,
        ),
        new x509.ExtendedKeyUsageExtension(profile.extendedKeyUsage ?? [SIGNING]),
        new x509.CertificatePolicyExtension(profile.policies ?? [INDIVIDUAL_POLICY]),
        await x509.SubjectKeyIdentifierExtension.create(keys.publicKey, false, crypto),
        await x509.AuthorityKeyIdentifierExtension.create(ca.certificate, false, crypto),
      ],
    },
    crypto,
  );
  const der = new Uint8Array(certificate.rawData);
  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', keys.privateKey));
  return { keys, certificate, der, pem: toPem(der, 'CERTIFICATE'), keyPem: toPem(pkcs8, 'PRIVATE KEY') };
};

export { x509 };

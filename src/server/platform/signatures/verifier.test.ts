import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as pkijs from 'pkijs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  AUTHENTICATION,
  EC,
  generateKeys,
  issueSigner,
  makeCa,
  type TestCa,
  type TestSigner,
  validBin,
  validIin,
  x509,
} from '../../../../test/signatures/pki.ts';
import { signDetached } from '../../../web/features/signing/detached-cms.ts';
import { requireSigner } from './identity.ts';
import { toPem } from './pem.ts';
import { loadPlatformCa, type PlatformCa } from './platform-ca.ts';
import { createTrustStore } from './trust.ts';
import { createSignatureVerifier, type SignatureVerifier } from './verifier.ts';

const DAY = 86_400_000;
const document = new TextEncoder().encode('%PDF-1.7 Келісім: ә ғ қ ң ө ұ ү һ і — medіation agreement');

let ca: TestCa;
let signer: TestSigner;
let platform: PlatformCa;
let verifier: SignatureVerifier;

const sign = (who: TestSigner, data = document, signingTime?: Date) =>
  signDetached({ data, privateKey: who.keys.privateKey, certificate: who.der, signingTime });

beforeAll(async () => {
  ca = await makeCa();
  signer = await issueSigner(ca, { iin: validIin() });
  const platformKeys = await generateKeys(EC);
  const platformCert = await makeCa('Kelisim simple signature CA', platformKeys);
  const pkcs8 = new Uint8Array(await webcrypto.subtle.exportKey('pkcs8', platformKeys.privateKey));
  platform = await loadPlatformCa({
    env: { KELISIM_CA_KEY: toPem(pkcs8, 'PRIVATE KEY'), KELISIM_CA_CERT: platformCert.pem },
    dataDir: '/nonexistent',
  });
  verifier = createSignatureVerifier(
    createTrustStore({ qualified: [ca.der], simple: [platform.certificateDer] }),
  );
});

describe('valid signatures', () => {
  it('accepts an NCA-style RSA signature as qualified and reads the IIN and name', async () => {
    const verdict = await verifier.verifyDetached(await sign(signer), document);
    expect(verdict).toMatchObject({
      ok: true,
      kind: 'qualified',
      signer: { iin: validIin(), commonName: 'ТЕСТОВ ТЕСТ', bin: null },
      timeSource: 'signing_time',
      algorithm: { key: 'rsa', digest: 'sha256' },
    });
  });

  it('reads the BIN of an organisation representative', async () => {
    const employee = await issueSigner(ca, { iin: validIin('85020240011'), bin: validBin() });
    const verdict = await verifier.verifyDetached(await sign(employee), document);
    expect(verdict).toMatchObject({ ok: true, signer: { bin: validBin(), organization: 'ТОО "Тест"' } });
  });

  it('accepts a platform-key ECDSA signature as simple, never as qualified', async () => {
    const keys = (await webcrypto.subtle.generateKey(EC, false, ['sign', 'verify'])) as CryptoKeyPair;
    const spki = new Uint8Array(await webcrypto.subtle.exportKey('spki', keys.publicKey));
    const issued = await platform.issue({ spki, commonName: 'Әлия Сәрсенова', iin: validIin('95030350021') });
    const cms = await signDetached({ data: document, privateKey: keys.privateKey, certificate: issued.der });
    const verdict = await verifier.verifyDetached(cms, document);
    expect(verdict).toMatchObject({ ok: true, kind: 'simple', signer: { iin: validIin('95030350021') } });
    // The same CA copied into the trust directory does not promote its certificates.
    const promoted = createSignatureVerifier(
      createTrustStore({ qualified: [ca.der, platform.certificateDer], simple: [platform.certificateDer] }),
    );
    expect(await promoted.verifyDetached(cms, document)).toMatchObject({ ok: true, kind: 'simple' });
  });
});

describe('refusals', () => {
  it('digest_mismatch for a flipped byte and for other bytes', async () => {
    const cms = await sign(signer);
    const tampered = Uint8Array.from(document);
    tampered[3] = (tampered[3] as number) ^ 0x01;
    expect(await verifier.verifyDetached(cms, tampered)).toMatchObject({
      ok: false,
      reason: 'digest_mismatch',
    });
    const other = new TextEncoder().encode('another agreement');
    expect(await verifier.verifyDetached(cms, other)).toMatchObject({ ok: false, reason: 'digest_mismatch' });
  });

  it('signature_invalid for a flipped bit in the signature value', async () => {
    const cms = await sign(signer);
    // Our CMS ends with the signature OCTET STRING (no unsigned attributes).
    cms[cms.length - 5] = (cms[cms.length - 5] as number) ^ 0x10;
    expect(await verifier.verifyDetached(cms, document)).toMatchObject({
      ok: false,
      reason: 'signature_invalid',
    });
  });

  it('untrusted for a certificate from a CA outside the trust list', async () => {
    const rogue = await issueSigner(await makeCa('Test NCA RK (RSA)'));
    expect(await verifier.verifyDetached(await sign(rogue), document)).toMatchObject({
      ok: false,
      reason: 'untrusted',
    });
  });

  it('expired and not_yet_valid against the signing time, or the caller’s instant', async () => {
    const now = Date.now();
    const old = await issueSigner(ca, {
      notBefore: new Date(now - 800 * DAY),
      notAfter: new Date(now - 30 * DAY),
    });
    expect(await verifier.verifyDetached(await sign(old), document)).toMatchObject({ reason: 'expired' });
    // Signed while valid: fine on the signing time, refused when the caller checks at receipt.
    const backThen = await sign(old, document, new Date(now - 60 * DAY));
    expect(await verifier.verifyDetached(backThen, document)).toMatchObject({ ok: true });
    expect(await verifier.verifyDetached(backThen, document, { at: new Date(now) })).toMatchObject({
      reason: 'expired',
    });
    const future = await issueSigner(ca, {
      notBefore: new Date(now + 30 * DAY),
      notAfter: new Date(now + 400 * DAY),
    });
    expect(await verifier.verifyDetached(await sign(future), document)).toMatchObject({
      reason: 'not_yet_valid',
    });
    const claimed = await sign(signer, document, new Date(now + DAY));
    expect(await verifier.verifyDetached(claimed, document)).toMatchObject({ reason: 'not_yet_valid' });
  });

  it('key_usage for an encipherment-only key and for an authentication certificate', async () => {
    const keyEncipherment = await issueSigner(ca, { keyUsage: x509.KeyUsageFlags.keyEncipherment });
    expect(await verifier.verifyDetached(await sign(keyEncipherment), document)).toMatchObject({
      reason: 'key_usage',
    });
    const login = await issueSigner(ca, {
      keyUsage: x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment,
      extendedKeyUsage: [AUTHENTICATION],
    });
    expect(await verifier.verifyDetached(await sign(login), document)).toMatchObject({ reason: 'key_usage' });
  });

  it('unsupported_algorithm for a KZ GOST 34.310 / 34.311 signer info', async () => {
    const info = pkijs.ContentInfo.fromBER(await sign(signer));
    const signedData = new pkijs.SignedData({ schema: info.content });
    const signerInfo = signedData.signerInfos[0] as pkijs.SignerInfo;
    signerInfo.digestAlgorithm = new pkijs.AlgorithmIdentifier({ algorithmId: '1.2.398.3.10.1.3.1' });
    signerInfo.signatureAlgorithm = new pkijs.AlgorithmIdentifier({ algorithmId: '1.2.398.3.10.1.1.1.2' });
    const gost = new pkijs.ContentInfo({ contentType: info.contentType, content: signedData.toSchema(true) });
    const verdict = await verifier.verifyDetached(new Uint8Array(gost.toSchema().toBER()), document);
    expect(verdict).toMatchObject({ ok: false, reason: 'unsupported_algorithm', detail: 'GOST signature' });
  });

  it('malformed for garbage, a truncated CMS, and a CMS without the signer certificate', async () => {
    expect(
      await verifier.verifyDetached(new TextEncoder().encode('not a signature'), document),
    ).toMatchObject({
      reason: 'malformed',
    });
    const cms = await sign(signer);
    expect(await verifier.verifyDetached(cms.subarray(0, cms.length - 20), document)).toMatchObject({
      reason: 'malformed',
    });
    const info = pkijs.ContentInfo.fromBER(cms);
    const signedData = new pkijs.SignedData({ schema: info.content });
    signedData.certificates = [];
    const bare = new pkijs.ContentInfo({ contentType: info.contentType, content: signedData.toSchema(true) });
    expect(await verifier.verifyDetached(new Uint8Array(bare.toSchema().toBER()), document)).toMatchObject({
      reason: 'malformed',
    });
  });

  it('identity_mismatch when the certificate IIN or BIN is not the expected one', async () => {
    const verdict = await verifier.verifyDetached(await sign(signer), document);
    expect(requireSigner(verdict, { iin: validIin() })).toBe(verdict);
    expect(requireSigner(verdict, { iin: validIin('88111130099') })).toMatchObject({
      reason: 'identity_mismatch',
    });
    expect(requireSigner(verdict, { iin: validIin(), bin: validBin() })).toMatchObject({
      reason: 'identity_mismatch',
    });
  });
});

// Interoperability with OpenSSL, the reference CMS implementation: it must accept what our
// platform-key signer makes, and our verifier must accept what it makes (detached, DER), with the
// refusals the issue lists produced by real bad inputs.
import 'reflect-metadata';
import { execFileSync, spawnSync } from 'node:child_process';
import { webcrypto } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as pkijs from 'pkijs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSignatures, type Signatures } from '../../src/server/platform/signatures/index.ts';
import { loadPlatformCa } from '../../src/server/platform/signatures/platform-ca.ts';
import { createTrustStore } from '../../src/server/platform/signatures/trust.ts';
import { createSignatureVerifier } from '../../src/server/platform/signatures/verifier.ts';
import { signDetached } from '../../src/web/features/signing/detached-cms.ts';
import { EC, generateKeys, issueSigner, makeCa, type TestCa, type TestSigner, validIin } from './pki.ts';

const DAY = 86_400_000;
let dir: string;
let ca: TestCa;
let signatures: Signatures;
const file = (name: string) => path.join(dir, name);
const document = Buffer.from('%PDF-1.7\nКелісім — ә ғ қ ң ө ұ ү һ і\n'.repeat(200));

/** `openssl cms -sign` as a signer with a file key would: detached (no -nodetach), DER. */
const opensslSign = (who: TestSigner, name: string, extraCertificates: string[] = [], digest = 'sha256') => {
  fs.writeFileSync(file(`${name}.pem`), who.pem);
  fs.writeFileSync(file(`${name}.key`), who.keyPem, { mode: 0o600 });
  const certfile = extraCertificates.length ? ['-certfile', file(`${name}-chain.pem`)] : [];
  if (certfile.length) fs.writeFileSync(file(`${name}-chain.pem`), extraCertificates.join(''));
  const files = ['-in', file('document.pdf'), '-signer', file(`${name}.pem`), '-inkey', file(`${name}.key`)];
  const args = `cms -sign -binary -outform DER -md ${digest}`.split(' ');
  execFileSync('openssl', [...args, ...files, ...certfile, '-out', file(`${name}.cms`)]);
  return new Uint8Array(fs.readFileSync(file(`${name}.cms`)));
};

const opensslVerify = (cms: Uint8Array, content: Buffer, caPem: string) => {
  fs.writeFileSync(file('check.cms'), cms);
  fs.writeFileSync(file('check.bin'), content);
  fs.writeFileSync(file('check-ca.pem'), caPem);
  const args = 'cms -verify -binary -inform DER -out /dev/null'.split(' ');
  const files = ['-in', file('check.cms'), '-content', file('check.bin'), '-CAfile', file('check-ca.pem')];
  return spawnSync('openssl', [...args, ...files], { encoding: 'utf8' });
};

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kelisim-signatures-'));
  fs.writeFileSync(file('document.pdf'), document);
  ca = await makeCa();
  // The trust directory as an operator fills it from pki.gov.kz: a DER .cer and a PEM.
  fs.mkdirSync(file('trust'));
  fs.writeFileSync(file('trust/root_rsa.cer'), ca.der);
  fs.writeFileSync(file('trust/README.txt'), 'not a certificate');
  signatures = await loadSignatures({ env: { KELISIM_TRUST_DIR: file('trust') }, dataDir: file('data') });
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('platform CA', () => {
  it('is generated once into the data directory, its key readable by the owner only', async () => {
    const keyFile = file('data/signing-ca.key');
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
    const again = await loadPlatformCa({ env: {}, dataDir: file('data') });
    expect(again.certificatePem).toBe(signatures.ca.certificatePem);
    await expect(loadPlatformCa({ env: { KELISIM_CA_KEY: 'x' }, dataDir: file('data') })).rejects.toThrow(
      /together/,
    );
  });

  it('issues certificates with the IIN as 2.5.4.5 and the simple-signature policy', async () => {
    const keys = await generateKeys(EC);
    const spki = new Uint8Array(await webcrypto.subtle.exportKey('spki', keys.publicKey));
    const issued = await signatures.ca.issue({ spki, commonName: 'Сәрсенова Әлия', iin: validIin() });
    fs.writeFileSync(file('issued.pem'), issued.pem);
    const text = execFileSync(
      'openssl',
      ['x509', '-in', file('issued.pem'), '-noout', '-text', '-nameopt', 'utf8'],
      {
        encoding: 'utf8',
      },
    );
    expect(text).toContain(`serialNumber=IIN${validIin()}`);
    expect(text).toContain('CN=Сәрсенова Әлия');
    expect(text).toContain('Digital Signature, Non Repudiation');
    expect(text).toContain('Policy: 2.25.149043438594694906474951458423438301860');
    await expect(signatures.ca.issue({ spki, commonName: 'X', iin: '123456789012' })).rejects.toThrow(/IIN/);
  });
});

describe('our platform-key CMS', () => {
  it('is accepted by openssl cms -verify, and refused by it once the content changes', async () => {
    const keys = (await webcrypto.subtle.generateKey(EC, false, ['sign', 'verify'])) as CryptoKeyPair;
    const spki = new Uint8Array(await webcrypto.subtle.exportKey('spki', keys.publicKey));
    const issued = await signatures.ca.issue({ spki, commonName: 'Иванов Иван', iin: validIin() });
    const cms = await signDetached({ data: document, privateKey: keys.privateKey, certificate: issued.der });
    const accepted = opensslVerify(cms, document, signatures.ca.certificatePem);
    expect(accepted.stderr).toContain('Verification successful');
    expect(accepted.status).toBe(0);
    const tampered = Buffer.from(document);
    tampered[10] = (tampered[10] as number) ^ 1;
    expect(opensslVerify(cms, tampered, signatures.ca.certificatePem).status).not.toBe(0);
    expect(await signatures.verifier.verifyDetached(cms, document)).toMatchObject({
      ok: true,
      kind: 'simple',
    });
  });
});

describe('a CMS made by openssl cms -sign', () => {
  it('is accepted for an RSA and an ECDSA signer with an IIN, and pkijs agrees', async () => {
    for (const [name, keys, digest] of [
      ['rsa', undefined, 'sha256'],
      ['ec', await generateKeys(EC), 'sha384'],
    ] as const) {
      const signer = await issueSigner(ca, { iin: validIin(), keys });
      const cms = opensslSign(signer, name, [], digest);
      const verdict = await signatures.verifier.verifyDetached(cms, document);
      expect(verdict).toMatchObject({
        ok: true,
        kind: 'qualified',
        signer: { iin: validIin() },
        algorithm: { digest },
      });
      // Differential check of our DER reader against pkijs' full SignedData.verify.
      const signedData = new pkijs.SignedData({
        schema: pkijs.ContentInfo.fromBER(new Uint8Array(cms)).content,
      });
      const trusted = pkijs.Certificate.fromBER(new Uint8Array(ca.der));
      expect(
        await signedData.verify({
          signer: 0,
          data: new Uint8Array(document).buffer,
          trustedCerts: [trusted],
          checkChain: true,
        }),
      ).toBe(true);
    }
  });

  it('chains through an intermediate CA carried in the CMS or listed in the trust directory', async () => {
    const intermediate = await makeCa('Test NCA RK intermediate', undefined, ca);
    const signer = await issueSigner(intermediate, { iin: validIin() });
    const cms = opensslSign(signer, 'via-intermediate', [intermediate.pem]);
    expect(await signatures.verifier.verifyDetached(cms, document)).toMatchObject({
      ok: true,
      kind: 'qualified',
    });
    const withoutIntermediate = opensslSign(signer, 'leaf-only');
    // A fresh verifier: one that has seen the intermediate remembers the leaf's path (by design).
    const rootOnly = createSignatureVerifier(createTrustStore({ qualified: [ca.der], simple: [] }));
    expect(await rootOnly.verifyDetached(withoutIntermediate, document)).toMatchObject({
      reason: 'untrusted',
    });
    expect(await signatures.verifier.verifyDetached(withoutIntermediate, document)).toMatchObject({
      ok: true,
    });
    const trustingIntermediate = createSignatureVerifier(
      createTrustStore({ qualified: [intermediate.der], simple: [] }),
    );
    expect(await trustingIntermediate.verifyDetached(withoutIntermediate, document)).toMatchObject({
      ok: true,
    });
  });

  it('is refused for a flipped byte, other bytes, an expired or untrusted certificate', async () => {
    const signer = await issueSigner(ca);
    const cms = opensslSign(signer, 'good');
    const flipped = Buffer.from(document);
    flipped[100] = (flipped[100] as number) ^ 0x80;
    expect(await signatures.verifier.verifyDetached(cms, flipped)).toMatchObject({
      reason: 'digest_mismatch',
    });
    expect(await signatures.verifier.verifyDetached(cms, Buffer.from('other'))).toMatchObject({
      reason: 'digest_mismatch',
    });
    const now = Date.now();
    const expired = await issueSigner(ca, {
      notBefore: new Date(now - 400 * DAY),
      notAfter: new Date(now - DAY),
    });
    expect(await signatures.verifier.verifyDetached(opensslSign(expired, 'expired'), document)).toMatchObject(
      {
        reason: 'expired',
      },
    );
    const stranger = await issueSigner(await makeCa('Somebody else'));
    expect(
      await signatures.verifier.verifyDetached(opensslSign(stranger, 'stranger'), document),
    ).toMatchObject({
      reason: 'untrusted',
    });
  });
});

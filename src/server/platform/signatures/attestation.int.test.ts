// The platform attestation (R-SG-02): made once into the data directory, accepted by our verifier
// and by OpenSSL with only the platform CA as trust, refused over other bytes, never mistaken for
// a party's signature. An integration test because it runs openssl.
import 'reflect-metadata';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as x509 from '@peculiar/x509';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ATTESTATION_POLICY } from './attestation.ts';
import { parseCertificate } from './certificate.ts';
import { loadSignatures, requireSigner, type Signatures } from './index.ts';

const now = new Date('2026-11-24T09:00:00Z');
let dir: string;
let signatures: Signatures;
const file = (name: string) => path.join(dir, name);
const statement = new TextEncoder().encode('{"statement":"Келісім медиация нәтижесінде жасалды"}');

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kelisim-attest-'));
  signatures = await loadSignatures({ env: {}, dataDir: file('data'), now: () => now });
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const opensslVerify = (cms: Uint8Array, content: Uint8Array) => {
  fs.writeFileSync(file('ca.pem'), signatures.ca.certificatePem);
  fs.writeFileSync(file('a.cms'), cms);
  fs.writeFileSync(file('a.json'), content);
  return spawnSync('openssl', [
    ...'cms -verify -binary -inform DER -purpose any -out /dev/null'.split(' '),
    ...['-in', file('a.cms'), '-content', file('a.json'), '-CAfile', file('ca.pem')],
  ]);
};

describe('platform attestation', () => {
  it('is a certificate from the platform CA with its own policy, key kept 0600', async () => {
    const certificate = new x509.X509Certificate(new Uint8Array(signatures.attestor.certificateDer));
    const ca = new x509.X509Certificate(new Uint8Array(signatures.ca.certificateDer));
    expect(certificate.subject).toContain('CN=Kelisim platform attestation');
    expect(certificate.issuer).toBe(ca.subject);
    expect(await certificate.verify({ publicKey: ca.publicKey, signatureOnly: true })).toBe(true);
    // Our own parser: @peculiar/x509 prints long 2.25 arcs wrongly.
    expect(parseCertificate(signatures.attestor.certificateDer).policies).toContain(ATTESTATION_POLICY);
    const usage = certificate.getExtension(x509.KeyUsagesExtension);
    expect(usage?.usages).toBe(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation);
    expect(fs.statSync(file('data/attestation.key')).mode & 0o777).toBe(0o600);
  });

  it('is accepted by our verifier over exactly the attested bytes', async () => {
    const cms = await signatures.attestor.attest(statement);
    const verdict = await signatures.verifier.verifyDetached(cms, statement);
    expect(verdict).toMatchObject({
      ok: true,
      kind: 'simple',
      signer: { commonName: 'Kelisim platform attestation', organization: 'Kelisim', iin: null, bin: null },
      signingTime: now,
    });
    const other = Uint8Array.from(statement);
    other[5] = (other[5] as number) ^ 1;
    expect(await signatures.verifier.verifyDetached(cms, other)).toMatchObject({
      ok: false,
      reason: 'digest_mismatch',
    });
    // It names nobody, so it never stands for a party.
    expect(requireSigner(verdict, { iin: '900101300128' })).toMatchObject({
      ok: false,
      reason: 'identity_mismatch',
    });
  });

  it('is accepted by openssl cms -verify with the platform CA as the only trust', async () => {
    const cms = await signatures.attestor.attest(statement);
    const good = opensslVerify(cms, statement);
    expect(good.stderr.toString()).toContain('Verification successful');
    expect(good.status).toBe(0);
    const other = Uint8Array.from(statement);
    other[5] = (other[5] as number) ^ 1;
    expect(opensslVerify(cms, other).status).not.toBe(0);
    const printed = execFileSync('openssl', ['x509', '-noout', '-text', '-inform', 'DER'], {
      input: signatures.attestor.certificateDer,
    }).toString();
    expect(printed).toContain(ATTESTATION_POLICY);
  });

  it('is generated once: a second start reuses it, a replaced CA gets a new one', async () => {
    const again = await loadSignatures({ env: {}, dataDir: file('data'), now: () => now });
    expect(
      Buffer.from(again.attestor.certificateDer).equals(Buffer.from(signatures.attestor.certificateDer)),
    ).toBe(true);
    fs.rmSync(file('data/signing-ca.key'));
    fs.rmSync(file('data/signing-ca.pem'));
    const replaced = await loadSignatures({ env: {}, dataDir: file('data'), now: () => now });
    expect(
      Buffer.from(replaced.attestor.certificateDer).equals(Buffer.from(signatures.attestor.certificateDer)),
    ).toBe(false);
    const cms = await replaced.attestor.attest(statement);
    expect((await replaced.verifier.verifyDetached(cms, statement)).ok).toBe(true);
  });

  it('is renewed when it nears its end', async () => {
    const later = new Date(now.getTime() + 720 * 86_400_000);
    const renewed = await loadSignatures({ env: {}, dataDir: file('data'), now: () => later });
    const certificate = new x509.X509Certificate(new Uint8Array(renewed.attestor.certificateDer));
    expect(certificate.notAfter.getTime()).toBeGreaterThan(later.getTime() + 365 * 86_400_000);
  });

  it('takes key and certificate from the environment, and refuses ones that do not chain to the CA', async () => {
    const data = file('env');
    await loadSignatures({ env: {}, dataDir: data, now: () => now });
    const env = {
      KELISIM_ATTESTATION_KEY: fs.readFileSync(path.join(data, 'attestation.key'), 'utf8'),
      KELISIM_ATTESTATION_CERT: fs.readFileSync(path.join(data, 'attestation.pem'), 'utf8'),
    };
    const fromEnv = await loadSignatures({ env, dataDir: data, now: () => now });
    expect(fromEnv.attestor.certificatePem).toBe(env.KELISIM_ATTESTATION_CERT);
    await expect(loadSignatures({ env, dataDir: file('other'), now: () => now })).rejects.toThrow(
      /attestation does not verify: untrusted/,
    );
    await expect(
      loadSignatures({
        env: { KELISIM_ATTESTATION_KEY: env.KELISIM_ATTESTATION_KEY },
        dataDir: data,
        now: () => now,
      }),
    ).rejects.toThrow(/set together/);
  });
});

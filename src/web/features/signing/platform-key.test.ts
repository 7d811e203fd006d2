// The platform-key flow in Node's WebCrypto (IndexedDB is the browser's and is exercised there):
// key made non-extractable, certified by the platform CA, signature verified by the server port.
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EC, makeCa, validIin } from '../../../../test/signatures/pki.ts';
import { toPem } from '../../../server/platform/signatures/pem.ts';
import { loadPlatformCa } from '../../../server/platform/signatures/platform-ca.ts';
import { createTrustStore } from '../../../server/platform/signatures/trust.ts';
import { createSignatureVerifier } from '../../../server/platform/signatures/verifier.ts';
import { attachCertificate, generatePlatformKey, PlatformKeyError, signWithRecord } from './platform-key.ts';

const platformCa = async () => {
  const keys = (await webcrypto.subtle.generateKey(EC, true, ['sign', 'verify'])) as CryptoKeyPair;
  const certificate = await makeCa('Kelisim simple signature CA', keys);
  const pkcs8 = new Uint8Array(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey));
  return loadPlatformCa({
    env: { KELISIM_CA_KEY: toPem(pkcs8, 'PRIVATE KEY'), KELISIM_CA_CERT: certificate.pem },
    dataDir: '/nonexistent',
  });
};

describe('platform key', () => {
  it('is non-extractable, certified for its own key only, and signs what the server accepts', async () => {
    const ca = await platformCa();
    const record = await generatePlatformKey('account-1');
    expect(record.privateKey.extractable).toBe(false);
    await expect(webcrypto.subtle.exportKey('pkcs8', record.privateKey)).rejects.toThrow();
    const data = new TextEncoder().encode('agreement bytes');
    expect(() => signWithRecord(record, data)).toThrow(PlatformKeyError);

    const other = await generatePlatformKey('account-2');
    const foreign = await ca.issue({ spki: other.spki, commonName: 'Other', iin: validIin('88111130099') });
    expect(() => attachCertificate(record, foreign.der)).toThrow(/certificate_mismatch/);

    const issued = await ca.issue({ spki: record.spki, commonName: 'Асқар Нұрланұлы', iin: validIin() });
    const certified = attachCertificate(record, issued.der);
    const cms = await signWithRecord(certified, data);
    const verifier = createSignatureVerifier(
      createTrustStore({ qualified: [], simple: [ca.certificateDer] }),
    );
    expect(await verifier.verifyDetached(cms, data)).toMatchObject({
      ok: true,
      kind: 'simple',
      signer: { iin: validIin(), commonName: 'Асқар Нұрланұлы' },
      algorithm: { key: 'ec', digest: 'sha256' },
    });
  });
});

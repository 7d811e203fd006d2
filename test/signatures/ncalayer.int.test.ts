// The browser's NCALayer client (src/web/features/signing/ncalayer.ts, on the real
// ncalayer-js-client) against the protocol-faithful fake: a CMS comes back that the server's
// verifier accepts for the party's IIN, cancellation and absence are told apart.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireSigner } from '../../src/server/platform/signatures/identity.ts';
import { createTrustStore } from '../../src/server/platform/signatures/trust.ts';
import { createSignatureVerifier } from '../../src/server/platform/signatures/verifier.ts';
import { NcaLayerError, signWithNcaLayer } from '../../src/web/features/signing/ncalayer.ts';
import { type FakeNcaLayer, startFakeNcaLayer } from '../fake-ncalayer.ts';
import { issueSigner, makeCa, type TestCa, type TestSigner, validIin } from './pki.ts';

let ca: TestCa;
let signer: TestSigner;
let fake: FakeNcaLayer;
const document = new TextEncoder().encode('%PDF-1.7 келісім '.repeat(500));

beforeAll(async () => {
  ca = await makeCa();
  signer = await issueSigner(ca, { iin: validIin() });
  fake = await startFakeNcaLayer({ certificatePem: signer.pem, keyPem: signer.keyPem });
});
afterAll(() => fake.close());

describe('NCALayer round trip', () => {
  it('signs the exact bytes detached, and the verifier accepts it for the party', async () => {
    const base64 = await signWithNcaLayer({
      data: document,
      signer: 'individual',
      iin: validIin(),
      locale: 'kk',
      url: fake.url,
    });
    const sign = fake.requests.find((r) => r.module === 'kz.gov.pki.knca.basics');
    expect(sign).toEqual({
      module: 'kz.gov.pki.knca.basics',
      method: 'sign',
      args: {
        allowedStorages: null,
        format: 'cms',
        data: Buffer.from(document).toString('base64'),
        signingParams: { decode: true, encapsulate: false, digested: false, tsaProfile: {} },
        signerParams: { extKeyUsageOids: ['1.3.6.1.5.5.7.3.4', '1.2.398.3.3.4.1.1'], iin: validIin() },
        locale: 'kk',
      },
    });
    const verifier = createSignatureVerifier(createTrustStore({ qualified: [ca.der], simple: [] }));
    const verdict = await verifier.verifyDetached(new Uint8Array(Buffer.from(base64, 'base64')), document);
    expect(requireSigner(verdict, { iin: validIin() })).toMatchObject({ ok: true, kind: 'qualified' });
  });

  it('reports a cancelled dialog, and no matching key, as cancelled', async () => {
    const cancelling = await startFakeNcaLayer({
      certificatePem: signer.pem,
      keyPem: signer.keyPem,
      behaviour: 'cancel',
    });
    try {
      await expect(
        signWithNcaLayer({ data: document, signer: 'individual', locale: 'ru', url: cancelling.url }),
      ).rejects.toMatchObject({ code: 'cancelled' });
    } finally {
      await cancelling.close();
    }
    // An organisation employee's key was asked for; the user only has an individual's.
    await expect(
      signWithNcaLayer({ data: document, signer: 'organisation', locale: 'ru', url: fake.url }),
    ).rejects.toMatchObject({ code: 'cancelled' });
  });

  it('reports NCALayer not running as unavailable', async () => {
    const gone = await startFakeNcaLayer({ certificatePem: signer.pem, keyPem: signer.keyPem });
    const url = gone.url;
    await gone.close();
    const failure = await signWithNcaLayer({ data: document, signer: 'individual', locale: 'en', url }).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(NcaLayerError);
    expect(failure).toMatchObject({ code: 'unavailable' });
  });

  it('is never reachable from production code', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/\.(ts|tsx)$/.test(entry.name) && fs.readFileSync(full, 'utf8').includes('fake-ncalayer'))
          offenders.push(full);
      }
    };
    walk(path.resolve('src'));
    expect(offenders).toEqual([]);
  });
});

// Signing with an EDS through NCALayer (issue 6): the server takes the detached CMS NCALayer makes
// and accepts it only from a certificate under the configured trust list (KELISIM_TRUST_DIR), valid
// now, naming the signer's own IIN — anything else is refused with its reason and nothing is
// stored as signed. (The browser side, NCALayer's protocol, is tested against the fake NCALayer.)
import { webcrypto } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { frozenAgreement } from '../../../../test/agreements/flow.ts';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { call } from '../../../../test/cases.ts';
import { issueSigner, makeCa, type TestCa, type TestSigner } from '../../../../test/signatures/pki.ts';
import { signDetached } from '../../../web/features/signing/detached-cms.ts';

const crypto = webcrypto as unknown as Crypto;
const DAY = 86_400_000;
let t: TestApp;
let nca: TestCa;
let stranger: TestCa;
beforeAll(async () => {
  nca = await makeCa('Test NCA RK (RSA)');
  stranger = await makeCa('Not NCA');
  const trustDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kelisim-trust-'));
  fs.writeFileSync(path.join(trustDir, 'nca.pem'), nca.pem);
  t = await createTestApp({ KELISIM_TRUST_DIR: trustDir });
}, 120_000);
afterAll(() => t.close());
beforeEach(() => t.reset());

const signWith = async (caseId: string, cookie: string, signer: TestSigner) => {
  const prepared = (
    await call(t, 'POST', `/api/cases/${caseId}/agreement/signing`, cookie, { method: 'ncalayer' })
  ).json();
  const cms = await signDetached({
    data: new Uint8Array(Buffer.from(prepared.content, 'base64')),
    privateKey: signer.keys.privateKey,
    certificate: signer.der,
    signingTime: t.clock.now(),
    crypto,
  });
  return call(t, 'POST', `/api/cases/${caseId}/agreement/signatures`, cookie, {
    method: 'ncalayer',
    basedOn: prepared.basedOn,
    cms: Buffer.from(cms).toString('base64'),
  });
};

describe('signing with an EDS (NCALayer)', () => {
  it('accepts the party’s own qualified certificate and refuses a wrong IIN, an expired or untrusted one', async () => {
    const c = await frozenAgreement(t);
    const now = t.clock.now().getTime();
    const valid = { notBefore: new Date(now - 30 * DAY), notAfter: new Date(now + 300 * DAY) };
    const iin = c.a.me.iin as string;
    const cases: Array<[TestSigner, string]> = [
      [await issueSigner(nca, { ...valid, iin: c.b.me.iin as string }), 'ЖСН/БСН'],
      [
        await issueSigner(nca, { iin, notBefore: new Date(now - 400 * DAY), notAfter: new Date(now - DAY) }),
        'мерзімі',
      ],
      [await issueSigner(stranger, { ...valid, iin }), 'сенімді'],
    ];
    for (const [signer, words] of cases) {
      const refused = await signWith(c.caseId, c.a.cookie, signer);
      expect(refused.statusCode).toBe(422);
      expect(refused.json().code).toBe('signature_refused');
      expect(refused.json().detail).toContain(words);
    }
    const view = (await call(t, 'GET', `/api/cases/${c.caseId}/agreement`, c.a.cookie)).json();
    expect(view.signers.every((s: { signature: unknown }) => s.signature === null)).toBe(true);

    const accepted = await signWith(
      c.caseId,
      c.a.cookie,
      await issueSigner(nca, { ...valid, iin, commonName: 'ТЕСТОВ АЙДАР' }),
    );
    expect(accepted.statusCode).toBe(200);
    const mine = accepted.json().signers.find((s: { key: string }) => s.key === accepted.json().me);
    expect(mine.signature).toMatchObject({
      method: 'ncalayer',
      kind: 'qualified',
      commonName: 'ТЕСТОВ АЙДАР',
    });
  });
});

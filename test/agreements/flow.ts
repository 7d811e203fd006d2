import { webcrypto } from 'node:crypto';
import { type AgreementTerms, startingTerms } from '../../src/core/agreements/compose.ts';
import { signDetached } from '../../src/web/features/signing/detached-cms.ts';
import { buildCertificateRequest } from '../../src/web/features/signing/enrol.ts';
import type { TestApp } from '../app.ts';
import { activeCase, call } from '../cases.ts';

// An agreement taken through the real API (issue 6): drafted from the civil template, completed
// into a valid debt settlement, approved by everyone (frozen), and signed with platform keys the
// way the browser does it (a WebCrypto key, a CSR, the platform CA's certificate, a detached CMS).

const crypto = webcrypto as unknown as Crypto;
export const IBAN = 'KZ86125KZT5004100100';

/** Version-2 terms: one debt paid in two instalments by bank transfer, costs set off. */
export const debtTerms = (partyIds: string[]): AgreementTerms => {
  const [creditor, debtor] = partyIds as [string, string];
  const text = (kk: string, ru: string) => ({ kk, ru });
  return {
    languages: ['kk', 'ru'],
    layout: 'kk+ru',
    subject: text('Қарызды қайтару туралы дау', 'Спор о возврате займа'),
    place: text('Петропавл қ.', 'г. Петропавловск'),
    parties: partyIds.map((id) => ({ id })),
    obligations: [
      {
        id: 'o1',
        topic: 'debt',
        debtor,
        creditor,
        subject: { kind: 'money', amountTiyn: 50_000_000, purpose: text('Қарызды қайтару', 'Возврат займа') },
        deadline: {
          kind: 'instalments',
          instalments: [
            { date: '2026-12-20', amountTiyn: 25_000_000 },
            { date: '2027-01-20', amountTiyn: 25_000_000 },
          ],
        },
        method: { kind: 'bank_transfer', iban: IBAN },
      },
    ],
    clauses: [],
    legalCosts: { kind: 'set_off' },
    mediatorFee: {
      kind: 'split',
      amountTiyn: 2_000_000,
      shares: [
        { partyId: creditor, percent: 50 },
        { partyId: debtor, percent: 50 },
      ],
    },
  };
};

export type Signer = { cookie: string; key: CryptoKeyPair; certificate: Uint8Array };

/** A browser key certified by the platform CA for this account. */
export const platformSigner = async (t: TestApp, cookie: string): Promise<Signer> => {
  const key = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, [
    'sign',
    'verify',
  ])) as CryptoKeyPair;
  const spki = new Uint8Array(await crypto.subtle.exportKey('spki', key.publicKey));
  const csr = await buildCertificateRequest({ spki, privateKey: key.privateKey }, 'test', crypto);
  const issued = await call(t, 'POST', '/api/signing/certificate', cookie, {
    csr: Buffer.from(csr).toString('base64'),
  });
  if (issued.statusCode !== 201) throw new Error(`certificate: ${issued.body}`);
  return { cookie, key, certificate: new Uint8Array(Buffer.from(issued.json().certificate, 'base64')) };
};

/** Prepares the caller's revision and signs it with `by`'s key (someone else's, to test refusals). */
export const signAs = async (t: TestApp, caseId: string, who: Signer, by: Signer = who, tamper = false) => {
  const prepared = await call(t, 'POST', `/api/cases/${caseId}/agreement/signing`, who.cookie, {
    method: 'platform',
  });
  if (prepared.statusCode !== 200) return prepared;
  const content = new Uint8Array(Buffer.from(prepared.json().content, 'base64'));
  // Signing other bytes than the prepared ones: the last byte flipped.
  if (tamper) content[content.length - 1] = (content.at(-1) ?? 0) ^ 1;
  const cms = await signDetached({
    data: content,
    privateKey: by.key.privateKey,
    certificate: by.certificate,
    signingTime: t.clock.now(),
    crypto,
  });
  return call(t, 'POST', `/api/cases/${caseId}/agreement/signatures`, who.cookie, {
    method: 'platform',
    basedOn: prepared.json().basedOn,
    cms: Buffer.from(cms).toString('base64'),
  });
};

/** An active case whose agreement everyone approved: frozen, with its PDF. */
export const frozenAgreement = async (t: TestApp) => {
  const c = await activeCase(t);
  const parties = (await call(t, 'GET', `/api/cases/${c.caseId}`, c.m.cookie)).json().parties as Array<{
    id: string;
    side: string;
  }>;
  const partyIds = [...parties]
    .sort((x, y) => (x.side === 'initiator' ? -1 : y.side === 'initiator' ? 1 : 0))
    .map((p) => p.id);
  const start = startingTerms({
    category: 'civil',
    partyIds,
    languages: ['kk', 'ru'],
    layout: 'kk+ru',
    subject: { kk: 'Дау', ru: 'Спор' },
  });
  const created = await call(t, 'POST', `/api/cases/${c.caseId}/agreement`, c.m.cookie, { terms: start });
  if (created.statusCode !== 201) throw new Error(`create: ${created.body}`);
  const v2 = await call(t, 'POST', `/api/cases/${c.caseId}/agreement/versions`, c.a.cookie, {
    basedOn: 1,
    note: 'Суммы и сроки',
    terms: debtTerms(partyIds),
  });
  if (v2.statusCode !== 201) throw new Error(`version: ${v2.body}`);
  const hash = v2.json().version.hash as string;
  for (const who of [c.a, c.b, c.m]) {
    const approved = await call(t, 'POST', `/api/cases/${c.caseId}/agreement/approve`, who.cookie, {
      version: 2,
      hash,
    });
    if (approved.statusCode !== 200) throw new Error(`approve: ${approved.body}`);
  }
  return { ...c, partyIds, hash };
};

/** A frozen agreement signed by both parties and the mediator with platform keys. */
export const signedAgreement = async (t: TestApp) => {
  const c = await frozenAgreement(t);
  for (const cookie of [c.a.cookie, c.b.cookie, c.m.cookie]) {
    const signed = await signAs(t, c.caseId, await platformSigner(t, cookie));
    if (signed.statusCode !== 200) throw new Error(`sign: ${signed.body}`);
  }
  return c;
};

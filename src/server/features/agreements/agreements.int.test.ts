// Settlement agreements through the API (issue 6): building from the template, versions, comments,
// approval and freezing (R-CPC-03, R-MED-21), confidentiality (R-MED-17), signing with platform
// keys (R-SG-03) and the public verification.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { debtTerms, frozenAgreement, platformSigner, signAs } from '../../../../test/agreements/flow.ts';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { activeCase, call } from '../../../../test/cases.ts';
import { registerUser } from '../../../../test/factories.ts';
import { startingTerms } from '../../../core/agreements/compose.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 120_000);
afterAll(() => t.close());
beforeEach(() => t.reset());

const url = (caseId: string, tail = '') => `/api/cases/${caseId}/agreement${tail}`;

const partyIdsOf = async (caseId: string, cookie: string) =>
  (
    (await call(t, 'GET', `/api/cases/${caseId}`, cookie)).json().parties as Array<{
      id: string;
      side: string;
    }>
  )
    .sort((x) => (x.side === 'initiator' ? -1 : 1))
    .map((p) => p.id);

describe('building the agreement (R-MED-21, R-CPC-03)', () => {
  it('drafts from the template, refuses to approve an incomplete draft naming the rule, keeps every version', async () => {
    const c = await activeCase(t);
    expect((await call(t, 'GET', url(c.caseId), c.m.cookie)).json().code).toBe('agreement_not_found');
    const partyIds = await partyIdsOf(c.caseId, c.m.cookie);
    const terms = startingTerms({
      category: 'civil',
      partyIds,
      languages: ['kk', 'ru'],
      layout: 'kk+ru',
      subject: { kk: 'Дау', ru: 'Спор' },
    });
    const created = await call(t, 'POST', url(c.caseId), c.m.cookie, { terms });
    expect(created.statusCode).toBe(201);
    const v1 = created.json();
    expect(v1.version.number).toBe(1);
    expect(v1.version.draft.parties.map((p: { id: string }) => p.id)).toEqual(partyIds);
    // The template leaves sums and dates to the people: the draft says where (R-CPC-03).
    expect(
      v1.version.problems.some(
        (p: { code: string; rule: string }) => p.code === 'deadline_required' && p.rule === 'R-CPC-03',
      ),
    ).toBe(true);

    const refused = await call(t, 'POST', url(c.caseId, '/approve'), c.a.cookie, {
      version: 1,
      hash: v1.version.hash,
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('agreement_invalid');
    const deadline = refused.json().errors.find((e: { code: string }) => e.code === 'deadline_required');
    expect(deadline.field).toMatch(/^obligations\[\d+\]\.deadline$/);
    expect(deadline.detail).toMatch(/R-CPC-03/);

    const stale = await call(t, 'POST', url(c.caseId, '/versions'), c.b.cookie, {
      basedOn: 0,
      terms: debtTerms(partyIds),
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('agreement_version_stale');

    const v2 = await call(t, 'POST', url(c.caseId, '/versions'), c.b.cookie, {
      basedOn: 1,
      note: 'Екі бөлікпен',
      terms: debtTerms(partyIds),
    });
    expect(v2.statusCode).toBe(201);
    expect(v2.json().version.problems.filter((p: { severity: string }) => p.severity === 'error')).toEqual(
      [],
    );
    expect(
      v2.json().versions.map((v: { number: number; note: string | null }) => [v.number, v.note]),
    ).toEqual([
      [1, null],
      [2, 'Екі бөлікпен'],
    ]);

    const commented = await call(t, 'POST', url(c.caseId, '/comments'), c.a.cookie, {
      version: 2,
      body: 'Мерзім қолайлы',
    });
    expect(commented.json().comments.map((x: { body: string }) => x.body)).toEqual(['Мерзім қолайлы']);
    // Version 1 stays readable as it was.
    const old = await call(t, 'GET', `${url(c.caseId)}?version=1`, c.b.cookie);
    expect(old.json().version.number).toBe(1);
    expect(old.json().version.hash).toBe(v1.version.hash);
  });

  it('refuses a suspensive condition with the rule’s reason, and an approval of a text not seen', async () => {
    const c = await activeCase(t);
    const partyIds = await partyIdsOf(c.caseId, c.m.cookie);
    const terms = debtTerms(partyIds);
    const first = terms.obligations[0];
    if (!first) throw new Error('no obligation');
    first.condition = {
      kind: 'suspensive',
      text: { kk: 'егер несие берілсе', ru: 'если будет выдан кредит' },
    };
    const created = (await call(t, 'POST', url(c.caseId), c.m.cookie, { terms })).json();
    const refused = await call(t, 'POST', url(c.caseId, '/approve'), c.a.cookie, {
      version: 1,
      hash: created.version.hash,
    });
    expect(refused.json().errors.map((e: { code: string }) => e.code)).toContain('suspensive_condition');
    const wrongHash = await call(t, 'POST', url(c.caseId, '/approve'), c.a.cookie, {
      version: 1,
      hash: 'a'.repeat(64),
    });
    expect(wrongHash.json().code).toBe('agreement_version_stale');
  });

  it('freezes when every party and the mediator approved the same version, and renders the PDF', async () => {
    const c = await frozenAgreement(t);
    const view = (await call(t, 'GET', url(c.caseId), c.a.cookie)).json();
    expect(view.status).toBe('frozen');
    expect(view.frozenVersion).toBe(2);
    expect(view.can.edit).toBe(false);
    expect(view.can.sign).toBe(true);
    const pdf = await call(t, 'GET', url(c.caseId, '/pdf'), c.b.cookie);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const late = await call(t, 'POST', url(c.caseId, '/versions'), c.m.cookie, {
      basedOn: 2,
      terms: debtTerms(c.partyIds),
    });
    expect(late.json().code).toBe('agreement_frozen');
  });

  it('is the participants’ alone: a stranger and a court get 404 (R-MED-17)', async () => {
    const c = await frozenAgreement(t);
    const stranger = await registerUser(t);
    for (const tail of ['', '/pdf'])
      expect((await call(t, 'GET', url(c.caseId, tail), stranger.cookie)).statusCode).toBe(404);
    expect(
      (await call(t, 'POST', url(c.caseId, '/comments'), stranger.cookie, { version: 2, body: 'x' }))
        .statusCode,
    ).toBe(404);
  });
});

describe('signing with platform keys (R-SG-03) and verifying', () => {
  it('takes each signer once, refuses someone else’s key and other bytes, then verifies publicly', async () => {
    const c = await frozenAgreement(t);
    const [a, b, m] = [
      await platformSigner(t, c.a.cookie),
      await platformSigner(t, c.b.cookie),
      await platformSigner(t, c.m.cookie),
    ];

    const foreign = await signAs(t, c.caseId, a, b);
    expect(foreign.statusCode).toBe(422);
    expect(foreign.json().code).toBe('signature_refused');
    const tampered = await signAs(t, c.caseId, a, a, true);
    expect(tampered.json().code).toBe('signature_refused');
    expect(
      (await call(t, 'GET', url(c.caseId), c.a.cookie))
        .json()
        .signers.every((s: { signature: unknown }) => !s.signature),
    ).toBe(true);

    expect((await signAs(t, c.caseId, a)).statusCode).toBe(200);
    expect((await signAs(t, c.caseId, a)).json().code).toBe('agreement_already_signed_by_you');
    expect((await signAs(t, c.caseId, b)).statusCode).toBe(200);
    const last = await signAs(t, c.caseId, m);
    expect(last.statusCode).toBe(200);
    const view = last.json();
    expect(view.status).toBe('signed');
    expect(
      view.signers.map((s: { signature: { kind: string; position: number } }) => [
        s.signature.position,
        s.signature.kind,
      ]),
    ).toEqual(
      expect.arrayContaining([
        [1, 'simple'],
        [2, 'simple'],
        [3, 'simple'],
      ]),
    );

    const byHash = (await call(t, 'GET', `/api/verify/${c.hash}`)).json();
    expect(byHash).toMatchObject({ found: true, complete: true });
    expect(byHash.signatures).toHaveLength(3);
    const signed = (await call(t, 'GET', url(c.caseId, '/pdf'), c.a.cookie)).rawPayload;
    const upload = (body: Buffer) =>
      t.app.inject({
        method: 'POST',
        url: '/api/verify',
        headers: { 'content-type': 'application/pdf' },
        payload: body,
      });
    const checked = (await upload(signed)).json();
    expect(checked).toMatchObject({ found: true, fileMatches: true, complete: true });
    expect(checked.signatures.map((s: { valid: boolean }) => s.valid)).toEqual([true, true, true]);
    // One flipped byte inside the signed text: no longer the agreement anyone signed.
    const flipped = Buffer.from(signed);
    flipped[2000] = (flipped[2000] as number) ^ 1;
    const broken = (await upload(flipped)).json();
    expect(broken.complete).toBe(false);
    expect(broken.signatures.some((s: { valid: boolean }) => !s.valid)).toBe(true);
    expect((await upload(Buffer.from('not a pdf'))).statusCode).toBe(400);
  });
});

describe('bad input gets a clear 4xx, never a 500', () => {
  it('answers garbage signatures, hashes, versions and files with their problem codes', async () => {
    const c = await frozenAgreement(t);
    const prepared = (
      await call(t, 'POST', url(c.caseId, '/signing'), c.a.cookie, { method: 'platform' })
    ).json();
    const garbage = await call(t, 'POST', url(c.caseId, '/signatures'), c.a.cookie, {
      method: 'platform',
      basedOn: prepared.basedOn,
      cms: Buffer.from('not a signature at all').toString('base64'),
    });
    expect([garbage.statusCode, garbage.json().code]).toEqual([422, 'signature_refused']);
    expect(garbage.json().errors).toEqual([expect.objectContaining({ field: 'cms', code: 'malformed' })]);
    const stale = await call(t, 'POST', url(c.caseId, '/signatures'), c.a.cookie, {
      method: 'platform',
      basedOn: 'f'.repeat(64),
      cms: 'MIIBIjANBgkqhkiG9w0B',
    });
    expect(stale.json().code).toBe('agreement_pdf_changed');
    expect((await call(t, 'GET', `${url(c.caseId)}?version=999`, c.a.cookie)).json().code).toBe(
      'agreement_version_not_found',
    );
    const badHash = await call(t, 'POST', url(c.caseId, '/approve'), c.a.cookie, { version: 2, hash: 'xyz' });
    expect(badHash.statusCode).toBe(400);
    expect((await call(t, 'GET', '/api/verify/not-a-hash')).json().code).toBe('verify_hash_invalid');
    const unknown = (await call(t, 'GET', `/api/verify/${'0'.repeat(64)}`)).json();
    expect(unknown).toMatchObject({ found: false, signatures: [] });
    const text = await t.app.inject({
      method: 'POST',
      url: '/api/verify',
      headers: { 'content-type': 'text/plain' },
      payload: 'hello',
    });
    expect(text.statusCode).toBe(415);
  });
});

// Filing a signed agreement with a court (issue 6, R-CPC-04/06, R-MED-17): nothing reaches the
// court before every party consented; the court sees the package, never the mediation; its
// approval gives the plaintiff the state fee refund.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signedAgreement } from '../../../../test/agreements/flow.ts';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { call } from '../../../../test/cases.ts';
import { userWithRoles } from '../../../../test/factories.ts';
import { courts, users } from '../../db/schema/index.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 120_000);
afterAll(() => t.close());
beforeEach(() => t.reset());

const judgeOf = async (courtIndex: number) => {
  const judge = await userWithRoles(t, ['court_user']);
  const all = await t.ctx.db.select().from(courts).orderBy(courts.code);
  const court = all[courtIndex];
  if (!court) throw new Error('no seeded court');
  await t.ctx.db.update(users).set({ courtId: court.id }).where(eq(users.id, judge.me.id));
  await t.ctx.sessions.userChanged(judge.me.id);
  return { ...judge, courtId: court.id };
};

const entriesOf = (zip: Buffer) => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kelisim-zip-')), 'p.zip');
  fs.writeFileSync(file, zip);
  return execFileSync('unzip', ['-Z1', file], { encoding: 'utf8' }).trim().split('\n');
};

describe('filing with a court in Kelisim', () => {
  it('files only after both consents, lets the court approve, and shows the parties the refund', async () => {
    const c = await signedAgreement(t);
    // R-MED-21: everyone's signature ended the mediation as settled.
    expect((await call(t, 'GET', `/api/cases/${c.caseId}`, c.a.cookie)).json().status).toBe('settled');
    const judge = await judgeOf(0);
    const other = await judgeOf(1);
    const base = `/api/cases/${c.caseId}/agreement`;

    const byMediator = await call(t, 'POST', `${base}/filing`, c.m.cookie, {
      channel: 'in_app',
      courtId: judge.courtId,
    });
    expect(byMediator.json().code).toBe('filing_party_only');
    const requested = await call(t, 'POST', `${base}/filing`, c.a.cookie, {
      channel: 'in_app',
      courtId: judge.courtId,
    });
    expect(requested.statusCode).toBe(201);
    expect(requested.json().filing.status).toBe('awaiting_consent');
    expect(requested.json().can.consentFiling).toBe(false);
    // Before the other party's consent the court has nothing (R-MED-17).
    expect((await call(t, 'GET', '/api/court/filings', judge.cookie)).json()).toEqual([]);
    const filingId = requested.json().filing.id as string;
    expect(
      (await call(t, 'GET', `/api/court/filings/${filingId}/package.zip`, judge.cookie)).statusCode,
    ).toBe(404);

    expect((await call(t, 'GET', base, c.b.cookie)).json().can.consentFiling).toBe(true);
    const consented = await call(t, 'POST', `${base}/filing/consent`, c.b.cookie);
    expect(consented.json().filing.status).toBe('filed');

    const inbox = (await call(t, 'GET', '/api/court/filings', judge.cookie)).json();
    expect(inbox).toHaveLength(1);
    expect(inbox[0]).toMatchObject({ id: filingId, status: 'filed' });
    expect((await call(t, 'GET', '/api/court/filings', other.cookie)).json()).toEqual([]);
    expect(
      (await call(t, 'GET', `/api/court/filings/${filingId}/package.zip`, other.cookie)).statusCode,
    ).toBe(404);
    const pkg = await call(t, 'GET', `/api/court/filings/${filingId}/package.zip`, judge.cookie);
    expect(entriesOf(pkg.rawPayload)).toEqual(
      expect.arrayContaining([
        'agreement-signed.pdf',
        'filing.json',
        'filing.json.cms',
        'attestation.json',
        'manifest.json',
      ]),
    );
    // What the court gets is only what the parties signed and filed: no messages, no notes.
    expect(entriesOf(pkg.rawPayload).every((name) => !/message|note|caucus/i.test(name))).toBe(true);

    const decided = await call(t, 'POST', `/api/court/filings/${filingId}/decision`, judge.cookie, {
      decision: 'approve',
      rulingNumber: '2-1187/2026',
      rulingDate: '2026-11-24',
      stateFeeTiyn: 1_500_000,
    });
    expect(decided.statusCode).toBe(200);
    expect(decided.json().status).toBe('approved');
    const again = await call(t, 'POST', `/api/court/filings/${filingId}/decision`, judge.cookie, {
      decision: 'refuse',
      rulingDate: '2026-11-24',
      reason: 'Повторно',
    });
    expect(again.json().code).toBe('filing_already_decided');

    // R-CPC-04: the case ends as approved by the court.
    expect((await call(t, 'GET', `/api/cases/${c.caseId}`, c.a.cookie)).json().status).toBe(
      'approved_by_court',
    );
    const seen = (await call(t, 'GET', base, c.a.cookie)).json().filing;
    expect(seen.decision).toMatchObject({ approved: true, rulingNumber: '2-1187/2026' });
    // R-CPC-06: a case at first instance gets the whole fee back.
    expect(seen.decision.refund).toEqual({ stateFeeTiyn: 1_500_000, refundTiyn: 1_500_000, percent: 100 });
    const verified = (await call(t, 'GET', `/api/verify/${c.hash}`)).json();
    expect(verified.courtApproval).toEqual({ rulingNumber: '2-1187/2026', rulingDate: '2026-11-24' });
  });

  it('gives the participants the evidence package and refuses a court decision form without reasons', async () => {
    const c = await signedAgreement(t);
    const evidence = await call(t, 'GET', `/api/cases/${c.caseId}/agreement/evidence.zip`, c.b.cookie);
    expect(evidence.headers['content-type']).toBe('application/zip');
    const names = entriesOf(evidence.rawPayload);
    expect(names).toEqual(
      expect.arrayContaining(['agreement-signed.pdf', 'attestation.json', 'attestation.json.cms']),
    );
    expect(names.filter((n) => n.startsWith('signatures/') && n.endsWith('.cms'))).toHaveLength(3);
    const judge = await judgeOf(0);
    const refused = await call(
      t,
      'POST',
      '/api/court/filings/00000000-0000-4000-8000-000000000000/decision',
      judge.cookie,
      {
        decision: 'refuse',
        rulingDate: '2026-11-24',
      },
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors.map((e: { field: string }) => e.field)).toContain('reason');
  });

  it('files for download: the parties get the package, no court inbox receives it; no webhook unconfigured', async () => {
    const c = await signedAgreement(t);
    const judge = await judgeOf(0);
    const base = `/api/cases/${c.caseId}/agreement`;
    const webhook = await call(t, 'POST', `${base}/filing`, c.a.cookie, { channel: 'webhook' });
    expect(webhook.json().code).toBe('filing_webhook_unconfigured');
    expect((await call(t, 'POST', `${base}/filing`, c.a.cookie, { channel: 'download' })).statusCode).toBe(
      201,
    );
    expect((await call(t, 'GET', `${base}/filing/package.zip`, c.a.cookie)).statusCode).toBe(404);
    await call(t, 'POST', `${base}/filing/consent`, c.b.cookie);
    const pkg = await call(t, 'GET', `${base}/filing/package.zip`, c.b.cookie);
    expect(pkg.headers['content-type']).toBe('application/zip');
    expect(entriesOf(pkg.rawPayload)).toContain('filing.json');
    expect((await call(t, 'GET', '/api/court/filings', judge.cookie)).json()).toEqual([]);
  });
});

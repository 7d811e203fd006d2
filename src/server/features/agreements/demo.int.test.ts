// The demo (`npm start`) shows agreements made through the real use cases: a draft in the running
// mediation, and in the settled case one that everyone signed, verifiable in public.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { agreements, agreementVersions, cases } from '../../db/schema/index.ts';
import { seedDemoData } from '../../db/seed.ts';
import { seedDemoCases } from '../cases/demo.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemoData(t.ctx.db, 2 ** 10);
  await seedDemoCases(t.ctx);
}, 180_000);
afterAll(() => t.close());

describe('demo agreements', () => {
  it('has a signed agreement in the settled case and a draft in the running one', async () => {
    const rows = await t.ctx.db
      .select({
        status: agreements.status,
        caseStatus: cases.status,
        id: agreements.id,
        frozen: agreements.frozenVersion,
      })
      .from(agreements)
      .innerJoin(cases, eq(cases.id, agreements.caseId));
    expect(rows.map((r) => [r.caseStatus, r.status]).sort()).toEqual([
      ['active', 'drafting'],
      ['settled', 'signed'],
    ]);
    const signed = rows.find((r) => r.status === 'signed');
    const [version] = await t.ctx.db
      .select({ hash: agreementVersions.hash })
      .from(agreementVersions)
      .where(eq(agreementVersions.agreementId, signed?.id ?? ''));
    const report = (await t.app.inject(`/api/verify/${version?.hash}`)).json();
    expect(report).toMatchObject({ found: true, complete: true });
    expect(report.signatures).toHaveLength(3);
  });
});

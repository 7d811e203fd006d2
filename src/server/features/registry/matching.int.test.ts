import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import { type CaseNeeds, type MediatorRecord, rankMediators } from '../../../core/registry/matching.ts';
import { DISPUTE_CATEGORIES, REGIONS } from '../../../core/registry/reference.ts';
import { mediators } from '../../db/schema/index.ts';
import { seedDemoData } from '../../db/seed.ts';
import { matchMediators } from './queries.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemoData(t.ctx.db, 2 ** 10);
});
afterAll(() => t.close());

describe('demo registry', () => {
  it('lists about forty mediators of both kinds and three languages; the suspended one is hidden', async () => {
    const listed = (await t.app.inject('/api/registry/mediators?limit=50')).json();
    expect(listed.total).toBe(39);
    const all = listed.mediators as {
      kind: string;
      languages: string[];
      organisation: { name: string } | null;
    }[];
    expect(new Set(all.map((m) => m.kind))).toEqual(new Set(['professional', 'public']));
    for (const language of ['kk', 'ru', 'en'])
      expect(all.some((m) => m.languages.includes(language))).toBe(true);
    expect(new Set(all.flatMap((m) => (m.organisation ? [m.organisation.name] : []))).size).toBe(2);
    const organisations = (await t.app.inject('/api/registry/organisations')).json().organisations;
    expect(organisations).toHaveLength(2);
  });
});

describe('matching in the database agrees with the core score', () => {
  it('ranks exactly as core/registry/matching.ts over the whole registry, for any case', async () => {
    const rows = await t.ctx.db.select().from(mediators);
    const records = rows.filter((r) => r.status === 'approved') as unknown as MediatorRecord[];
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          category: fc.constantFrom(...DISPUTE_CATEGORIES),
          language: fc.constantFrom('kk' as const, 'ru' as const, 'en' as const, 'uz' as const),
          region: fc.constantFrom(...REGIONS),
          remote: fc.boolean(),
          wantsPublic: fc.boolean(),
        }),
        async (needs: CaseNeeds) => {
          const fromDb = await matchMediators(t.ctx, needs);
          const fromCore = rankMediators(needs, records);
          expect(fromDb.map((m) => m.id)).toEqual(fromCore.map((m) => m.mediator.id));
          expect(fromDb.map((m) => m.score)).toEqual(fromCore.map((m) => m.score));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('explains each suggestion through the public API', async () => {
    const response = await t.app.inject(
      '/api/registry/match?category=family&language=kk&region=north_kazakhstan&remote=true&wantsPublic=false',
    );
    const [best] = response.json().suggestions;
    expect(best.factors.map((f: { factor: string }) => f.factor)).toContain('specialisation');
    expect(best.score).toBeGreaterThan(0);
  });
});

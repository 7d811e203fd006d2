import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.ts';
import {
  type CaseNeeds,
  type MediatorRecord,
  rankMediators,
  referenceMask,
} from '../../../core/registry/matching.ts';
import { DISPUTE_CATEGORIES, MEDIATION_LANGUAGES, REGIONS } from '../../../core/registry/reference.ts';
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
          // A party's objection takes a mediator out; the next one moves up, as in core.
          const objected = fromCore.slice(0, 1).map((m) => m.mediator.id);
          const without = await matchMediators(t.ctx, needs, 10, 'kk', objected);
          const coreWithout = rankMediators(
            needs,
            records.filter((r) => !objected.includes(r.id)),
          );
          expect(without.map((m) => m.id)).toEqual(coreWithout.map((m) => m.mediator.id));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('keeps the masks it filters on equal to the core encoding of the arrays', async () => {
    const rows = await t.ctx.db.select().from(mediators);
    expect(rows.length).toBeGreaterThan(30);
    for (const r of rows) {
      expect(r.languageMask).toBe(referenceMask(MEDIATION_LANGUAGES, r.languages as never[]));
      expect(r.regionMask).toBe(referenceMask(REGIONS, r.regions as never[]));
      expect(r.categoryMask).toBe(referenceMask(DISPUTE_CATEGORIES, r.categories as never[]));
    }
    // And after a change of the arrays, through the generated columns.
    const [first] = rows;
    if (!first) return;
    const [changed] = await t.ctx.db
      .update(mediators)
      .set({ regions: ['ulytau', 'astana'], languages: ['uk'] })
      .where(eq(mediators.id, first.id))
      .returning();
    expect(changed?.regionMask).toBe(referenceMask(REGIONS, ['astana', 'ulytau']));
    expect(changed?.languageMask).toBe(referenceMask(MEDIATION_LANGUAGES, ['uk']));
    await t.ctx.db
      .update(mediators)
      .set({ regions: first.regions, languages: first.languages })
      .where(eq(mediators.id, first.id));
  });

  it('finds in the public search exactly the listed mediators whose arrays match the filters', async () => {
    const rows = await t.ctx.db.select().from(mediators);
    const listed = rows.filter((r) => r.status === 'approved');
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...DISPUTE_CATEGORIES),
        fc.constantFrom('kk', 'ru', 'en'),
        fc.option(fc.constantFrom(...REGIONS), { nil: undefined }),
        fc.boolean(),
        async (category, language, region, remote) => {
          const query = new URLSearchParams({ category, language, limit: '50' });
          if (region) query.set('region', region);
          if (remote) query.set('remote', 'true');
          const found = (await t.app.inject(`/api/registry/mediators?${query}`)).json();
          const expected = listed.filter(
            (m) =>
              m.categories.includes(category) &&
              m.languages.includes(language) &&
              (region ? m.regions.includes(region) || (remote && m.remote) : !remote || m.remote),
          );
          expect(found.total).toBe(expected.length);
          expect(new Set(found.mediators.map((m: { id: string }) => m.id))).toEqual(
            new Set(expected.map((m) => m.id)),
          );
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

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CaseNeeds,
  exclusion,
  explainScore,
  type MediatorRecord,
  nextInRotation,
  rankMediators,
  referenceBit,
  referenceMask,
} from './matching.ts';
import { DISPUTE_CATEGORIES, MEDIATION_LANGUAGES, REGIONS } from './reference.ts';

const needs: CaseNeeds = {
  category: 'family',
  language: 'kk',
  region: 'north_kazakhstan',
  remote: true,
  wantsPublic: false,
};
const mediator = (overrides: Partial<MediatorRecord> = {}): MediatorRecord => ({
  id: 'm1',
  kind: 'professional',
  categories: ['family'],
  languages: ['kk', 'ru'],
  regions: ['north_kazakhstan'],
  remote: true,
  inPerson: true,
  activeCases: 2,
  capacity: 10,
  completedCases: 12,
  settledCases: 8,
  ratingSum: 40,
  ratingCount: 9,
  upheldComplaints: 0,
  ...overrides,
});

const arbitraryMediator = fc
  .record({
    id: fc.uuid(),
    kind: fc.constantFrom('professional' as const, 'public' as const),
    categories: fc.subarray(['family', 'labour', 'civil', 'commercial'] as const),
    languages: fc.constant(['kk'] as const),
    regions: fc.subarray(['north_kazakhstan', 'astana', 'almaty'] as const),
    remote: fc.boolean(),
    inPerson: fc.boolean(),
    activeCases: fc.integer({ min: 0, max: 20 }),
    capacity: fc.integer({ min: 1, max: 20 }),
    completedCases: fc.integer({ min: 0, max: 200 }),
    settledCases: fc.integer({ min: 0, max: 200 }),
    ratingSum: fc.integer({ min: 0, max: 1000 }),
    ratingCount: fc.integer({ min: 0, max: 200 }),
    upheldComplaints: fc.integer({ min: 0, max: 10 }),
  })
  .map((m) => ({
    ...m,
    settledCases: Math.min(m.settledCases, m.completedCases),
    ratingSum: Math.min(Math.max(m.ratingSum, m.ratingCount), 5 * m.ratingCount),
  }));

const score = (m: MediatorRecord) => explainScore(needs, m).score;

describe('matching: who can take the case (hard filters)', () => {
  it('needs a common language, a public mediator when asked, the region unless remote, and free capacity', () => {
    expect(exclusion(needs, mediator())).toBeNull();
    expect(exclusion(needs, mediator({ languages: ['ru'] }))).toBe('language');
    expect(exclusion({ ...needs, wantsPublic: true }, mediator())).toBe('not_public');
    expect(exclusion({ ...needs, remote: false }, mediator({ regions: ['astana'] }))).toBe('region');
    expect(exclusion(needs, mediator({ regions: ['astana'], remote: true }))).toBeNull();
    expect(exclusion(needs, mediator({ activeCases: 10 }))).toBe('full');
  });
});

describe('matching: the score is monotonic in each factor', () => {
  it('a specialisation or serving the region never lowers the score', () => {
    fc.assert(
      fc.property(arbitraryMediator, (m) => {
        expect(score({ ...m, categories: [...m.categories, 'family'] })).toBeGreaterThanOrEqual(
          score({ ...m, categories: m.categories.filter((c) => c !== 'family') }),
        );
        expect(score({ ...m, regions: [...m.regions, 'north_kazakhstan'] })).toBeGreaterThanOrEqual(
          score({ ...m, regions: m.regions.filter((r) => r !== 'north_kazakhstan') }),
        );
      }),
    );
  });

  it('one more active case never raises it; one more settled case or higher rating never lowers it', () => {
    fc.assert(
      fc.property(arbitraryMediator, (m) => {
        expect(score({ ...m, activeCases: m.activeCases + 1 })).toBeLessThanOrEqual(score(m));
        expect(
          score({ ...m, completedCases: m.completedCases + 1, settledCases: m.settledCases + 1 }),
        ).toBeGreaterThanOrEqual(score(m));
        if (m.ratingCount > 0 && m.ratingSum < 5 * m.ratingCount)
          expect(score({ ...m, ratingSum: m.ratingSum + 1 })).toBeGreaterThanOrEqual(score(m));
      }),
    );
  });

  it('an upheld complaint never raises it', () => {
    fc.assert(
      fc.property(arbitraryMediator, (m) => {
        expect(score({ ...m, upheldComplaints: m.upheldComplaints + 1 })).toBeLessThanOrEqual(score(m));
      }),
    );
  });

  it('explains itself: the contributions add up to the score', () => {
    const { score: total, factors } = explainScore(needs, mediator({ upheldComplaints: 1 }));
    expect(factors.map((f) => f.factor)).toEqual([
      'specialisation',
      'region',
      'availability',
      'experience',
      'settlement',
      'rating',
      'complaints',
    ]);
    expect(factors.reduce((s, f) => s + f.contribution, 0)).toBeCloseTo(total, 3);
  });

  it('ranks a specialist above a generalist and leaves out those who cannot take the case', () => {
    const ranked = rankMediators(needs, [
      mediator({ id: 'generalist', categories: ['civil'] }),
      mediator({ id: 'specialist' }),
      mediator({ id: 'russian-only', languages: ['ru'] }),
    ]);
    expect(ranked.map((r) => r.mediator.id)).toEqual(['specialist', 'generalist']);
  });
});

describe('rotation of court referrals', () => {
  it('gives every eligible mediator a share within ±1 over N referrals', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 100 }), (size, n) => {
        const pool = Array.from({ length: size }, (_, i) => ({
          id: `m${i}`,
          referrals: 0,
          lastReferredAt: null as string | null,
        }));
        for (let k = 0; k < n; k++) {
          const next = nextInRotation(pool);
          if (!next) throw new Error('empty pool');
          next.referrals += 1;
          next.lastReferredAt = new Date(Date.UTC(2026, 0, 1, 0, 0, k)).toISOString();
        }
        const shares = pool.map((m) => m.referrals);
        expect(Math.max(...shares) - Math.min(...shares)).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('reference masks (what the database filters on instead of the arrays)', () => {
  const lists = [REGIONS, DISPUTE_CATEGORIES, MEDIATION_LANGUAGES] as readonly (readonly string[])[];

  it('gives every code of a list its own bit, within a positive 32-bit integer', () => {
    for (const list of lists) {
      const bits = list.map((code) => referenceBit(list, code));
      expect(new Set(bits).size).toBe(list.length);
      for (const bit of bits) expect(Math.log2(bit) % 1).toBe(0);
      expect(referenceMask(list, list)).toBeLessThan(2 ** 31);
    }
    expect(() => referenceBit(REGIONS, 'atlantis' as never)).toThrow(RangeError);
  });

  it('has the bit of a code exactly when the array holds the code', () => {
    fc.assert(
      fc.property(
        fc
          .constantFrom(...lists)
          .chain((list) => fc.tuple(fc.constant(list), fc.subarray([...list]), fc.constantFrom(...list))),
        ([list, codes, code]) => {
          const mask = referenceMask(list, codes);
          expect((mask & referenceBit(list, code)) !== 0).toBe(codes.includes(code));
          expect(referenceMask(list, [...codes, ...codes])).toBe(mask);
        },
      ),
    );
  });
});

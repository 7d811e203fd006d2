import { describe, expect, it } from 'vitest';
import type { DisputeCategory } from '../registry/reference.ts';
import { DISPUTE_CATEGORIES } from '../registry/reference.ts';
import { COURT_STAGES, PROCEEDING_TYPES, type ProceedingType } from './court.ts';
import { courtReferralCheck } from './explorer.ts';

// What the court-referral feature asks: may a court send this pending case to mediation, and why.

describe('courtReferralCheck', () => {
  const expected: Record<
    ProceedingType,
    (category: DisputeCategory) => { allowed: boolean; rules: string[] }
  > = {
    claim: () => ({ allowed: true, rules: ['R-CPC-01'] }),
    court_order: () => ({ allowed: false, rules: ['R-CPC-02'] }),
    special_claim: () => ({ allowed: false, rules: ['R-CPC-02'] }),
    special: () => ({ allowed: false, rules: ['R-CPC-02'] }),
    administrative: () => ({ allowed: true, rules: ['R-ADM-01'] }),
    criminal: (category) => ({ allowed: category === 'criminal', rules: ['R-MED-02'] }),
    enforcement: () => ({ allowed: true, rules: ['R-MED-02'] }),
  };

  it.each(PROCEEDING_TYPES)('%s proceedings, every stage and category', (proceeding) => {
    for (const stage of COURT_STAGES)
      for (const category of DISPUTE_CATEGORIES)
        expect(courtReferralCheck({ proceeding, stage, category }), `${stage} ${category}`).toEqual(
          expected[proceeding](category),
        );
  });
});

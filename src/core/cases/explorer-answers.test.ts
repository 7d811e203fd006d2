import { describe, expect, it } from 'vitest';
import { answerProblems, completeAnswers } from './explorer.ts';

// Which questions a visitor still has to answer: the server's contract and the page both ask this.

describe('answerProblems', () => {
  it('asks for the category first, and for the questions every dispute has', () => {
    expect(answerProblems({})).toEqual([
      { field: 'category', code: 'required' },
      { field: 'court.inCourt', code: 'required' },
      { field: 'thirdPartiesAffected', code: 'required' },
      { field: 'partyLacksCapacity', code: 'required' },
    ]);
  });

  it('asks the questions of the chosen category', () => {
    const base = { court: { inCourt: false }, thirdPartiesAffected: false, partyLacksCapacity: false };
    expect(answerProblems({ ...base, category: 'family', familyTopics: [] })).toEqual([
      { field: 'familyTopics', code: 'choose_at_least_one' },
    ]);
    expect(answerProblems({ ...base, category: 'labour' })).toEqual([
      { field: 'labourEmployer', code: 'required' },
    ]);
    expect(answerProblems({ ...base, category: 'administrative' })).toEqual([
      { field: 'discretion', code: 'required' },
    ]);
    expect(answerProblems({ ...base, category: 'criminal' })).toEqual([
      { field: 'criminal', code: 'required' },
    ]);
    expect(
      answerProblems({ ...base, category: 'criminal', criminal: { gravity: 'grave', exclusions: [] } }),
    ).toEqual([
      { field: 'criminal.deathCaused', code: 'required' },
      { field: 'criminal.graveHarm', code: 'required' },
      { field: 'criminal.firstOffence', code: 'required' },
      { field: 'criminal.offenderStatus', code: 'required' },
    ]);
    // The Art. 68(2) questions are not asked for lighter crimes.
    expect(
      answerProblems({
        ...base,
        category: 'criminal',
        criminal: { gravity: 'medium', deathCaused: false, exclusions: [] },
      }),
    ).toEqual([]);
  });

  it('refuses court proceedings or stages the category cannot have, and silly amounts', () => {
    const base = { thirdPartiesAffected: false, partyLacksCapacity: false };
    expect(answerProblems({ ...base, category: 'civil', court: { inCourt: true } })).toEqual([
      { field: 'court.proceeding', code: 'required' },
    ]);
    expect(
      answerProblems({ ...base, category: 'civil', court: { inCourt: true, proceeding: 'criminal' } }),
    ).toEqual([{ field: 'court.proceeding', code: 'invalid_value' }]);
    expect(
      answerProblems({ ...base, category: 'civil', court: { inCourt: true, proceeding: 'claim' } }),
    ).toEqual([{ field: 'court.stage', code: 'required' }]);
    expect(
      answerProblems({
        ...base,
        category: 'criminal',
        criminal: { gravity: 'minor', deathCaused: false, exclusions: [] },
        court: { inCourt: true, proceeding: 'criminal', stage: 'claim_acceptance' },
      }),
    ).toEqual([{ field: 'court.stage', code: 'invalid_value' }]);
    expect(
      answerProblems({ ...base, category: 'civil', court: { inCourt: true, proceeding: 'enforcement' } }),
    ).toEqual([]);
    expect(
      answerProblems({ ...base, category: 'civil', court: { inCourt: false }, claim: { amountKzt: 0 } }),
    ).toEqual([{ field: 'claim.amountKzt', code: 'too_small' }]);
    expect(
      answerProblems({
        ...base,
        category: 'civil',
        court: { inCourt: false },
        claim: { amountKzt: 10 ** 13 },
      }),
    ).toEqual([{ field: 'claim.amountKzt', code: 'too_big' }]);
  });
});

describe('completeAnswers', () => {
  it('gives typed answers only once nothing is missing', () => {
    const draft = { category: 'family', familyTopics: ['alimony'], court: { inCourt: false } } as const;
    expect(completeAnswers(draft)).toBeNull();
    expect(completeAnswers({ ...draft, thirdPartiesAffected: false, partyLacksCapacity: false })).toEqual({
      ...draft,
      familyTopics: ['alimony'],
      thirdPartiesAffected: false,
      partyLacksCapacity: false,
    });
  });
});

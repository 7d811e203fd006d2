import { describe, expect, it } from 'vitest';
import { answerProblems, completeAnswers, exploreDispute } from '../../../core/cases/explorer.ts';
import {
  EMPTY_FORM,
  type FormState,
  parseAmount,
  problemsByField,
  toDraft,
  visibleQuestions,
} from './form-state.ts';

// What the page hands to the engine: the answers on screen, nothing hidden behind an earlier choice.

const form = (patch: Partial<FormState>): FormState => ({ ...EMPTY_FORM, ...patch });
const mediumCrime = form({
  category: 'criminal',
  gravity: 'medium',
  deathCaused: 'no',
  inCourt: 'no',
  thirdParties: 'no',
  capacity: 'no',
});

describe('the explorer form', () => {
  it('asks only the category at first, and says so question by question', () => {
    expect(problemsByField(answerProblems(toDraft(EMPTY_FORM)))).toEqual({
      category: 'required',
      inCourt: 'required',
      thirdParties: 'required',
      capacity: 'required',
    });
  });

  it('turns a complete criminal questionnaire into answers the engine accepts', () => {
    const answers = completeAnswers(toDraft(mediumCrime));
    expect(answers).toEqual({
      category: 'criminal',
      criminal: { gravity: 'medium', deathCaused: false, exclusions: [] },
      court: { inCourt: false },
      thirdPartiesAffected: false,
      partyLacksCapacity: false,
    });
    expect(answers && exploreDispute(answers, { year: 2026 }).verdict).toBe('yes');
  });

  it('asks the Art. 68(2) questions once the crime is grave', () => {
    const grave = form({ ...mediumCrime, gravity: 'grave' });
    expect(visibleQuestions(grave).grave).toBe(true);
    expect(problemsByField(answerProblems(toDraft(grave)))).toEqual({
      graveHarm: 'required',
      firstOffence: 'required',
      offenderStatus: 'required',
    });
  });

  it('forgets answers to questions no longer on screen', () => {
    const civil = form({
      ...mediumCrime,
      category: 'civil',
      exclusions: ['corruption'],
      inCourt: 'yes',
      proceeding: 'claim',
      stage: 'cassation',
      amount: '1 500 000',
      claimant: 'legal_entity',
    });
    const draft = toDraft(civil);
    expect(draft.criminal).toBeUndefined();
    expect(draft.court).toEqual({ inCourt: true, proceeding: 'claim', stage: 'cassation' });
    expect(draft.claim).toEqual({ amountKzt: 1_500_000, claimant: 'legal_entity' });
    // A criminal case in court is always in criminal proceedings, whatever was picked before.
    expect(toDraft({ ...civil, category: 'criminal', stage: 'appeal' }).court).toEqual({
      inCourt: true,
      proceeding: 'criminal',
      stage: 'appeal',
    });
    // A stage that the new proceedings do not have is not an answer.
    expect(toDraft({ ...civil, proceeding: 'enforcement' }).court).toEqual({
      inCourt: true,
      proceeding: 'enforcement',
      stage: undefined,
    });
  });

  it('reads amounts typed with spaces and refuses anything but whole tenge', () => {
    expect(parseAmount('')).toBeUndefined();
    expect(parseAmount(' 1 200 000 ')).toBe(1_200_000);
    expect(parseAmount('1\u00a0200')).toBe(1200);
    expect(parseAmount('12,5')).toBeNaN();
    const draft = toDraft(
      form({ category: 'civil', amount: '12.5', inCourt: 'no', thirdParties: 'no', capacity: 'no' }),
    );
    expect(problemsByField(answerProblems(draft))).toEqual({ amount: 'too_small' });
  });
});

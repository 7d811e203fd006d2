import { describe, expect, it } from 'vitest';
import { ageOn, eligibilityProblems, type MediatorApplicationFacts } from './eligibility.ts';

const professional: MediatorApplicationFacts = {
  kind: 'professional',
  birthDate: '1990-05-15',
  onDate: '2026-11-24',
  higherEducation: true,
  trainings: [{ title: 'General course', hours: 72, kind: 'general' }],
  organisationId: 'org-1',
  fee: { type: 'hourly', amountKzt: 15000 },
};

describe('registry eligibility', () => {
  it('counts full years, the birthday itself included', () => {
    expect(ageOn('2001-11-24', '2026-11-24')).toBe(25);
    expect(ageOn('2001-11-25', '2026-11-24')).toBe(24);
  });

  it('accepts a professional mediator meeting R-MED-12 and R-MED-13', () => {
    expect(eligibilityProblems(professional)).toEqual([]);
  });

  it('refuses a professional under 25 (R-MED-12) and under 72 general-course hours (R-MED-13)', () => {
    const problems = eligibilityProblems({
      ...professional,
      birthDate: '2001-11-25',
      trainings: [
        { title: 'General', hours: 40, kind: 'general' },
        { title: 'Family', hours: 40, kind: 'specialised' },
      ],
    });
    expect(problems).toEqual([
      { field: 'birthDate', code: 'mediator_too_young', rule: 'R-MED-12', params: { minimum: 25 } },
      { field: 'trainings', code: 'training_hours_too_few', rule: 'R-MED-13', params: { minimum: 72 } },
    ]);
  });

  it('refuses a fee on a public mediator (R-MED-14) and requires the akimat that registered them', () => {
    const problems = eligibilityProblems({
      ...professional,
      kind: 'public',
      akimat: null,
      fee: { type: 'fixed', amountKzt: 5000 },
    });
    expect(problems.map((p) => [p.code, p.rule])).toEqual([
      ['akimat_required', 'R-MED-14'],
      ['public_mediator_is_free', 'R-MED-14'],
    ]);
  });
});

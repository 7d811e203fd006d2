import type { MediationRuleId } from '../law/mediation-law.ts';
import type { MediatorKind } from './reference.ts';

// Who may be entered in the registry. Each refusal names the field and the rule that refused it,
// so the form can show the error next to the field and the rule text as the "why".
export const PROFESSIONAL_MIN_AGE = 25; // R-MED-12
export const GENERAL_COURSE_MIN_HOURS = 72; // R-MED-13

export type Training = { title: string; hours: number; kind: 'general' | 'specialised' | 'trainer' };

export type MediatorApplicationFacts = {
  kind: MediatorKind;
  birthDate: string;
  /** The day the application is judged: submission or verification. */
  onDate: string;
  higherEducation: boolean;
  trainings: Training[];
  organisationId?: string | null;
  akimat?: string | null;
  fee: { type: 'free' } | { type: 'hourly' | 'fixed'; amountKzt: number };
};

export type EligibilityProblem = {
  field: string;
  code: string;
  rule: MediationRuleId;
  params?: Record<string, number>;
};

/** Full years between a birth date and a day, both ISO dates (a birthday counts on the day itself). */
export const ageOn = (birthDate: string, onDate: string) => {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = onDate.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
};

export const generalCourseHours = (trainings: Training[]) =>
  trainings.filter((t) => t.kind === 'general').reduce((sum, t) => sum + t.hours, 0);

export const eligibilityProblems = (facts: MediatorApplicationFacts): EligibilityProblem[] => {
  const problems: EligibilityProblem[] = [];
  if (facts.kind === 'professional') {
    if (ageOn(facts.birthDate, facts.onDate) < PROFESSIONAL_MIN_AGE) {
      problems.push({
        field: 'birthDate',
        code: 'mediator_too_young',
        rule: 'R-MED-12',
        params: { minimum: PROFESSIONAL_MIN_AGE },
      });
    }
    if (!facts.higherEducation)
      problems.push({ field: 'higherEducation', code: 'higher_education_required', rule: 'R-MED-12' });
    if (generalCourseHours(facts.trainings) < GENERAL_COURSE_MIN_HOURS) {
      problems.push({
        field: 'trainings',
        code: 'training_hours_too_few',
        rule: 'R-MED-13',
        params: { minimum: GENERAL_COURSE_MIN_HOURS },
      });
    }
    if (!facts.organisationId)
      problems.push({ field: 'organisationId', code: 'mediator_organisation_required', rule: 'R-MED-12' });
    if (facts.fee.type === 'free') return problems;
    if (!(facts.fee.amountKzt > 0))
      problems.push({ field: 'fee', code: 'fee_amount_required', rule: 'R-MED-18' });
    return problems;
  }
  if (!facts.akimat) problems.push({ field: 'akimat', code: 'akimat_required', rule: 'R-MED-14' });
  if (facts.fee.type !== 'free')
    problems.push({ field: 'fee', code: 'public_mediator_is_free', rule: 'R-MED-14' });
  return problems;
};

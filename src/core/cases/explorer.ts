import { type Citation, citation, type RuleId } from '../law/index.ts';
import type { DisputeCategory } from '../registry/reference.ts';
import type { ExplorerAnswers } from './explorer-answers.ts';
import { type Finding, factsOf, findingsOf } from './explorer-findings.ts';
import {
  type Alternative,
  alternativesOf,
  type Cost,
  costOf,
  type Duration,
  durationOf,
  type Step,
  stepsOf,
} from './explorer-plan.ts';

// "Can my dispute be mediated?" — the whole answer from the questionnaire's answers, with every
// rule that fired. Pure: the server's POST /api/explorer and the public page in the browser run
// this same function and get the same result.

export const VERDICTS = ['yes', 'yes_with_conditions', 'no'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** Which body of rules the dispute is judged and run under. */
export const FRAMEWORKS = [
  'mediation_law',
  'civil_procedure',
  'administrative_procedure',
  'criminal_law',
  'enforcement',
] as const;
export type Framework = (typeof FRAMEWORKS)[number];

export type ExplorerResult = {
  verdict: Verdict;
  category: DisputeCategory;
  framework: Framework;
  /** Why: each finding names its rule and its effect on the verdict. On "no", only the reasons against. */
  findings: Finding[];
  /** What happens next (empty on "no"). */
  steps: Step[];
  duration: Duration | null;
  cost: Cost | null;
  /** What else can be done when mediation is ruled out (empty otherwise). */
  alternatives: Alternative[];
  /** Every rule cited above, once, with its text, source and the administrators' "verify" flag. */
  rules: Citation[];
  /** The category a new request should be filed under, when mediation is possible. */
  requestCategory: DisputeCategory | null;
};

// Kazakhstan is on UTC+5 everywhere since 1 March 2024: the year turns at 19:00 UTC on 31 December.
const KZ_OFFSET_MS = 5 * 3600 * 1000;

/** The calendar year in Kazakhstan at a moment (the MRP in force is that year's). */
export const kazakhstanYear = (now: Date) => new Date(now.getTime() + KZ_OFFSET_MS).getUTCFullYear();

export type ExploreOptions = {
  /** The year whose MRP prices MRP-based fees (the caller's clock; core reads no clock). */
  year: number;
};

const verdictOf = (findings: readonly Finding[]): Verdict => {
  if (findings.some((f) => f.effect === 'excludes')) return 'no';
  return findings.some((f) => f.effect === 'conditions') ? 'yes_with_conditions' : 'yes';
};

const frameworkOf = (answers: ExplorerAnswers): Framework => {
  if (answers.category === 'criminal') return 'criminal_law';
  const { inCourt, proceeding } = answers.court;
  if (inCourt && proceeding === 'enforcement') return 'enforcement';
  if (answers.category === 'administrative') return 'administrative_procedure';
  return inCourt ? 'civil_procedure' : 'mediation_law';
};

const uniqueRules = (ids: readonly RuleId[]): Citation[] => [...new Set(ids)].map(citation);

export const exploreDispute = (answers: ExplorerAnswers, options: ExploreOptions): ExplorerResult => {
  const facts = factsOf(answers);
  const all = findingsOf(facts);
  const verdict = verdictOf(all);
  const base = { verdict, category: answers.category, framework: frameworkOf(answers) };
  if (verdict === 'no') {
    const findings = all.filter((f) => f.effect === 'excludes');
    const alternatives = alternativesOf(facts, findings);
    const ruleIds = [
      ...findings.map((f) => f.rule),
      ...alternatives.flatMap((a) => (a.rule ? [a.rule] : [])),
    ];
    return {
      ...base,
      findings,
      steps: [],
      duration: null,
      cost: null,
      alternatives,
      rules: uniqueRules(ruleIds),
      requestCategory: null,
    };
  }
  const steps = stepsOf(facts);
  const duration = durationOf(facts);
  const cost = costOf(facts, options.year);
  const ruleIds = [...all.map((f) => f.rule), ...steps.map((s) => s.rule), ...duration.rules, ...cost.rules];
  return {
    ...base,
    findings: all,
    steps,
    duration,
    cost,
    alternatives: [],
    rules: uniqueRules(ruleIds),
    requestCategory: answers.category,
  };
};

export {
  type AnswerProblem,
  type AnswerProblemCode,
  answerProblems,
  CLAIMANT_KINDS,
  type ClaimAnswer,
  type ClaimantKind,
  type CourtAnswer,
  type CriminalAnswers,
  completeAnswers,
  type ExplorerAnswers,
  type ExplorerDraft,
  MAX_CLAIM_KZT,
  PROCEEDINGS_BY_CATEGORY,
  STAGES_BY_PROCEEDING,
} from './explorer-answers.ts';
export {
  COURT_REFERRAL_TABLE,
  type CourtReferralCheck,
  type CourtReferralInput,
  courtReferralCheck,
} from './explorer-court.ts';
export { EFFECTS, type Effect, FINDING_CODES, type Finding, type FindingCode } from './explorer-findings.ts';
export {
  ALTERNATIVE_CODES,
  type Alternative,
  type AlternativeCode,
  type Cost,
  type Duration,
  type FeeRefund,
  STEP_CODES,
  type StateFee,
  type Step,
  type StepCode,
} from './explorer-plan.ts';

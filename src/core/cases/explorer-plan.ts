import {
  CLAIM_ACCEPTANCE_WORKING_DAYS,
  FEE_REFUND_PERCENT,
  type FeeExemptClaim,
  FIRST_INSTANCE_STAGES,
  mrpFor,
  NON_PROPERTY_CLAIM_FEE_MRP,
  PROPERTY_CLAIM_FEE_PERCENT,
  SHORT_TRIAL_SUBJECTS,
  TRIAL_TERM_MONTHS,
} from '../law/civil-procedure.ts';
import type { RuleId } from '../law/index.ts';
import { CONCILIATION_COMMISSION, NON_PROPERTY_FAMILY_TOPICS } from '../law/sectoral.ts';
import type { CourtStage } from './court.ts';
import type { ClaimantKind } from './explorer-answers.ts';
import type { Facts, Finding, FindingCode } from './explorer-findings.ts';

// What happens next, how long it takes, what it costs, and — when mediation is ruled out — what
// else a person can do. Steps and alternatives are tables; durations and fees come from the law
// tables' figures.

// The written proposal's reply window (R-MED-10) and the out-of-court term (R-MED-11).
export const REPLY_DAYS = 10;
export const OUT_OF_COURT_DAYS = 30;
export const EXTENSION_DAYS = 30;

export const STEP_CODES = [
  'safety_screening',
  'conciliation_commission',
  'tell_prosecutor',
  'tell_court',
  'tell_enforcement_officer',
  'ask_body',
  'propose',
  'choose_mediator',
  'sign_contract',
  'sessions',
  'sessions_procedural',
  'make_good_harm',
  'settlement',
  'alimony_agreement',
  'release_mandatory',
  'release_discretionary',
  'court_approval',
  'court_approval_optional',
] as const;
export type StepCode = (typeof STEP_CODES)[number];
export type Step = { code: StepCode; rule: RuleId; params?: Record<string, number> };

const inCourt = (f: Facts) => f.court !== null;
const proceedingIs = (proceeding: string) => (f: Facts) => f.court?.proceeding === proceeding;
const isCriminal = (f: Facts) => f.answers.category === 'criminal';
const outOfCourtCivil = (f: Facts) => !inCourt(f) && !isCriminal(f);
const needsCommission = (f: Facts) =>
  f.answers.category === 'labour' &&
  CONCILIATION_COMMISSION[f.answers.labourEmployer ?? 'unknown'] !== 'exempt';

type StepRow = Step & { when: (f: Facts) => boolean };
const STEP_ROWS: readonly StepRow[] = [
  { code: 'safety_screening', rule: 'R-FAM-02', when: (f) => f.answers.category === 'family' },
  { code: 'conciliation_commission', rule: 'R-LAB-01', when: needsCommission },
  { code: 'tell_prosecutor', rule: 'R-MED-09', when: (f) => isCriminal(f) && !inCourt(f) },
  {
    code: 'tell_court',
    rule: 'R-MED-09',
    when: (f) => inCourt(f) && f.court?.proceeding !== 'enforcement',
  },
  { code: 'tell_enforcement_officer', rule: 'R-MED-02', when: proceedingIs('enforcement') },
  { code: 'ask_body', rule: 'R-MED-05', when: (f) => f.answers.category === 'administrative' && !inCourt(f) },
  { code: 'propose', rule: 'R-MED-10', params: { days: REPLY_DAYS }, when: () => true },
  { code: 'choose_mediator', rule: 'R-MED-14', when: () => true },
  { code: 'sign_contract', rule: 'R-MED-07', when: () => true },
  {
    code: 'sessions',
    rule: 'R-MED-11',
    params: { days: OUT_OF_COURT_DAYS, extensionDays: EXTENSION_DAYS },
    when: outOfCourtCivil,
  },
  { code: 'sessions_procedural', rule: 'R-MED-11', when: (f) => !outOfCourtCivil(f) },
  { code: 'make_good_harm', rule: 'R-CRIM-01', when: (f) => f.art68 === 'art_68_1' },
  { code: 'make_good_harm', rule: 'R-CRIM-02', when: (f) => f.art68 === 'art_68_2' },
  { code: 'settlement', rule: 'R-MED-21', when: () => true },
  {
    code: 'alimony_agreement',
    rule: 'R-FAM-01',
    when: (f) => f.answers.category === 'family' && (f.answers.familyTopics ?? []).includes('alimony'),
  },
  { code: 'release_mandatory', rule: 'R-CRIM-01', when: (f) => f.art68 === 'art_68_1' },
  { code: 'release_discretionary', rule: 'R-CRIM-02', when: (f) => f.art68 === 'art_68_2' },
  { code: 'court_approval', rule: 'R-CPC-04', when: proceedingIs('claim') },
  { code: 'court_approval_optional', rule: 'R-MED-21', when: outOfCourtCivil },
];

export const stepsOf = (facts: Facts): Step[] =>
  STEP_ROWS.filter((row) => row.when(facts)).map(({ when: _when, ...step }) => step);

// --- Duration ---------------------------------------------------------------------------------

export type Duration = {
  /** Days the other side has to accept a written proposal (R-MED-10). */
  replyDays: number;
  /** Out of court: days from the mediation contract, and the possible extension (R-MED-11). */
  mediationDays: number | null;
  extensionDays: number | null;
  /** In court or criminal proceedings mediation runs within the procedural time limits (R-MED-11). */
  procedural: boolean;
  /** Claim acceptance takes this long when conciliation runs at that stage (R-CPC-02). */
  acceptanceWorkingDays: number | null;
  /** The trial term the court works to meanwhile (R-CPC-08). */
  trialMonths: number | null;
  rules: RuleId[];
};

const PRE_TRIAL_STAGES: readonly CourtStage[] = ['claim_acceptance', 'preparation', 'first_instance'];

const trialMonthsOf = (facts: Facts): number | null => {
  if (facts.court?.proceeding !== 'claim' || !PRE_TRIAL_STAGES.includes(facts.court.stage)) return null;
  const topics: readonly string[] = facts.answers.familyTopics ?? [];
  const short = SHORT_TRIAL_SUBJECTS.some((subject) => topics.includes(subject));
  return short ? TRIAL_TERM_MONTHS.short : TRIAL_TERM_MONTHS.standard;
};

export const durationOf = (facts: Facts): Duration => {
  const outOfCourt = outOfCourtCivil(facts);
  const atAcceptance = facts.court?.proceeding === 'claim' && facts.court.stage === 'claim_acceptance';
  const trialMonths = trialMonthsOf(facts);
  const rules: RuleId[] = ['R-MED-10', 'R-MED-11'];
  if (atAcceptance) rules.push('R-CPC-02');
  if (trialMonths !== null) rules.push('R-CPC-08');
  return {
    replyDays: REPLY_DAYS,
    mediationDays: outOfCourt ? OUT_OF_COURT_DAYS : null,
    extensionDays: outOfCourt ? EXTENSION_DAYS : null,
    procedural: !outOfCourt,
    acceptanceWorkingDays: atAcceptance ? CLAIM_ACCEPTANCE_WORKING_DAYS : null,
    trialMonths,
    rules,
  };
};

// --- Cost -------------------------------------------------------------------------------------

export type StateFee =
  | { kind: 'property'; claimant: ClaimantKind; percent: number; amountKzt: number; feeKzt: number }
  | {
      kind: 'non_property';
      claimant: ClaimantKind;
      mrp: number;
      mrpYear: number;
      mrpKzt: number;
      feeKzt: number;
    }
  | { kind: 'exempt'; reason: FeeExemptClaim }
  | { kind: 'rates'; individualPercent: number; legalEntityPercent: number };

export type FeeRefund = {
  /** Share of the fee paid in the current instance that comes back (R-CPC-06). */
  percent: number;
  instance: 'first' | 'appeal' | 'cassation';
  /** Known only in the first instance, where the fee is the one computed from the claim. */
  refundKzt: number | null;
};

export type Cost = {
  /** Public mediators are free (R-MED-14); professional mediators' fees are agreed (R-MED-18). */
  publicMediatorKzt: 0;
  professionalFee: 'by_agreement';
  /** The state fee of a claim in court — for comparison when the dispute is not in court yet. */
  stateFee: StateFee | null;
  refund: FeeRefund | null;
  rules: RuleId[];
};

/** Disputes decided in claim proceedings, where a state fee is paid on the claim. */
const paysClaimFee = (facts: Facts) =>
  !['criminal', 'administrative'].includes(facts.answers.category) &&
  (facts.court === null || facts.court.proceeding === 'claim');

const stateFeeOf = (facts: Facts, year: number): StateFee | null => {
  if (!paysClaimFee(facts)) return null;
  const { category, claim, familyTopics = [] } = facts.answers;
  const claimant: ClaimantKind | undefined = category === 'family' ? 'individual' : claim?.claimant;
  if (category === 'labour' && claimant !== 'legal_entity')
    return { kind: 'exempt', reason: 'labour_by_worker' };
  if (category === 'family' && familyTopics.length > 0 && familyTopics.every((t) => t === 'alimony'))
    return { kind: 'exempt', reason: 'alimony' };
  const amountKzt = claim?.amountKzt;
  if (amountKzt !== undefined && claimant) {
    const percent = PROPERTY_CLAIM_FEE_PERCENT[claimant];
    return {
      kind: 'property',
      claimant,
      percent,
      amountKzt,
      feeKzt: Math.round((amountKzt * percent) / 100),
    };
  }
  const nonProperty =
    category === 'family' &&
    familyTopics.length > 0 &&
    familyTopics.every((t) => NON_PROPERTY_FAMILY_TOPICS.includes(t));
  if (nonProperty && amountKzt === undefined && claimant) {
    const mrp = NON_PROPERTY_CLAIM_FEE_MRP[claimant];
    const index = mrpFor(year);
    return {
      kind: 'non_property',
      claimant,
      mrp,
      mrpYear: index.year,
      mrpKzt: index.kzt,
      feeKzt: Math.round(mrp * index.kzt),
    };
  }
  return {
    kind: 'rates',
    individualPercent: PROPERTY_CLAIM_FEE_PERCENT.individual,
    legalEntityPercent: PROPERTY_CLAIM_FEE_PERCENT.legal_entity,
  };
};

const refundOf = (facts: Facts, fee: StateFee | null): FeeRefund | null => {
  if (!fee || fee.kind === 'exempt' || facts.court?.proceeding !== 'claim') return null;
  const { stage } = facts.court;
  const instance = FIRST_INSTANCE_STAGES.includes(stage)
    ? 'first'
    : stage === 'appeal'
      ? 'appeal'
      : 'cassation';
  const percent = FEE_REFUND_PERCENT[stage];
  const computed = instance === 'first' && 'feeKzt' in fee ? Math.round((fee.feeKzt * percent) / 100) : null;
  return { percent, instance, refundKzt: computed };
};

export const costOf = (facts: Facts, year: number): Cost => {
  const stateFee = stateFeeOf(facts, year);
  const refund = refundOf(facts, stateFee);
  const rules: RuleId[] = ['R-MED-14', 'R-MED-18'];
  if (stateFee) rules.push('R-CPC-07');
  if (refund) rules.push('R-CPC-06');
  return { publicMediatorKzt: 0, professionalFee: 'by_agreement', stateFee, refund, rules };
};

// --- Alternatives when mediation is ruled out ------------------------------------------------

export const ALTERNATIVE_CODES = [
  'involve_everyone',
  'court',
  'representative_in_court',
  'criminal_trial',
  'voluntary_redress',
  'lawyer',
  'administrative_complaint',
  'court_order_objection',
  'conciliation_commission',
] as const;
export type AlternativeCode = (typeof ALTERNATIVE_CODES)[number];
export type Alternative = { code: AlternativeCode; rule?: RuleId };

const CRIMINAL_ALTERNATIVES: AlternativeCode[] = ['criminal_trial', 'voluntary_redress', 'lawyer'];

/** For each finding that rules mediation out: what the person can do instead. */
const ALTERNATIVES: Partial<Record<FindingCode, AlternativeCode[]>> = {
  third_parties: ['involve_everyone', 'court'],
  incapacity: ['representative_in_court'],
  discretion_no: ['administrative_complaint', 'court'],
  court_order_excluded: ['court_order_objection'],
  special_proceedings_excluded: ['court'],
  court_criminal_only: ['court'],
  criminal_especially_grave: CRIMINAL_ALTERNATIVES,
  art_68_1_death: CRIMINAL_ALTERNATIVES,
  art_68_2_repeat: CRIMINAL_ALTERNATIVES,
  art_68_2_harm: CRIMINAL_ALTERNATIVES,
  art_68_2_status: CRIMINAL_ALTERNATIVES,
  corruption: CRIMINAL_ALTERNATIVES,
  public_service: CRIMINAL_ALTERNATIVES,
  art_68_4: CRIMINAL_ALTERNATIVES,
};

/** The rule an alternative rests on, where one of ours does. */
const ALTERNATIVE_RULE: Partial<Record<AlternativeCode, RuleId>> = {
  involve_everyone: 'R-MED-03',
  court_order_objection: 'R-CPC-02',
  conciliation_commission: 'R-LAB-01',
  administrative_complaint: 'R-ADM-01',
};

export const alternativesOf = (facts: Facts, findings: readonly Finding[]): Alternative[] => {
  const codes = findings
    .filter((finding) => finding.effect === 'excludes')
    .flatMap((finding) => ALTERNATIVES[finding.code] ?? ['court' as const]);
  // A worker whose employer has a conciliation commission can still take the dispute there.
  if (needsCommission(facts)) codes.unshift('conciliation_commission');
  return [...new Set(codes)].map((code) => {
    const rule = ALTERNATIVE_RULE[code];
    return rule ? { code, rule } : { code };
  });
};

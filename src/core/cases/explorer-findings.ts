import { CLAIM_ACCEPTANCE_WORKING_DAYS } from '../law/civil-procedure.ts';
import {
  ART_68_2_STATUSES,
  type CriminalExclusion,
  EXCLUSION_RULE,
  GRAVITY_TABLE,
  type Gravity,
} from '../law/criminal-law.ts';
import type { RuleId } from '../law/index.ts';
import { CONCILIATION_COMMISSION } from '../law/sectoral.ts';
import type { CourtStage, ProceedingType } from './court.ts';
import type { CriminalAnswers, ExplorerAnswers } from './explorer-answers.ts';
import { COURT_FINDING_CODES, courtFinding } from './explorer-court.ts';

// What the law says about a dispute, as one table: each row is a finding with the rule behind it,
// its effect on the answer, and the facts that make it apply. The verdict follows from the effects
// alone (any "excludes" → no; any "conditions" → yes with conditions; else yes).

export const EFFECTS = ['allows', 'conditions', 'excludes', 'informs'] as const;
export type Effect = (typeof EFFECTS)[number];

export const FINDING_CODES = [
  'civil_relations',
  'before_or_after_court',
  'voluntary',
  'third_parties',
  'incapacity',
  'state_body',
  'discretion_yes',
  'discretion_no',
  'discretion_unknown',
  'labour_commission_required',
  'labour_commission_exempt',
  'labour_commission_unknown',
  'family_scope',
  'alimony_agreement',
  'family_safety',
  'criminal_scope',
  'criminal_especially_grave',
  'gravity_misdemeanour',
  'gravity_minor',
  'gravity_medium',
  'gravity_grave',
  'gravity_especially_grave',
  'art_68_1_release',
  'art_68_1_death',
  'art_68_2_possible',
  'art_68_2_repeat',
  'art_68_2_harm',
  'art_68_2_status',
  'corruption',
  'public_service',
  'art_68_4',
  'claim_acceptance',
  ...COURT_FINDING_CODES,
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

export type Finding = {
  code: FindingCode;
  rule: RuleId;
  effect: Effect;
  /** Numbers the explanation quotes (years, days), taken from the law tables. */
  params?: Record<string, number>;
};

/** The facts every row reads, worked out once from the answers. */
export type Facts = {
  answers: ExplorerAnswers;
  criminal: CriminalAnswers | null;
  /** Which part of Art. 68 applies to the crime's gravity. */
  art68: 'art_68_1' | 'art_68_2' | 'none' | null;
  court: { proceeding: ProceedingType; stage: CourtStage } | null;
};

export const factsOf = (answers: ExplorerAnswers): Facts => {
  const criminal = answers.category === 'criminal' ? (answers.criminal ?? null) : null;
  const { inCourt, proceeding, stage } = answers.court;
  return {
    answers,
    criminal,
    art68: criminal ? GRAVITY_TABLE[criminal.gravity].reconciliation : null,
    court: inCourt && proceeding ? { proceeding, stage: stage ?? 'first_instance' } : null,
  };
};

type Row = { code: FindingCode; rule: RuleId; effect: Effect; when: (f: Facts) => boolean };

const isCategory =
  (...categories: ExplorerAnswers['category'][]) =>
  (f: Facts) =>
    categories.includes(f.answers.category);
const notCriminal = (f: Facts) => f.answers.category !== 'criminal';
const gravityIs = (gravity: Gravity) => (f: Facts) => f.criminal?.gravity === gravity;
const excluded = (kind: CriminalExclusion) => (f: Facts) => f.criminal?.exclusions.includes(kind) ?? false;
const commission = (value: 'required' | 'exempt' | 'unknown') => (f: Facts) =>
  f.answers.category === 'labour' && CONCILIATION_COMMISSION[f.answers.labourEmployer ?? 'unknown'] === value;
const discretion = (value: 'yes' | 'no' | 'unknown') => (f: Facts) =>
  f.answers.category === 'administrative' && (f.answers.discretion ?? 'unknown') === value;

// Art. 68(2) asks for every condition explicitly; an answer not given counts against release.
const art682 = (f: Facts) => f.art68 === 'art_68_2';
const qualifies = (f: Facts) => ART_68_2_STATUSES.includes(f.criminal?.offenderStatus ?? 'none');
const art682Possible = (f: Facts) =>
  art682(f) &&
  f.criminal?.firstOffence === true &&
  f.criminal.deathCaused === false &&
  f.criminal.graveHarm === false &&
  qualifies(f);

const ROWS: readonly Row[] = [
  // Scope of the Law on Mediation.
  { code: 'civil_relations', rule: 'R-MED-01', effect: 'allows', when: notCriminal },
  { code: 'before_or_after_court', rule: 'R-MED-08', effect: 'informs', when: notCriminal },
  {
    code: 'third_parties',
    rule: 'R-MED-03',
    effect: 'excludes',
    when: (f) => f.answers.thirdPartiesAffected,
  },
  { code: 'incapacity', rule: 'R-MED-03', effect: 'excludes', when: (f) => f.answers.partyLacksCapacity },
  // Administrative disputes with a state body.
  { code: 'state_body', rule: 'R-MED-05', effect: 'informs', when: isCategory('administrative') },
  { code: 'discretion_yes', rule: 'R-ADM-01', effect: 'allows', when: discretion('yes') },
  { code: 'discretion_no', rule: 'R-ADM-01', effect: 'excludes', when: discretion('no') },
  { code: 'discretion_unknown', rule: 'R-ADM-01', effect: 'conditions', when: discretion('unknown') },
  // Labour disputes.
  { code: 'labour_commission_required', rule: 'R-LAB-01', effect: 'informs', when: commission('required') },
  { code: 'labour_commission_exempt', rule: 'R-LAB-01', effect: 'informs', when: commission('exempt') },
  { code: 'labour_commission_unknown', rule: 'R-LAB-01', effect: 'informs', when: commission('unknown') },
  // Family disputes.
  { code: 'family_scope', rule: 'R-FAM-01', effect: 'allows', when: isCategory('family') },
  {
    code: 'alimony_agreement',
    rule: 'R-FAM-01',
    effect: 'informs',
    when: (f) => f.answers.category === 'family' && (f.answers.familyTopics ?? []).includes('alimony'),
  },
  { code: 'family_safety', rule: 'R-FAM-02', effect: 'informs', when: isCategory('family') },
  // Criminal cases: the gravity, then Art. 68(1) or 68(2), then the crimes never reconciled.
  {
    code: 'criminal_scope',
    rule: 'R-MED-02',
    effect: 'allows',
    when: (f) => f.art68 === 'art_68_1' || f.art68 === 'art_68_2',
  },
  {
    code: 'criminal_especially_grave',
    rule: 'R-MED-02',
    effect: 'excludes',
    when: (f) => f.art68 === 'none',
  },
  { code: 'gravity_misdemeanour', rule: 'R-CRIM-04', effect: 'informs', when: gravityIs('misdemeanour') },
  { code: 'gravity_minor', rule: 'R-CRIM-04', effect: 'informs', when: gravityIs('minor') },
  { code: 'gravity_medium', rule: 'R-CRIM-04', effect: 'informs', when: gravityIs('medium') },
  { code: 'gravity_grave', rule: 'R-CRIM-04', effect: 'informs', when: gravityIs('grave') },
  {
    code: 'gravity_especially_grave',
    rule: 'R-CRIM-04',
    effect: 'informs',
    when: gravityIs('especially_grave'),
  },
  {
    code: 'art_68_1_release',
    rule: 'R-CRIM-01',
    effect: 'allows',
    when: (f) => f.art68 === 'art_68_1' && f.criminal?.deathCaused === false,
  },
  {
    code: 'art_68_1_death',
    rule: 'R-CRIM-01',
    effect: 'excludes',
    when: (f) => f.art68 === 'art_68_1' && f.criminal?.deathCaused !== false,
  },
  { code: 'art_68_2_possible', rule: 'R-CRIM-02', effect: 'conditions', when: art682Possible },
  {
    code: 'art_68_2_repeat',
    rule: 'R-CRIM-02',
    effect: 'excludes',
    when: (f) => art682(f) && f.criminal?.firstOffence !== true,
  },
  {
    code: 'art_68_2_harm',
    rule: 'R-CRIM-02',
    effect: 'excludes',
    when: (f) => art682(f) && (f.criminal?.deathCaused !== false || f.criminal.graveHarm !== false),
  },
  { code: 'art_68_2_status', rule: 'R-CRIM-02', effect: 'excludes', when: (f) => art682(f) && !qualifies(f) },
  { code: 'corruption', rule: EXCLUSION_RULE.corruption, effect: 'excludes', when: excluded('corruption') },
  {
    code: 'public_service',
    rule: EXCLUSION_RULE.public_service,
    effect: 'excludes',
    when: excluded('public_service'),
  },
  { code: 'art_68_4', rule: EXCLUSION_RULE.art_68_4, effect: 'excludes', when: excluded('art_68_4') },
  // A case in court: conciliation while the claim is being accepted takes longer (R-CPC-02).
  {
    code: 'claim_acceptance',
    rule: 'R-CPC-02',
    effect: 'informs',
    when: (f) => f.court?.proceeding === 'claim' && f.court.stage === 'claim_acceptance',
  },
  // Whatever the dispute: nobody can be made to mediate.
  { code: 'voluntary', rule: 'R-MED-09', effect: 'informs', when: () => true },
];

/** Numbers quoted by an explanation, from the law tables (never typed into the messages). */
const paramsOf = (code: FindingCode): Record<string, number> | undefined => {
  const gravity = code.startsWith('gravity_') ? (code.slice('gravity_'.length) as Gravity) : null;
  const maxYears = gravity ? GRAVITY_TABLE[gravity].maxYears : null;
  if (maxYears !== null) return { maxYears };
  return code === 'claim_acceptance' ? { workingDays: CLAIM_ACCEPTANCE_WORKING_DAYS } : undefined;
};

// The decisive findings first: what rules mediation out, then its conditions, then what allows it.
const EFFECT_ORDER: Readonly<Record<Effect, number>> = { excludes: 0, conditions: 1, allows: 2, informs: 3 };

const courtFindings = (facts: Facts): Finding[] => {
  if (!facts.court) return [];
  const court = courtFinding({ proceeding: facts.court.proceeding, category: facts.answers.category });
  return [{ code: court.code, rule: court.rule, effect: court.allowed ? 'allows' : 'excludes' }];
};

export const findingsOf = (facts: Facts): Finding[] => {
  const findings: Finding[] = ROWS.filter((row) => row.when(facts)).map(({ code, rule, effect }) => {
    const params = paramsOf(code);
    return params ? { code, rule, effect, params } : { code, rule, effect };
  });
  // Array.prototype.sort is stable: within one effect the table's order stays.
  return [...findings, ...courtFindings(facts)].sort(
    (a, b) => EFFECT_ORDER[a.effect] - EFFECT_ORDER[b.effect],
  );
};

import type { RuleId } from '../law/index.ts';
import type { DisputeCategory } from '../registry/reference.ts';
import type { CourtStage, ProceedingType } from './court.ts';

// Whether a case pending in court can go to mediation, by the kind of proceedings. One row per
// proceeding: the rule that decides and the finding it gives either way. The stage does not
// change the answer today (claim proceedings allow conciliation at every stage, R-CPC-01); it is
// part of the question so a future rule about stages has a place to go.

type CourtRow = {
  rule: RuleId;
  allowed: (category: DisputeCategory) => boolean;
  /** The finding shown to the visitor; `refused` replaces it when a conditional row says no. */
  code: CourtFindingCode;
  refused?: CourtFindingCode;
};

export const COURT_FINDING_CODES = [
  'court_claim',
  'court_order_excluded',
  'special_proceedings_excluded',
  'court_administrative',
  'court_criminal',
  'court_criminal_only',
  'court_enforcement',
] as const;
export type CourtFindingCode = (typeof COURT_FINDING_CODES)[number];

const always = () => true;
const never = () => false;

export const COURT_REFERRAL_TABLE: Readonly<Record<ProceedingType, CourtRow>> = {
  claim: { rule: 'R-CPC-01', allowed: always, code: 'court_claim' },
  court_order: {
    rule: 'R-CPC-02',
    allowed: never,
    code: 'court_order_excluded',
  },
  special_claim: {
    rule: 'R-CPC-02',
    allowed: never,
    code: 'special_proceedings_excluded',
  },
  special: {
    rule: 'R-CPC-02',
    allowed: never,
    code: 'special_proceedings_excluded',
  },
  // Whether the body has discretion is for the court to check (R-ADM-01).
  administrative: {
    rule: 'R-ADM-01',
    allowed: always,
    code: 'court_administrative',
  },
  // Reconciliation in criminal proceedings is about the crime, not about another dispute (R-MED-02).
  criminal: {
    rule: 'R-MED-02',
    allowed: (category) => category === 'criminal',
    code: 'court_criminal',
    refused: 'court_criminal_only',
  },
  enforcement: { rule: 'R-MED-02', allowed: always, code: 'court_enforcement' },
};

export type CourtReferralInput = { proceeding: ProceedingType; stage: CourtStage; category: DisputeCategory };
export type CourtReferralCheck = { allowed: boolean; rules: RuleId[] };

/** The finding a pending case gives, for the explorer's "why". */
export const courtFinding = ({ proceeding, category }: Omit<CourtReferralInput, 'stage'>) => {
  const row = COURT_REFERRAL_TABLE[proceeding];
  const allowed = row.allowed(category);
  return { allowed, rule: row.rule, code: allowed ? row.code : (row.refused ?? row.code) };
};

/**
 * May a court refer this pending case to mediation? Used by the court-referral feature; the
 * explorer gives the same answer for a visitor whose case is in court.
 */
export const courtReferralCheck = (input: CourtReferralInput): CourtReferralCheck => {
  const { allowed, rule } = courtFinding(input);
  return { allowed, rules: [rule] };
};

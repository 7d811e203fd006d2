import {
  CRIMINAL_EXCLUSIONS,
  type CriminalExclusion,
  type Gravity,
  type OffenderStatus,
} from '../law/criminal-law.ts';
import type { DiscretionAnswer, FamilyTopic, LabourEmployer } from '../law/sectoral.ts';
import type { DisputeCategory } from '../registry/reference.ts';
import type { CourtStage, ProceedingType } from './court.ts';

// The answers of the "can my dispute be mediated?" questionnaire. Category-specific sections are
// optional in the type; `answerProblems` says which ones the chosen category needs, and is used by
// the HTTP contract and by the page alike, so both ask for exactly the same things.

export const CLAIMANT_KINDS = ['individual', 'legal_entity'] as const;
export type ClaimantKind = (typeof CLAIMANT_KINDS)[number];

export type CriminalAnswers = {
  gravity: Gravity;
  deathCaused: boolean;
  /** Asked for grave crimes only: Art. 68(2) also requires no grave harm to health. */
  graveHarm?: boolean;
  /** Asked for grave crimes only (Art. 68(2)). */
  firstOffence?: boolean;
  /** Asked for grave crimes only (Art. 68(2)). */
  offenderStatus?: OffenderStatus;
  /** Kinds of crime that rule reconciliation out (R-MED-04, R-CRIM-03); empty when none applies. */
  exclusions: CriminalExclusion[];
};

export type CourtAnswer = {
  inCourt: boolean;
  proceeding?: ProceedingType;
  stage?: CourtStage;
};

export type ClaimAnswer = {
  /** What is claimed, in whole tenge; absent when there is no money value or it is not known. */
  amountKzt?: number;
  /** Who would file the claim (the state fee rate depends on it, R-CPC-07). */
  claimant?: ClaimantKind;
};

export type ExplorerAnswers = {
  category: DisputeCategory;
  familyTopics?: FamilyTopic[];
  labourEmployer?: LabourEmployer;
  discretion?: DiscretionAnswer;
  criminal?: CriminalAnswers;
  court: CourtAnswer;
  thirdPartiesAffected: boolean;
  partyLacksCapacity: boolean;
  claim?: ClaimAnswer;
};

/** Answers as a form holds them while they are being given: anything may still be missing. */
export type ExplorerDraft = {
  category?: DisputeCategory;
  familyTopics?: readonly FamilyTopic[];
  labourEmployer?: LabourEmployer;
  discretion?: DiscretionAnswer;
  criminal?: Partial<CriminalAnswers>;
  court?: Partial<CourtAnswer>;
  thirdPartiesAffected?: boolean;
  partyLacksCapacity?: boolean;
  claim?: ClaimAnswer;
};

/** Which court proceedings a dispute of each category can be in (a criminal case: criminal only). */
export const PROCEEDINGS_BY_CATEGORY: Readonly<Record<DisputeCategory, readonly ProceedingType[]>> = {
  family: ['claim', 'court_order', 'special_claim', 'special', 'enforcement'],
  labour: ['claim', 'court_order', 'special_claim', 'special', 'enforcement'],
  civil: ['claim', 'court_order', 'special_claim', 'special', 'enforcement'],
  commercial: ['claim', 'court_order', 'special_claim', 'special', 'enforcement'],
  public_procurement: ['claim', 'court_order', 'special_claim', 'special', 'enforcement'],
  administrative: ['administrative', 'enforcement'],
  criminal: ['criminal'],
};

/**
 * The stages asked for each proceeding. Only these proceedings have a stage that changes the
 * answer (R-CPC-02 at claim acceptance, R-CPC-06 refund by instance); the others are not asked.
 */
export const STAGES_BY_PROCEEDING: Readonly<Partial<Record<ProceedingType, readonly CourtStage[]>>> = {
  claim: ['claim_acceptance', 'preparation', 'first_instance', 'appeal', 'cassation'],
  administrative: ['claim_acceptance', 'preparation', 'first_instance', 'appeal', 'cassation'],
  criminal: ['first_instance', 'appeal', 'cassation'],
};

/** Claims above this are certainly typing mistakes (a trillion tenge). */
export const MAX_CLAIM_KZT = 1_000_000_000_000;

export type AnswerProblemCode =
  | 'required'
  | 'choose_at_least_one'
  | 'invalid_value'
  | 'too_small'
  | 'too_big';
export type AnswerProblem = { field: string; code: AnswerProblemCode };

const criminalProblems = (criminal: Partial<CriminalAnswers> | undefined): AnswerProblem[] => {
  if (!criminal) return [{ field: 'criminal', code: 'required' }];
  const missing = (field: keyof CriminalAnswers) =>
    criminal[field] === undefined ? [{ field: `criminal.${field}`, code: 'required' as const }] : [];
  const graveOnly =
    criminal.gravity === 'grave'
      ? [...missing('graveHarm'), ...missing('firstOffence'), ...missing('offenderStatus')]
      : [];
  const unknownExclusion = (criminal.exclusions ?? []).some(
    (e) => !(CRIMINAL_EXCLUSIONS as readonly string[]).includes(e),
  );
  return [
    ...missing('gravity'),
    ...missing('deathCaused'),
    ...graveOnly,
    ...(unknownExclusion ? [{ field: 'criminal.exclusions', code: 'invalid_value' as const }] : []),
  ];
};

const courtProblems = (
  category: DisputeCategory,
  court: Partial<CourtAnswer> | undefined,
): AnswerProblem[] => {
  if (court?.inCourt === undefined) return [{ field: 'court.inCourt', code: 'required' }];
  if (!court.inCourt) return [];
  if (!court.proceeding) return [{ field: 'court.proceeding', code: 'required' }];
  if (!PROCEEDINGS_BY_CATEGORY[category].includes(court.proceeding))
    return [{ field: 'court.proceeding', code: 'invalid_value' }];
  const stages = STAGES_BY_PROCEEDING[court.proceeding];
  if (!stages) return [];
  if (!court.stage) return [{ field: 'court.stage', code: 'required' }];
  return stages.includes(court.stage) ? [] : [{ field: 'court.stage', code: 'invalid_value' }];
};

const claimProblems = (claim: ClaimAnswer | undefined): AnswerProblem[] => {
  const amount = claim?.amountKzt;
  if (amount === undefined) return [];
  if (!Number.isInteger(amount) || amount < 1) return [{ field: 'claim.amountKzt', code: 'too_small' }];
  return amount > MAX_CLAIM_KZT ? [{ field: 'claim.amountKzt', code: 'too_big' }] : [];
};

/** Questions still unanswered (or answered with a value this category cannot have), by field path. */
export const answerProblems = (draft: ExplorerDraft): AnswerProblem[] => {
  const base: AnswerProblem[] = [
    ...(draft.thirdPartiesAffected === undefined
      ? [{ field: 'thirdPartiesAffected', code: 'required' as const }]
      : []),
    ...(draft.partyLacksCapacity === undefined
      ? [{ field: 'partyLacksCapacity', code: 'required' as const }]
      : []),
    ...claimProblems(draft.claim),
  ];
  const { category } = draft;
  // Without a category the court question can still be checked, the rest depends on it.
  if (!category) {
    const court =
      draft.court?.inCourt === undefined ? [{ field: 'court.inCourt', code: 'required' as const }] : [];
    return [{ field: 'category', code: 'required' }, ...court, ...base];
  }
  const specific: Record<DisputeCategory, () => AnswerProblem[]> = {
    family: () =>
      draft.familyTopics?.length ? [] : [{ field: 'familyTopics', code: 'choose_at_least_one' }],
    labour: () => (draft.labourEmployer ? [] : [{ field: 'labourEmployer', code: 'required' }]),
    administrative: () => (draft.discretion ? [] : [{ field: 'discretion', code: 'required' }]),
    criminal: () => criminalProblems(draft.criminal),
    civil: () => [],
    commercial: () => [],
    public_procurement: () => [],
  };
  return [...specific[category](), ...courtProblems(category, draft.court), ...base];
};

/**
 * The draft as complete answers, or null while something is missing. The cast is safe because
 * answerProblems has just checked every question the type leaves optional for this category.
 */
export const completeAnswers = (draft: ExplorerDraft): ExplorerAnswers | null => {
  if (answerProblems(draft).length > 0) return null;
  const familyTopics = draft.familyTopics ? [...draft.familyTopics] : undefined;
  return { ...draft, familyTopics } as ExplorerAnswers;
};

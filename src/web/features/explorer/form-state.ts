import { PROCEEDING_TYPES } from '../../../core/cases/court.ts';
import {
  type AnswerProblem,
  CLAIMANT_KINDS,
  type ExplorerDraft,
  PROCEEDINGS_BY_CATEGORY,
  STAGES_BY_PROCEEDING,
} from '../../../core/cases/explorer.ts';
import { CRIMINAL_EXCLUSIONS, GRAVITIES, OFFENDER_STATUSES } from '../../../core/law/criminal-law.ts';
import { DISCRETION_ANSWERS, FAMILY_TOPICS, LABOUR_EMPLOYERS } from '../../../core/law/sectoral.ts';
import { DISPUTE_CATEGORIES, type DisputeCategory } from '../../../core/registry/reference.ts';

// The questionnaire as the form holds it: one string (or list) per question, '' when unanswered.
// Answers to questions that are not shown for the current choices are kept (going back and forth
// loses nothing) but left out of the draft the engine sees.

export type YesNo = '' | 'yes' | 'no';
export type FormState = {
  category: string;
  familyTopics: string[];
  labourEmployer: string;
  discretion: string;
  gravity: string;
  deathCaused: YesNo;
  graveHarm: YesNo;
  firstOffence: YesNo;
  offenderStatus: string;
  exclusions: string[];
  inCourt: YesNo;
  proceeding: string;
  stage: string;
  thirdParties: YesNo;
  capacity: YesNo;
  amount: string;
  claimant: string;
};
export type FieldName = keyof FormState;

export const EMPTY_FORM: FormState = {
  category: '',
  familyTopics: [],
  labourEmployer: '',
  discretion: '',
  gravity: '',
  deathCaused: '',
  graveHarm: '',
  firstOffence: '',
  offenderStatus: '',
  exclusions: [],
  inCourt: '',
  proceeding: '',
  stage: '',
  thirdParties: '',
  capacity: '',
  amount: '',
  claimant: '',
};

/** The value if it is one of the offered ones, else undefined ("not answered"). */
const pick = <T extends string>(values: readonly T[], value: string): T | undefined =>
  (values as readonly string[]).includes(value) ? (value as T) : undefined;
const picks = <T extends string>(values: readonly T[], chosen: readonly string[]): T[] =>
  chosen.flatMap((value) => pick(values, value) ?? []);
const bool = (value: YesNo) => (value === 'yes' ? true : value === 'no' ? false : undefined);

/** Whole tenge typed with or without spaces ("1 200 000"); NaN when it is not a number at all. */
export const parseAmount = (text: string): number | undefined => {
  const digits = text.replace(/[\s\u00a0\u202f]/g, '');
  if (digits === '') return undefined;
  return /^\d+$/.test(digits) ? Number(digits) : Number.NaN;
};

/** Which questions are on screen for these answers. */
export const visibleQuestions = (state: FormState) => {
  const category = pick(DISPUTE_CATEGORIES, state.category);
  const criminal = category === 'criminal';
  const inCourt = state.inCourt === 'yes';
  const proceeding = criminal
    ? 'criminal'
    : pick(category ? PROCEEDINGS_BY_CATEGORY[category] : [], state.proceeding);
  return {
    category,
    family: category === 'family',
    labour: category === 'labour',
    administrative: category === 'administrative',
    criminal,
    grave: criminal && state.gravity === 'grave',
    proceeding: inCourt && !criminal && Boolean(category),
    proceedings: category && !criminal ? PROCEEDINGS_BY_CATEGORY[category] : [],
    stages: (inCourt && proceeding ? STAGES_BY_PROCEEDING[proceeding] : undefined) ?? [],
    // No claim fee in criminal and administrative cases: the amount would change nothing.
    claim: Boolean(category) && !criminal && category !== 'administrative',
    claimant: Boolean(category) && !criminal && category !== 'administrative' && category !== 'family',
  };
};

const criminalDraft = (state: FormState, grave: boolean): ExplorerDraft['criminal'] => ({
  gravity: pick(GRAVITIES, state.gravity),
  deathCaused: bool(state.deathCaused),
  ...(grave && {
    graveHarm: bool(state.graveHarm),
    firstOffence: bool(state.firstOffence),
    offenderStatus: pick(OFFENDER_STATUSES, state.offenderStatus),
  }),
  exclusions: picks(CRIMINAL_EXCLUSIONS, state.exclusions),
});

const courtDraft = (state: FormState, category: DisputeCategory | undefined): ExplorerDraft['court'] => {
  const inCourt = bool(state.inCourt);
  if (!inCourt) return { inCourt };
  const proceeding =
    category === 'criminal'
      ? 'criminal'
      : pick(category ? PROCEEDINGS_BY_CATEGORY[category] : PROCEEDING_TYPES, state.proceeding);
  const stages = proceeding ? STAGES_BY_PROCEEDING[proceeding] : undefined;
  return { inCourt, proceeding, stage: stages ? pick(stages, state.stage) : undefined };
};

/** What the engine sees: only the answers to the questions on screen. */
export const toDraft = (state: FormState): ExplorerDraft => {
  const shown = visibleQuestions(state);
  const { category } = shown;
  return {
    category,
    ...(shown.family && { familyTopics: picks(FAMILY_TOPICS, state.familyTopics) }),
    ...(shown.labour && { labourEmployer: pick(LABOUR_EMPLOYERS, state.labourEmployer) }),
    ...(shown.administrative && { discretion: pick(DISCRETION_ANSWERS, state.discretion) }),
    ...(shown.criminal && { criminal: criminalDraft(state, shown.grave) }),
    court: courtDraft(state, category),
    thirdPartiesAffected: bool(state.thirdParties),
    partyLacksCapacity: bool(state.capacity),
    ...(shown.claim && {
      claim: {
        amountKzt: parseAmount(state.amount),
        claimant: shown.claimant ? pick(CLAIMANT_KINDS, state.claimant) : undefined,
      },
    }),
  };
};

const FIELD_OF_PROBLEM: Record<string, FieldName> = {
  category: 'category',
  familyTopics: 'familyTopics',
  labourEmployer: 'labourEmployer',
  discretion: 'discretion',
  criminal: 'gravity',
  'criminal.gravity': 'gravity',
  'criminal.deathCaused': 'deathCaused',
  'criminal.graveHarm': 'graveHarm',
  'criminal.firstOffence': 'firstOffence',
  'criminal.offenderStatus': 'offenderStatus',
  'criminal.exclusions': 'exclusions',
  'court.inCourt': 'inCourt',
  'court.proceeding': 'proceeding',
  'court.stage': 'stage',
  thirdPartiesAffected: 'thirdParties',
  partyLacksCapacity: 'capacity',
  'claim.amountKzt': 'amount',
  'claim.claimant': 'claimant',
};

/** The engine's problems as one message key per form question, in the order of the form. */
export const problemsByField = (problems: readonly AnswerProblem[]) => {
  const byField: Partial<Record<FieldName, AnswerProblem['code']>> = {};
  for (const problem of problems) {
    const field = FIELD_OF_PROBLEM[problem.field];
    if (field) byField[field] ??= problem.code;
  }
  return byField;
};

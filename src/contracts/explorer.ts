import { z } from 'zod';
import { COURT_STAGES, PROCEEDING_TYPES } from '../core/cases/court.ts';
import {
  ALTERNATIVE_CODES,
  answerProblems,
  CLAIMANT_KINDS,
  EFFECTS,
  FINDING_CODES,
  FRAMEWORKS,
  STEP_CODES,
  VERDICTS,
} from '../core/cases/explorer.ts';
import { FEE_EXEMPT_CLAIMS } from '../core/law/civil-procedure.ts';
import { CRIMINAL_EXCLUSIONS, GRAVITIES, OFFENDER_STATUSES } from '../core/law/criminal-law.ts';
import { LAW_RULES, type RuleId } from '../core/law/index.ts';
import { DISCRETION_ANSWERS, FAMILY_TOPICS, LABOUR_EMPLOYERS } from '../core/law/sectoral.ts';
import { category } from './registry.ts';

// POST /api/explorer: the questionnaire's answers in, the core engine's answer out. Which
// questions a category needs is decided by core's `answerProblems` (the page uses it too); the
// schema only adds types, so the server and the browser refuse exactly the same answers.

const choice = <const T extends readonly [string, ...string[]]>(values: T) => z.enum(values, 'invalid_value');
const yesNo = z.boolean('required');

export const explorerAnswers = z
  .object({
    category,
    familyTopics: z.array(choice(FAMILY_TOPICS)).max(FAMILY_TOPICS.length).optional(),
    labourEmployer: choice(LABOUR_EMPLOYERS).optional(),
    discretion: choice(DISCRETION_ANSWERS).optional(),
    criminal: z
      .object({
        gravity: choice(GRAVITIES),
        deathCaused: yesNo,
        graveHarm: yesNo.optional(),
        firstOffence: yesNo.optional(),
        offenderStatus: choice(OFFENDER_STATUSES).optional(),
        exclusions: z.array(choice(CRIMINAL_EXCLUSIONS)).max(CRIMINAL_EXCLUSIONS.length).default([]),
      })
      .optional(),
    court: z.object({
      inCourt: yesNo,
      proceeding: choice(PROCEEDING_TYPES).optional(),
      stage: choice(COURT_STAGES).optional(),
    }),
    thirdPartiesAffected: yesNo,
    partyLacksCapacity: yesNo,
    claim: z
      .object({
        amountKzt: z.number('invalid_type').int('invalid_type').optional(),
        claimant: choice(CLAIMANT_KINDS).optional(),
      })
      .optional(),
  })
  .superRefine((answers, ctx) => {
    for (const problem of answerProblems(answers))
      ctx.addIssue({ code: 'custom', path: problem.field.split('.'), message: problem.code });
  })
  .meta({ id: 'ExplorerAnswers' });
export type ExplorerAnswersBody = z.input<typeof explorerAnswers>;

const ruleId = z.enum(Object.keys(LAW_RULES) as [RuleId, ...RuleId[]]);
const params = z.record(z.string(), z.number()).optional();

const finding = z.object({ code: z.enum(FINDING_CODES), rule: ruleId, effect: z.enum(EFFECTS), params });
const step = z.object({ code: z.enum(STEP_CODES), rule: ruleId, params });
const alternative = z.object({ code: z.enum(ALTERNATIVE_CODES), rule: ruleId.optional() });
const citation = z.object({
  id: ruleId,
  text: z.object({ kk: z.string(), ru: z.string(), en: z.string() }),
  source: z.string(),
  confidence: z.enum(['H', 'M', 'L']),
  validFrom: z.string(),
  verify: z.boolean().describe('M or L confidence: administrators should check the current text'),
});

const claimant = z.enum(CLAIMANT_KINDS);
const stateFee = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('property'),
    claimant,
    percent: z.number(),
    amountKzt: z.number(),
    feeKzt: z.number(),
  }),
  z.object({
    kind: z.literal('non_property'),
    claimant,
    mrp: z.number(),
    mrpYear: z.number().int(),
    mrpKzt: z.number(),
    feeKzt: z.number(),
  }),
  z.object({ kind: z.literal('exempt'), reason: z.enum(FEE_EXEMPT_CLAIMS) }),
  z.object({ kind: z.literal('rates'), individualPercent: z.number(), legalEntityPercent: z.number() }),
]);

export const explorerResult = z
  .object({
    verdict: z.enum(VERDICTS),
    category,
    framework: z.enum(FRAMEWORKS),
    findings: z.array(finding),
    steps: z.array(step),
    duration: z
      .object({
        replyDays: z.number(),
        mediationDays: z.number().nullable(),
        extensionDays: z.number().nullable(),
        procedural: z.boolean(),
        acceptanceWorkingDays: z.number().nullable(),
        trialMonths: z.number().nullable(),
        rules: z.array(ruleId),
      })
      .nullable(),
    cost: z
      .object({
        publicMediatorKzt: z.literal(0),
        professionalFee: z.literal('by_agreement'),
        stateFee: stateFee.nullable(),
        refund: z
          .object({
            percent: z.number(),
            instance: z.enum(['first', 'appeal', 'cassation']),
            refundKzt: z.number().nullable(),
          })
          .nullable(),
        rules: z.array(ruleId),
      })
      .nullable(),
    alternatives: z.array(alternative),
    rules: z.array(citation),
    requestCategory: category.nullable(),
  })
  .meta({ id: 'ExplorerResult' });
export type ExplorerResultBody = z.infer<typeof explorerResult>;

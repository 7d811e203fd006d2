import { z } from 'zod';
import { COURT_STAGES, PROCEEDING_TYPES } from '../core/cases/court.ts';
import {
  CASE_STATUSES,
  CASE_TRANSITIONS,
  type CaseActionType,
  END_OUTCOMES,
  MAX_EXTENSION_DAYS,
  TERMINATION_REASONS,
} from '../core/cases/lifecycle.ts';
import { SCREENING_QUESTIONS } from '../core/cases/screening.ts';
import { bin, email, fullName, iin, phone } from './common.ts';
import { category, feeView, mediationLanguage, region } from './registry.ts';

// The case lifecycle's HTTP contract (issue 4): requests, invitations, mediator choice, contract,
// clock, endings, court referrals, dashboards. Field error messages are keys under `fields.`.

export const caseStatus = z.enum(CASE_STATUSES);
export const caseActionType = z.enum(Object.keys(CASE_TRANSITIONS) as [CaseActionType, ...CaseActionType[]]);
const optionalText = (max: number) => z.string().trim().max(max, 'too_long').optional();
/** ₸ amounts: whole tenge, not negative, below a trillion (anything larger is a typing slip). */
export const amountKzt = z
  .number('required')
  .int('invalid_format')
  .min(0, 'too_small')
  .max(999_999_999_999, 'too_big');

/** Another person's or organisation's name (the shared `fullName` message speaks of "your name"). */
const partyName = z.string('party_name_required').trim().min(2, 'party_name_required').max(200, 'too_long');

export const partyIdentity = z.object({
  kind: z.enum(['individual', 'organisation']),
  fullName: partyName,
  iin: iin.optional(),
  bin: bin.optional(),
  email: email.optional(),
  phone: phone.optional(),
});

export const representative = z.object({
  fullName: partyName,
  iin,
  /** Number and date of the power of attorney, as written on it. */
  powerOfAttorney: z.string().trim().min(3, 'required').max(200, 'too_long'),
});

/**
 * A request as the initiating party writes it. Every field is optional while it is a draft;
 * submitting checks that it is complete (field errors name what is missing).
 */
export const caseRequest = z.object({
  category: category.optional(),
  subject: optionalText(200),
  description: optionalText(5000),
  claimAmountKzt: amountKzt.nullable().optional(),
  region: region.optional(),
  language: mediationLanguage.optional(),
  remote: z.boolean().optional(),
  wantsPublicMediator: z.boolean().optional(),
  respondent: partyIdentity.partial().optional(),
  representative: representative.nullable().optional(),
});
export type CaseRequest = z.infer<typeof caseRequest>;

/** The request as stored, in answers (no input transforms: responses are only serialised). */
const storedText = z.string().optional();
export const caseRequestView = z.object({
  category: category.optional(),
  subject: storedText,
  description: storedText,
  claimAmountKzt: z.number().nullable().optional(),
  region: region.optional(),
  language: mediationLanguage.optional(),
  remote: z.boolean().optional(),
  wantsPublicMediator: z.boolean().optional(),
  respondent: z
    .object({
      kind: z.enum(['individual', 'organisation']).optional(),
      fullName: storedText,
      iin: storedText,
      bin: storedText,
      email: storedText,
      phone: storedText,
    })
    .optional(),
  representative: z
    .object({ fullName: z.string(), iin: z.string(), powerOfAttorney: z.string() })
    .nullable()
    .optional(),
});

export const screeningAnswers = z.object(
  Object.fromEntries(SCREENING_QUESTIONS.map((q) => [q, z.boolean('required')])) as Record<
    (typeof SCREENING_QUESTIONS)[number],
    z.ZodBoolean
  >,
);
export const screeningResult = z.object({
  /** Only the answering party ever sees this; the case shows just "separate sessions". */
  positive: z.boolean(),
  separateSessions: z.boolean(),
  helpLines: z.array(z.object({ id: z.string(), phone: z.string() })),
});

export const caseCreated = z.object({ id: z.uuid(), number: z.string() });

// --- invitation (R-MED-07/09/10) -----------------------------------------------------------------
export const invitationToken = z.object({ token: z.string().min(20).max(100) });
export const caseInvitationView = z.object({
  caseId: z.uuid(),
  number: z.string(),
  status: caseStatus,
  origin: z.enum(['party', 'court']),
  category,
  subject: z.string(),
  description: z.string().nullable(),
  claimAmountKzt: z.number().nullable(),
  region,
  language: mediationLanguage,
  remote: z.boolean(),
  wantsPublicMediator: z.boolean(),
  invitedBy: z.string().describe("the initiating party's name, or the court's"),
  court: z.object({ name: z.string(), caseNumber: z.string() }).nullable(),
  invitee: z.object({ fullName: z.string(), kind: z.enum(['individual', 'organisation']) }),
  /** Last day to answer (Asia/Almaty calendar date, R-MED-10). */
  replyBy: z.iso.date(),
  consent: z.enum(['pending', 'accepted', 'declined']),
  screeningRequired: z.boolean(),
  /** Whether the logged-in account (if any) is the invited party: its IIN/BIN matches. */
  viewerMatches: z.boolean().nullable(),
});
export const acceptInvitation = z.object({ screening: screeningAnswers.optional() });
export const declineInvitation = z.object({ reason: optionalText(1000) });

// --- mediator choice, conflict of interest (R-MED-06), contract (R-MED-20) ------------------------
export const mediatorChoice = z.object({ mediatorId: z.uuid('invalid_format') });
export const mediatorAnswer = z.discriminatedUnion('accept', [
  z.object({
    accept: z.literal(true),
    /** One per party: "I have no conflict of interest with this party". */
    declarations: z.array(z.object({ partyId: z.uuid(), conflict: z.literal(false) })).min(1),
  }),
  z.object({
    accept: z.literal(false),
    reason: z.enum(['conflict', 'unavailable', 'other']),
    note: optionalText(1000),
  }),
]);

export const contractTerms = z.object({
  number: z.string(),
  date: z.iso.date(),
  place: z.object({ remote: z.boolean(), address: z.string().nullable(), region }),
  parties: z.array(
    z.object({
      fullName: z.string(),
      kind: z.enum(['individual', 'organisation']),
      idNumber: z.string().nullable(),
      representative: z.string().nullable(),
    }),
  ),
  mediator: z.object({
    fullName: z.string(),
    kind: z.enum(['professional', 'public']),
    registryNumber: z.string().nullable(),
    organisation: z.string().nullable(),
  }),
  category,
  subject: z.string(),
  language: mediationLanguage,
  procedure: z.enum(['remote', 'in_person']),
  fee: feeView,
  /** How the fee and expenses are shared: equally unless the parties agree otherwise (R-MED-18). */
  split: z.literal('equal'),
  termDays: z.number().int(),
  court: z.object({ name: z.string(), caseNumber: z.string() }).nullable(),
  rules: z.array(z.string()),
});
export type ContractTerms = z.infer<typeof contractTerms>;
export const confirmContract = z.object({
  contractHash: z.string().regex(/^[0-9a-f]{64}$/, 'invalid_format'),
});

// --- clock and ending (R-MED-11, R-MED-15, R-MED-21) ----------------------------------------------
export const extension = z.object({
  days: z.number('required').int('invalid_format').min(1, 'too_small').max(MAX_EXTENSION_DAYS, 'too_big'),
  /** The mediator records that every party agreed, and how (R-MED-11). */
  note: z.string().trim().min(3, 'required').max(1000, 'too_long'),
});
export const ending = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.enum(END_OUTCOMES), note: optionalText(2000) }),
  z.object({
    outcome: z.literal('terminated'),
    reason: z.enum(TERMINATION_REASONS),
    note: optionalText(2000),
  }),
]);
export const withdrawal = z.object({ reason: optionalText(1000) });
export const rating = z.object({
  stars: z.number('required').int('invalid_format').min(1, 'too_small').max(5, 'too_big'),
  comment: optionalText(2000),
});

// --- the case as a participant sees it -------------------------------------------------------------
export const waiting = z.object({
  code: z.enum([
    'initiator_submit',
    'reply',
    'mediator_choice',
    'mediator_answer',
    'contract_confirmation',
    'mediator_contract',
    'mediation',
    'nothing',
  ]),
  partyIds: z.array(z.string()),
});

export const partyView = z.object({
  id: z.uuid(),
  side: z.enum(['initiator', 'respondent']),
  kind: z.enum(['individual', 'organisation']),
  fullName: z.string(),
  /** IIN/BIN: shown to the case's participants, masked for the court. */
  idNumber: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  representative: z.object({ fullName: z.string(), powerOfAttorney: z.string() }).nullable(),
  consent: z.enum(['pending', 'accepted', 'declined']),
  /** Proof of notice (R-MED-10): when the invitation was sent, delivered, first opened. */
  invitation: z
    .object({
      sentAt: z.iso.datetime().nullable(),
      deliveredAt: z.iso.datetime().nullable(),
      readAt: z.iso.datetime().nullable(),
      replyBy: z.iso.date().nullable(),
    })
    .nullable(),
  mediatorChoiceId: z.uuid().nullable(),
  contractConfirmedAt: z.iso.datetime().nullable(),
  /** Only for the party itself: whether it answered the safety screening. */
  screened: z.boolean().nullable(),
});

export const caseMediatorView = z.object({
  id: z.uuid(),
  fullName: z.string(),
  kind: z.enum(['professional', 'public']),
  registryNumber: z.string().nullable(),
  organisation: z.string().nullable(),
});

export const timelineEntry = z.object({
  at: z.iso.datetime(),
  action: z.string(),
  actor: z.enum(['party', 'mediator', 'court', 'system']),
  from: caseStatus.nullable(),
  to: caseStatus.nullable(),
  rule: z.string().nullable(),
});

export const caseView = z.object({
  id: z.uuid(),
  number: z.string(),
  status: caseStatus,
  origin: z.enum(['party', 'court']),
  /** Null for the court: it sees status and outcome, never the content (R-MED-17). */
  request: caseRequestView.nullable(),
  separateSessions: z.boolean(),
  screeningRequired: z.boolean(),
  viewer: z.object({
    role: z.enum(['party', 'mediator', 'interpreter', 'court']),
    /** For a party: the party itself, or its representative (who sees it all but takes no step). */
    via: z.enum(['self', 'representative']).optional(),
    partyId: z.uuid().nullable(),
    actions: z.array(caseActionType),
  }),
  waiting,
  parties: z.array(partyView),
  mediator: caseMediatorView.nullable(),
  /** A court referral's rotation pick, offered first (the parties still choose, R-MED-09). */
  suggestedMediatorId: z.uuid().nullable(),
  excludedMediatorIds: z.array(z.uuid()),
  contract: z
    .object({ hash: z.string(), terms: contractTerms, mediatorConfirmedAt: z.iso.datetime().nullable() })
    .nullable(),
  term: z
    .object({
      startedOn: z.iso.date(),
      endsOn: z.iso.date(),
      extensionDays: z.number().int(),
      daysLeft: z.number().int(),
    })
    .nullable(),
  ending: z
    .object({
      outcome: caseStatus,
      reason: z.string().nullable(),
      note: z.string().nullable(),
      at: z.iso.datetime(),
    })
    .nullable(),
  court: z
    .object({
      name: z.string(),
      caseNumber: z.string(),
      proceeding: z.enum(PROCEEDING_TYPES),
      stage: z.enum(COURT_STAGES),
      judgeName: z.string(),
    })
    .nullable(),
  rating: z.object({ canRate: z.boolean(), stars: z.number().int().nullable() }).nullable(),
  timeline: z.array(timelineEntry),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

// --- dashboards ------------------------------------------------------------------------------------
export const caseListQuery = z.object({
  status: z.enum(['open', 'closed', 'all', ...CASE_STATUSES]).default('open'),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export const caseSummary = z.object({
  id: z.uuid(),
  number: z.string(),
  status: caseStatus,
  origin: z.enum(['party', 'court']),
  /** Null only for a draft that has none yet. */
  category: category.nullable(),
  /** Null for the court (R-MED-17). */
  subject: z.string().nullable(),
  myRole: z.enum(['party', 'mediator', 'court']),
  parties: z.array(z.string()).describe('party names'),
  mediatorName: z.string().nullable(),
  waiting: waiting.shape.code,
  /** The case waits for the viewer to act. */
  waitingOnMe: z.boolean(),
  /** Days left of the reply window (invited) or of the mediation term (active). */
  daysLeft: z.number().int().nullable(),
  /** Messages in the viewer's rooms of this case not read yet. */
  unreadMessages: z.number().int(),
  updatedAt: z.iso.datetime(),
});
export const caseList = z.object({ cases: z.array(caseSummary), total: z.number().int() });

// --- court referrals (R-CPC-01/02) -----------------------------------------------------------------
export const courtReferral = z.object({
  courtCaseNumber: z.string().trim().min(3, 'required').max(60, 'too_long'),
  proceeding: z.enum(PROCEEDING_TYPES),
  stage: z.enum(COURT_STAGES),
  judgeName: fullName,
  category,
  subject: z.string().trim().min(3, 'required').max(200, 'too_long'),
  claimAmountKzt: amountKzt.nullable().optional(),
  region,
  language: mediationLanguage,
  remote: z.boolean(),
  wantsPublicMediator: z.boolean(),
  /** 'rotation' offers the parties the next mediator in the court's fair rotation. */
  mediatorSelection: z.enum(['parties', 'rotation']),
  parties: z.array(partyIdentity).length(2),
});

/** The mediator's answer: the case if they took it; if they declined, only that they are released. */
export const mediatorAnswerResult = z.union([
  caseView,
  z.object({ id: z.uuid(), status: caseStatus, released: z.literal(true) }),
]);

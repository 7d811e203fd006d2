import type { CourtStage, ProceedingType } from '../../../core/cases/court.ts';
import { REGIONS } from '../../../core/registry/reference.ts';
import type { CourtReferralBody } from '../../cases-api.ts';
import { checkName } from '../auth/validation.ts';
import {
  emptyParty,
  NAME_REQUIRED,
  type PartyDraft,
  partyFields,
  partyProblems,
  partyToIdentity,
} from './party-draft.ts';
import { type DisputeDraft, disputeProblems, disputeToBody, emptyDispute } from './request-draft.ts';

// The court referral form's state (R-CPC-01/02): the pending court case, the dispute, the two parties.

export type ReferralDraft = DisputeDraft & {
  courtCaseNumber: string;
  proceeding: ProceedingType | '';
  stage: CourtStage | '';
  judgeName: string;
  mediatorSelection: 'parties' | 'rotation';
  parties: [PartyDraft, PartyDraft];
};

export const emptyReferral = (region: string | null, language: string): ReferralDraft => ({
  ...emptyDispute(null, language),
  // The court's own region is the likely place of mediation.
  region: region && (REGIONS as readonly string[]).includes(region) ? region : '',
  courtCaseNumber: '',
  proceeding: 'claim',
  stage: '',
  judgeName: '',
  mediatorSelection: 'parties',
  parties: [emptyParty(), emptyParty()],
});

export const toReferralBody = (draft: ReferralDraft): CourtReferralBody => {
  const dispute = disputeToBody(draft);
  const party = (p: PartyDraft) => ({ ...partyToIdentity(p), fullName: p.fullName.trim() });
  return {
    courtCaseNumber: draft.courtCaseNumber.trim(),
    proceeding: draft.proceeding as ProceedingType,
    stage: draft.stage as CourtStage,
    judgeName: draft.judgeName.trim(),
    category: dispute.category as CourtReferralBody['category'],
    subject: dispute.subject ?? '',
    claimAmountKzt: dispute.claimAmountKzt,
    region: dispute.region as CourtReferralBody['region'],
    language: dispute.language as CourtReferralBody['language'],
    remote: draft.remote,
    wantsPublicMediator: draft.wantsPublicMediator,
    mediatorSelection: draft.mediatorSelection,
    parties: [party(draft.parties[0]), party(draft.parties[1])],
  };
};

/** Everything is needed at once (a referral has no draft); the server checks again. */
export const referralProblems = (draft: ReferralDraft): Record<string, string> => {
  const problems: Record<string, string> = {
    ...disputeProblems(draft, true),
    ...partyProblems(draft.parties[0], 'parties.0', true),
    ...partyProblems(draft.parties[1], 'parties.1', true),
  };
  if (draft.courtCaseNumber.trim().length < 3) problems.courtCaseNumber = 'fields.required';
  if (!draft.proceeding) problems.proceeding = 'fields.invalid_value';
  if (!draft.stage) problems.stage = 'fields.invalid_value';
  if (checkName(draft.judgeName)) problems.judgeName = NAME_REQUIRED;
  return problems;
};

export const REFERRAL_FIELDS = [
  'courtCaseNumber',
  'proceeding',
  'stage',
  'judgeName',
  'category',
  'subject',
  'claimAmountKzt',
  'region',
  'language',
  'remote',
  'wantsPublicMediator',
  'mediatorSelection',
  'parties',
  ...partyFields('parties.0'),
  ...partyFields('parties.1'),
] as const;

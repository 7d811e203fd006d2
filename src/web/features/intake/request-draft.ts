import { DISPUTE_CATEGORIES, MEDIATION_LANGUAGES, REGIONS } from '../../../core/registry/reference.ts';
import type { CaseRequest, CaseView } from '../../cases-api.ts';
import { checkIin, checkName, digitsOnly } from '../auth/validation.ts';
import {
  emptyParty,
  NAME_REQUIRED,
  type PartyDraft,
  partyFields,
  partyFromIdentity,
  partyProblems,
  partyToIdentity,
} from './party-draft.ts';

// The request form's state (strings as typed, so nothing is reformatted under the cursor or lost)
// and its conversions to and from the contract's CaseRequest.

/** The dispute as both the request form and the court referral describe it. */
export type DisputeDraft = {
  category: string;
  subject: string;
  description: string;
  claimAmount: string;
  region: string;
  language: string;
  remote: boolean;
  wantsPublicMediator: boolean;
};

export type RepresentativeDraft = { fullName: string; iin: string; powerOfAttorney: string };

export type RequestDraft = DisputeDraft & {
  respondent: PartyDraft;
  hasRepresentative: boolean;
  representative: RepresentativeDraft;
};

const known = (list: readonly string[], value: string | null | undefined) =>
  value && list.includes(value) ? value : '';

export const emptyDispute = (category: string | null, language: string): DisputeDraft => ({
  category: known(DISPUTE_CATEGORIES, category),
  subject: '',
  description: '',
  claimAmount: '',
  region: '',
  language: known(MEDIATION_LANGUAGES, language),
  remote: true,
  wantsPublicMediator: false,
});

/** A new request: the category may come from the explorer (`?category=`), the language from the interface. */
export const emptyRequest = (category: string | null, language: string): RequestDraft => ({
  ...emptyDispute(category, language),
  respondent: emptyParty(),
  hasRepresentative: false,
  representative: { fullName: '', iin: '', powerOfAttorney: '' },
});

/** Resuming a saved draft (`/cases/new?draft=<id>`). */
export const requestFromView = (
  request: NonNullable<CaseView['request']>,
  language: string,
): RequestDraft => ({
  category: known(DISPUTE_CATEGORIES, request.category),
  subject: request.subject ?? '',
  description: request.description ?? '',
  claimAmount: request.claimAmountKzt == null ? '' : String(request.claimAmountKzt),
  region: known(REGIONS, request.region),
  language: known(MEDIATION_LANGUAGES, request.language ?? language),
  remote: request.remote ?? true,
  wantsPublicMediator: request.wantsPublicMediator ?? false,
  respondent: partyFromIdentity(request.respondent),
  hasRepresentative: Boolean(request.representative),
  representative: {
    fullName: request.representative?.fullName ?? '',
    iin: request.representative?.iin ?? '',
    powerOfAttorney: request.representative?.powerOfAttorney ?? '',
  },
});

/**
 * "1 500 000", "1500000 ₸" → 1500000; empty → null; anything else (decimals, "1.5 млн") → NaN: the
 * form then asks for whole tenge instead of silently dropping or misreading the amount.
 */
export const parseAmount = (value: string): number | null => {
  const digits = value.replace(/[\s\u00a0\u202f₸]/g, '').replace(/(тг|тенге|kzt)$/i, '');
  if (!digits) return null;
  return /^\d{1,12}$/.test(digits) ? Number(digits) : Number.NaN;
};

const optional = (value: string) => value.trim() || undefined;

export const disputeToBody = (dispute: DisputeDraft) => {
  const amount = parseAmount(dispute.claimAmount);
  return {
    category: optional(dispute.category) as CaseRequest['category'],
    subject: optional(dispute.subject),
    claimAmountKzt: amount === null || Number.isNaN(amount) ? null : amount,
    region: optional(dispute.region) as CaseRequest['region'],
    language: optional(dispute.language) as CaseRequest['language'],
    remote: dispute.remote,
    wantsPublicMediator: dispute.wantsPublicMediator,
  };
};

/** The body of POST /api/cases and PATCH /api/cases/:id: it replaces the draft's fields. */
export const toCaseRequest = (draft: RequestDraft): CaseRequest => ({
  ...disputeToBody(draft),
  description: optional(draft.description),
  respondent: partyToIdentity(draft.respondent),
  representative: draft.hasRepresentative
    ? {
        fullName: draft.representative.fullName.trim(),
        iin: digitsOnly(draft.representative.iin),
        powerOfAttorney: draft.representative.powerOfAttorney.trim(),
      }
    : null,
});

export const AMOUNT_FORMAT = 'web.intake.dispute.amountFormat';

/** Dispute fields: every one but the description and the amount is needed to send. */
export const disputeProblems = (dispute: DisputeDraft, complete: boolean) => {
  const problems: Record<string, string> = {};
  if (complete) {
    if (!dispute.category) problems.category = 'fields.unknown_category';
    if (dispute.subject.trim().length < 3) problems.subject = 'fields.required';
    if (!dispute.region) problems.region = 'fields.unknown_region';
    if (!dispute.language) problems.language = 'fields.unknown_language';
  }
  if (Number.isNaN(parseAmount(dispute.claimAmount))) problems.claimAmountKzt = AMOUNT_FORMAT;
  return problems;
};

/** What the browser can tell before a round trip; `complete` for sending, not for saving a draft. */
export const requestProblems = (draft: RequestDraft, complete: boolean): Record<string, string> => {
  const problems: Record<string, string> = {
    ...disputeProblems(draft, complete),
    ...partyProblems(draft.respondent, 'respondent', complete),
  };
  if (draft.hasRepresentative) {
    const r = draft.representative;
    const iin = checkIin(r.iin, true);
    if (checkName(r.fullName)) problems['representative.fullName'] = NAME_REQUIRED;
    if (iin) problems['representative.iin'] = `fields.${iin}`;
    if (r.powerOfAttorney.trim().length < 3) problems['representative.powerOfAttorney'] = 'fields.required';
  }
  return problems;
};

/** The problems above (field → message key) in the reader's words (field → message). */
export const inWords = (problems: Record<string, string>, t: (key: string) => string) =>
  Object.fromEntries(Object.entries(problems).map(([field, key]) => [field, t(key)]));

/** Every field the server may name, so that each error lands beside its field. */
export const REQUEST_FIELDS = [
  'category',
  'subject',
  'description',
  'claimAmountKzt',
  'region',
  'language',
  'remote',
  'wantsPublicMediator',
  ...partyFields('respondent'),
  'representative',
  'representative.fullName',
  'representative.iin',
  'representative.powerOfAttorney',
] as const;

import type { AgreementRuleId } from './law.ts';
import type { AgreementDraft, AgreementLanguage, LocalizedText } from './types.ts';

// What is wrong with a draft, as data: a stable code (the UI and the API translate it), the rule
// that makes it wrong (its text is the "why" shown beside the field; null for a purely technical
// problem such as a malformed date), and the path of the field in the draft. Errors block
// approval; warnings are shown and do not.

export const PROBLEM_CODES = [
  // R-MED-21: what a settlement agreement must contain.
  'languages_required',
  'language_duplicate',
  'text_missing',
  'date_invalid',
  'parties_too_few',
  'party_ref_duplicate',
  'party_name_required',
  'iin_invalid',
  'bin_invalid',
  'party_duplicate',
  'representative_required',
  'mediator_name_required',
  'mediator_registry_required',
  'terms_required',
  // R-CPC-03: terms, deadline and method of every obligation; no suspensive conditions.
  'obligation_party_unknown',
  'obligation_same_party',
  'obligation_subject_required',
  'amount_invalid',
  'deadline_required',
  'method_required',
  'suspensive_condition',
  'condition_wording',
  'deadline_date_invalid',
  'deadline_before_agreement',
  'instalments_empty',
  'instalments_need_money',
  'instalments_not_ascending',
  'instalments_sum_mismatch',
  'recurring_day_invalid',
  'recurring_range_invalid',
  'method_incompatible',
  'iban_invalid',
  // Costs (R-CPC-03 allocation of costs; R-MED-14/18 the mediator's fee).
  'cost_party_unknown',
  'shares_not_100',
  'public_mediator_fee',
  // Scope: Singapore Convention, administrative, family and criminal cases.
  'singapore_state_party',
  'singapore_not_international',
  'singapore_excluded_category',
  'singapore_check_category',
  'singapore_court_approval',
  'administrative_body_missing',
  'administrative_no_discretion',
  'administrative_discretion_unconfirmed',
  'alimony_outside_family',
  'alimony_not_money',
  'criminal_redress_missing',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

export type Severity = 'error' | 'warning';

export type AgreementProblem = {
  code: ProblemCode;
  rule: AgreementRuleId | null;
  severity: Severity;
  /** Path of the field in the draft: `obligations[2].deadline`, `parties[0].iin`. */
  path: string;
  /** Values the message quotes (a language, a sum). */
  params?: Record<string, string | number>;
};

/** Where a check fires: a path, and what its message quotes. */
export type Hit = { path: string; params?: Record<string, string | number> };

/** One row of a check table: the rule it enforces, and the places in a draft where it fires. */
export type Check = {
  code: ProblemCode;
  rule: AgreementRuleId | null;
  severity: Severity;
  find: (draft: AgreementDraft) => Hit[];
};

// --- helpers shared by the check tables ----------------------------------------------------------

const blank = (value: string | undefined) => !value || value.trim() === '';

/** The agreement's languages in which a text has not been written yet. */
export const missingLanguages = (text: LocalizedText | undefined, languages: AgreementLanguage[]) =>
  languages.filter((lang) => blank(text?.[lang]));

/** One hit per missing language of a text, at `path`. */
export const textHits = (draft: AgreementDraft, text: LocalizedText | undefined, path: string): Hit[] =>
  missingLanguages(text, draft.languages).map((lang) => ({ path: `${path}.${lang}`, params: { lang } }));

export const isBlank = blank;

/** Hits for each element of a list that matches. */
export const each = <T>(
  items: readonly T[],
  prefix: string,
  hit: (item: T, path: string) => Hit[] | boolean,
): Hit[] =>
  items.flatMap((item, i) => {
    const path = `${prefix}[${i}]`;
    const found = hit(item, path);
    if (found === true) return [{ path }];
    return found === false ? [] : found;
  });

export const isPositiveTiyn = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value > 0;

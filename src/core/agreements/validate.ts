import { CONTENT_CHECKS } from './checks-contents.ts';
import { SCOPE_CHECKS } from './checks-scope.ts';
import { TERM_CHECKS } from './checks-terms.ts';
import { agreementRule } from './law.ts';
import type { AgreementProblem, Check } from './problems.ts';
import type { AgreementDraft, AgreementLanguage } from './types.ts';

// One entry point for every rule an agreement must meet. The same function runs in the browser
// (fields light up as the mediator types) and on the server (approval and freezing refuse a draft
// with an error); the tables are what a legal administrator reads.

export const AGREEMENT_CHECKS: readonly Check[] = [...CONTENT_CHECKS, ...TERM_CHECKS, ...SCOPE_CHECKS];

export const validateAgreement = (draft: AgreementDraft): AgreementProblem[] =>
  AGREEMENT_CHECKS.flatMap((check) =>
    check.find(draft).map((hit) => ({
      code: check.code,
      rule: check.rule,
      severity: check.severity,
      path: hit.path,
      ...(hit.params ? { params: hit.params } : {}),
    })),
  );

export const agreementErrors = (draft: AgreementDraft) =>
  validateAgreement(draft).filter((problem) => problem.severity === 'error');

/** True when nothing blocks the draft from being approved and frozen. */
export const isAgreementValid = (draft: AgreementDraft) => agreementErrors(draft).length === 0;

/** The "why" of a problem: the text of its rule in a language, with the rule id and source. */
export const explainProblem = (problem: AgreementProblem, lang: AgreementLanguage) => {
  if (!problem.rule) return null;
  const rule = agreementRule(problem.rule);
  return { id: problem.rule, text: rule.text[lang], source: rule.source, confidence: rule.confidence };
};

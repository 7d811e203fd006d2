import { CIVIL_PROCEDURE } from './civil-procedure.ts';
import { CRIMINAL_LAW } from './criminal-law.ts';
import { MEDIATION_LAW } from './mediation-law.ts';
import { SECTORAL_LAW } from './sectoral.ts';
import { type LawRule, needsVerification } from './types.ts';

// Every rule of every code in one lookup, so a "why" can be shown for any id the code cites.
export const LAW_RULES = {
  ...MEDIATION_LAW,
  ...CIVIL_PROCEDURE,
  ...CRIMINAL_LAW,
  ...SECTORAL_LAW,
} as const satisfies Record<string, LawRule>;

export type RuleId = keyof typeof LAW_RULES;

export const isRuleId = (id: string): id is RuleId => Object.hasOwn(LAW_RULES, id);

/** The rule with this id, or undefined for an id no table knows. */
export const ruleById = (id: string): LawRule | undefined => (isRuleId(id) ? LAW_RULES[id] : undefined);

/** A rule as cited in a result: its text and source, and whether an administrator should verify it. */
export type Citation = Omit<LawRule, 'id'> & { id: RuleId; verify: boolean };
export const citation = (id: RuleId): Citation => {
  const rule: LawRule = LAW_RULES[id];
  return { ...rule, id, text: { ...rule.text }, verify: needsVerification(rule) };
};

export type { Confidence, LawRule } from './types.ts';
export { needsVerification } from './types.ts';

import type { CaseStatus } from '../../../core/cases/lifecycle.ts';

// When the people around a mediation may change, and who cannot be named (R-MED-15, R-MED-06).
// Pure: the commands load the facts and ask these.

/**
 * A party names or changes its representative while the case is under way: after the request was
 * sent (a draft names one in the request form) and until the case ends.
 */
export const REPRESENTATIVE_STATUSES: readonly CaseStatus[] = [
  'invited',
  'choosing_mediator',
  'mediator_asked',
  'contract',
  'active',
];

/** The mediator adds an interpreter to a running mediation: the rooms open then (R-MED-07). */
export const INTERPRETER_STATUSES: readonly CaseStatus[] = ['active'];

/** Everyone already in the case, by IIN: none of them can also be someone's representative or an interpreter. */
export type Participants = {
  /** The caller's own IIN: naming yourself is refused as such. */
  self: string | null | undefined;
  /** IINs of the parties, their representatives (other than the one being replaced), the mediator, interpreters. */
  others: readonly (string | null | undefined)[];
};

/**
 * Why this IIN cannot be added, as a field error code, or null. The same person cannot sit in two
 * places of one dispute: a representative of both sides, or a party interpreting, would break the
 * equality of the parties and the mediator's impartiality (R-MED-06).
 */
export const memberIinProblem = (
  iin: string,
  people: Participants,
): 'member_self' | 'member_is_participant' | null => {
  if (people.self && people.self === iin) return 'member_self';
  return people.others.some((other) => other === iin) ? 'member_is_participant' : null;
};

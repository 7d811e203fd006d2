import type { DisputeCategory, MediationLanguage, MediatorKind, Region } from './reference.ts';

// Matching: which mediators can take a case (hard filters), and in what order to suggest them
// (a weighted score whose every part is shown to the parties as "why this mediator").

export type CaseNeeds = {
  category: DisputeCategory;
  language: MediationLanguage;
  region: Region;
  /** The parties want to meet online; otherwise in person in their region. */
  remote: boolean;
  /** The parties asked for a public (free) mediator, R-MED-14. */
  wantsPublic: boolean;
};

export type MediatorRecord = {
  id: string;
  kind: MediatorKind;
  categories: readonly DisputeCategory[];
  languages: readonly MediationLanguage[];
  regions: readonly Region[];
  remote: boolean;
  inPerson: boolean;
  activeCases: number;
  capacity: number;
  completedCases: number;
  settledCases: number;
  ratingSum: number;
  ratingCount: number;
  upheldComplaints: number;
};

/**
 * Reference codes as bits, bit i for list[i] (lists in reference.ts): the database keeps each
 * mediator's languages, regions and categories also as such a mask (schema/registry.ts), so the
 * hard filters and the groups of matching are one AND on an integer read from an index. The
 * lists are short enough for a 32-bit integer; their order is the encoding and must not change.
 */
export const referenceBit = <T extends string>(list: readonly T[], code: T): number => {
  const bit = list.indexOf(code);
  if (bit < 0 || bit > 30) throw new RangeError(`no mask bit for "${code}"`);
  return 2 ** bit;
};

export const referenceMask = <T extends string>(list: readonly T[], codes: readonly T[]): number =>
  codes.reduce((mask, code) => mask | referenceBit(list, code), 0);

export type Exclusion = 'language' | 'not_public' | 'region' | 'full';

/** Why a mediator cannot take the case at all, or null when they can. */
export const exclusion = (needs: CaseNeeds, m: MediatorRecord): Exclusion | null => {
  if (!m.languages.includes(needs.language)) return 'language';
  if (needs.wantsPublic && m.kind !== 'public') return 'not_public';
  const local = m.regions.includes(needs.region);
  if (needs.remote ? !(m.remote || local) : !(local && m.inPerson)) return 'region';
  if (m.activeCases >= m.capacity) return 'full';
  return null;
};

/** The weights, documented here and shown on the public "how we suggest mediators" page. */
export const WEIGHTS = {
  specialisation: 0.3, // the case's category is one of the mediator's specialisations
  region: 0.15, // serves the parties' region (knows local practice; can meet in person)
  availability: 0.2, // share of declared capacity still free
  experience: 0.1, // completed mediations, saturating at 50
  settlement: 0.15, // settled / completed, pulled towards 1/2 when there are few cases
  rating: 0.1, // parties' average rating 1–5, pulled towards 3 when there are few ratings
} as const;
export const COMPLAINT_PENALTY = 0.05; // per upheld ethics complaint
export const MAX_COMPLAINT_PENALTY = 0.2;
const EXPERIENCE_SATURATION = 50;
const RATING_PRIOR_WEIGHT = 5;

export type Factor = keyof typeof WEIGHTS | 'complaints';
export type ScoreExplanation = {
  score: number;
  factors: { factor: Factor; value: number; contribution: number }[];
};

export const factorValues = (needs: CaseNeeds, m: MediatorRecord): Record<keyof typeof WEIGHTS, number> => ({
  specialisation: m.categories.includes(needs.category) ? 1 : 0,
  region: m.regions.includes(needs.region) ? 1 : 0,
  availability: m.capacity > 0 ? Math.max(0, 1 - m.activeCases / m.capacity) : 0,
  experience: Math.min(m.completedCases, EXPERIENCE_SATURATION) / EXPERIENCE_SATURATION,
  settlement: (m.settledCases + 1) / (m.completedCases + 2),
  rating:
    (m.ratingSum + 3 * RATING_PRIOR_WEIGHT - (m.ratingCount + RATING_PRIOR_WEIGHT)) /
    (4 * (m.ratingCount + RATING_PRIOR_WEIGHT)),
});

const round = (x: number) => Math.round(x * 10_000) / 10_000;

export const explainScore = (needs: CaseNeeds, m: MediatorRecord): ScoreExplanation => {
  const values = factorValues(needs, m);
  const factors = (Object.keys(WEIGHTS) as (keyof typeof WEIGHTS)[]).map((factor) => ({
    factor: factor as Factor,
    value: round(values[factor]),
    contribution: round(values[factor] * WEIGHTS[factor]),
  }));
  const penalty = Math.min(m.upheldComplaints * COMPLAINT_PENALTY, MAX_COMPLAINT_PENALTY);
  factors.push({ factor: 'complaints', value: m.upheldComplaints, contribution: round(-penalty) });
  return { score: round(factors.reduce((sum, f) => sum + f.contribution, 0)), factors };
};

/** Eligible mediators, best first; ties go to the one with fewer active cases, then by id. */
export const rankMediators = (needs: CaseNeeds, mediators: readonly MediatorRecord[], limit = 10) =>
  mediators
    .filter((m) => exclusion(needs, m) === null)
    .map((m) => ({ mediator: m, ...explainScore(needs, m) }))
    .sort(
      (a, b) =>
        b.score - a.score ||
        a.mediator.activeCases - b.mediator.activeCases ||
        (a.mediator.id < b.mediator.id ? -1 : 1),
    )
    .slice(0, limit);

export type RotationEntry = { id: string; referrals: number; lastReferredAt: string | null };

/**
 * Court referrals rotate: the eligible mediator with the fewest referrals so far, then the one
 * waiting longest, then by id — so over N referrals every mediator's share differs by at most one.
 */
export const nextInRotation = (eligible: readonly RotationEntry[]): RotationEntry | undefined =>
  [...eligible].sort(
    (a, b) =>
      a.referrals - b.referrals ||
      (a.lastReferredAt ?? '').localeCompare(b.lastReferredAt ?? '') ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  )[0];

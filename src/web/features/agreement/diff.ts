import type { AgreementTerms } from '../../../core/agreements/compose.ts';
import type { Clause, Obligation } from '../../../core/agreements/types.ts';
import { canonicalJson } from '../../../core/util/canonical-json.ts';

// Two versions side by side, kept simple: obligations and clauses are matched by their id and
// compared as JSON; everything else is compared key by key. The same comparison re-applies a
// person's edits onto a newer version when someone saved first (the 409 "stale" case).

/** The terms' keys other than the two lists, in the order the builder shows them. */
export const GENERAL_KEYS = [
  'languages',
  'layout',
  'subject',
  'place',
  'parties',
  'legalCosts',
  'mediatorFee',
  'international',
  'singaporeConvention',
  'administrativeDiscretion',
] as const satisfies readonly (keyof AgreementTerms)[];
export type GeneralKey = (typeof GENERAL_KEYS)[number];

const same = (a: unknown, b: unknown) => canonicalJson(a ?? null) === canonicalJson(b ?? null);

/** True when two sets of terms say the same thing (key order and absent-vs-undefined aside). */
export const sameTerms = (a: AgreementTerms, b: AgreementTerms) => same(a, b);

type Item = { id: string };
export type ListDiff<T extends Item> = {
  added: { item: T; index: number }[];
  removed: { item: T; index: number }[];
  changed: { before: T; after: T; index: number }[];
};

const diffList = <T extends Item>(older: readonly T[], newer: readonly T[]): ListDiff<T> => ({
  added: newer.flatMap((item, index) => (older.some((o) => o.id === item.id) ? [] : [{ item, index }])),
  removed: older.flatMap((item, index) => (newer.some((n) => n.id === item.id) ? [] : [{ item, index }])),
  changed: newer.flatMap((after, index) => {
    const before = older.find((o) => o.id === after.id);
    return before && !same(before, after) ? [{ before, after, index }] : [];
  }),
});

export type TermsDiff = {
  obligations: ListDiff<Obligation>;
  clauses: ListDiff<Clause>;
  /** General parts that differ (languages, costs, …). */
  general: GeneralKey[];
};

/** What changed from `older` to `newer`. */
export const diffTerms = (older: AgreementTerms, newer: AgreementTerms): TermsDiff => ({
  obligations: diffList(older.obligations, newer.obligations),
  clauses: diffList(older.clauses, newer.clauses),
  general: GENERAL_KEYS.filter((key) => !same(older[key], newer[key])),
});

export const isEmptyDiff = (diff: TermsDiff) =>
  diff.general.length === 0 &&
  [diff.obligations, diff.clauses].every((d) => !d.added.length && !d.removed.length && !d.changed.length);

/**
 * Someone else's edits, made while you kept `base`'s copy and typed `mine`: `mine` again on top of
 * `latest`, each general part and each list item taken from the side that changed it. Where both
 * changed the same part or item, yours wins and the part is named in `conflicts` for you to check.
 */
const rebaseList = <T extends Item>(base: readonly T[], mine: readonly T[], latest: readonly T[]) => {
  const conflicts: string[] = [];
  const removedByMe = new Set(base.filter((b) => !mine.some((m) => m.id === b.id)).map((b) => b.id));
  const result: T[] = latest
    .filter((item) => !removedByMe.has(item.id))
    .map((theirs) => {
      const ours = mine.find((m) => m.id === theirs.id);
      const original = base.find((b) => b.id === theirs.id);
      if (!ours || !original || same(ours, original)) return theirs;
      if (!same(theirs, original) && !same(theirs, ours)) conflicts.push(theirs.id);
      return ours;
    });
  // Items I changed that they removed come back (yours wins), items I added go after.
  for (const ours of mine) {
    if (result.some((r) => r.id === ours.id)) continue;
    const original = base.find((b) => b.id === ours.id);
    if (original && same(original, ours)) continue;
    if (original) conflicts.push(ours.id);
    result.push(ours);
  }
  return { result, conflicts };
};

export const rebaseTerms = (base: AgreementTerms, mine: AgreementTerms, latest: AgreementTerms) => {
  const obligations = rebaseList(base.obligations, mine.obligations, latest.obligations);
  const clauses = rebaseList(base.clauses, mine.clauses, latest.clauses);
  const terms: AgreementTerms = { ...latest, obligations: obligations.result, clauses: clauses.result };
  const general: GeneralKey[] = [];
  const record = terms as Record<GeneralKey, unknown>;
  for (const key of GENERAL_KEYS) {
    if (same(mine[key], base[key])) continue;
    if (!same(latest[key], base[key]) && !same(latest[key], mine[key])) general.push(key);
    record[key] = mine[key];
  }
  return {
    terms,
    conflicts: { obligations: obligations.conflicts, clauses: clauses.conflicts, general },
  };
};
export type Rebased = ReturnType<typeof rebaseTerms>;

import type { AgreementProblem } from '../../../core/agreements/problems.ts';

// Where on the form a problem is shown. Core validation names the place in the draft
// (`obligations[2].deadline.instalments[0].date`); the builder names its inputs and groups by the
// same paths, so a problem goes to the nearest one that the builder draws. What people cannot edit
// (the case number, the parties' IIN, the mediator) goes to the block of case facts.

/** The block that shows what the platform fills in from the case (not editable). */
export const FACTS = 'facts';

/**
 * Every path the builder draws an input or a group for: `[n]` is any index, `{lang}` any language
 * of the agreement. Keep in step with the editor components.
 */
export const FIELD_PATTERNS: ReadonlySet<string> = new Set([
  FACTS,
  'languages',
  'layout',
  'case.subject',
  'case.subject.{lang}',
  'place',
  'place.{lang}',
  'parties',
  'parties[n]',
  'parties[n].address',
  'parties[n].address.{lang}',
  'parties[n].representative',
  'parties[n].representative.basis',
  'parties[n].representative.basis.{lang}',
  'obligations',
  'obligations[n]',
  'obligations[n].topic',
  'obligations[n].debtor',
  'obligations[n].creditor',
  'obligations[n].subject',
  'obligations[n].subject.amountTiyn',
  'obligations[n].subject.purpose',
  'obligations[n].subject.purpose.{lang}',
  'obligations[n].subject.description',
  'obligations[n].subject.description.{lang}',
  'obligations[n].deadline',
  'obligations[n].deadline.date',
  'obligations[n].deadline.instalments',
  'obligations[n].deadline.instalments[n].date',
  'obligations[n].deadline.instalments[n].amountTiyn',
  'obligations[n].deadline.day',
  'obligations[n].deadline.from',
  'obligations[n].deadline.until',
  'obligations[n].method',
  'obligations[n].method.kind',
  'obligations[n].method.iban',
  'obligations[n].method.address',
  'obligations[n].method.address.{lang}',
  'obligations[n].method.place',
  'obligations[n].method.place.{lang}',
  'obligations[n].method.description',
  'obligations[n].method.description.{lang}',
  'obligations[n].condition',
  'obligations[n].condition.text',
  'obligations[n].condition.text.{lang}',
  'clauses',
  'clauses[n]',
  'clauses[n].text',
  'clauses[n].text.{lang}',
  'clauses[n].conditional',
  'legalCosts',
  'legalCosts.partyId',
  'legalCosts.shares',
  'mediatorFee',
  'mediatorFee.amountTiyn',
  'mediatorFee.shares',
  'international',
  'singaporeConvention',
  'case.administrativeDiscretion',
]);

/** `obligations[2].method.address.kk` → `obligations[n].method.address.{lang}`. */
export const patternOf = (path: string) =>
  path.replace(/\[\d+\]/g, '[n]').replace(/\.(kk|ru|en)$/, '.{lang}');

/** The path and each of its parents, nearest first: `a[1].b` → `a[1].b`, `a[1]`, `a`. */
export const ancestors = (path: string): string[] => {
  const out: string[] = [];
  let rest = path;
  while (rest) {
    out.push(rest);
    const cut = Math.max(rest.lastIndexOf('.'), rest.lastIndexOf('['));
    rest = cut > 0 ? rest.slice(0, cut) : '';
  }
  return out;
};

/** The field or group a problem at `path` is shown beside. */
export const fieldOf = (path: string): string =>
  ancestors(path).find((candidate) => FIELD_PATTERNS.has(patternOf(candidate))) ?? FACTS;

/** The DOM id of a field: `obligations[2].deadline` → `agr-obligations-2-deadline`. */
export const fieldId = (path: string) => `agr-${path.replace(/[[\].]+/g, '-').replace(/-$/, '')}`;

/** Problems grouped by the field that shows them, errors before warnings, in check order. */
export const problemsByField = (problems: readonly AgreementProblem[]) => {
  const map = new Map<string, AgreementProblem[]>();
  const rank = (problem: AgreementProblem) => (problem.severity === 'error' ? 0 : 1);
  const ordered = [...problems].sort((a, b) => rank(a) - rank(b));
  for (const problem of ordered) {
    const field = fieldOf(problem.path);
    map.set(field, [...(map.get(field) ?? []), problem]);
  }
  return map;
};

/** Keys of the terms that the draft keeps under `case.` (the server's field errors name the terms). */
const CASE_KEYS = new Set(['subject', 'administrativeDiscretion']);

/**
 * A field error of the server → a draft path. Request validation names the body
 * (`terms.obligations.0.subject.amountTiyn`); an agreement_invalid error names the draft already
 * (`obligations[0].deadline`). The parties of the terms are listed in another order than the
 * draft's, so their errors go to the parties block.
 */
export const fromServerField = (field: string): string => {
  const fromTerms = /^(body\.)?terms\./.test(field);
  const path = field
    .replace(/^(body\.)?terms\./, '')
    .replace(/\.(\d+)(?=\.|$)/g, '[$1]')
    .replace(/^(\w+)/, (key) => (fromTerms && CASE_KEYS.has(key) ? `case.${key}` : key));
  if (fromTerms && /^parties\[\d+\]/.test(path)) return 'parties';
  return path;
};

/** The parts of the draft in the order the builder shows them (and the document prints them). */
const SECTIONS = [
  'mediator',
  'date',
  FACTS,
  'languages',
  'layout',
  'case.subject',
  'place',
  'parties',
  'obligations',
  'clauses',
  'legalCosts',
  'mediatorFee',
  'international',
  'singaporeConvention',
  'case.administrativeDiscretion',
];

/** A key that sorts problems top to bottom as the form shows their fields. */
export const documentOrder = (path: string) => {
  const section = SECTIONS.findIndex(
    (s) => path === s || path.startsWith(`${s}.`) || path.startsWith(`${s}[`),
  );
  const padded = path.replace(/\[(\d+)\]/g, (_, n: string) => `[${n.padStart(4, '0')}]`);
  return `${String(section === -1 ? 0 : section).padStart(2, '0')}:${padded}`;
};

/** Where a problem is, in words people use: `web.agreement.places.<key>` with `n` (1-based). */
export const placeOf = (path: string): { key: string; n?: number } => {
  const item = /^(obligations|clauses|parties)\[(\d+)\]/.exec(path);
  if (item) {
    const key = item[1] === 'obligations' ? 'obligation' : item[1] === 'clauses' ? 'clause' : 'party';
    return { key, n: Number(item[2]) + 1 };
  }
  const top = path.startsWith('case.')
    ? path.split('.').slice(0, 2).join('.')
    : (path.split(/[.[]/)[0] ?? '');
  const names: Record<string, string> = {
    languages: 'languages',
    layout: 'languages',
    'case.subject': 'subject',
    place: 'place',
    parties: 'parties',
    obligations: 'obligations',
    clauses: 'clauses',
    legalCosts: 'legalCosts',
    mediatorFee: 'mediatorFee',
    international: 'singapore',
    singaporeConvention: 'singapore',
    'case.administrativeDiscretion': 'discretion',
  };
  return { key: names[top] ?? 'facts' };
};

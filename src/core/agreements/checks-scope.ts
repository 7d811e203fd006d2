import type { DisputeCategory } from '../registry/reference.ts';
import { type Check, each, type Hit, isPositiveTiyn } from './problems.ts';
import type { AgreementDraft, Share } from './types.ts';

// Rules that depend on the kind of case: the Singapore Convention clause (R-SG-01/04),
// administrative cases (R-MED-05, R-ADM-01), alimony (R-FAM-01), criminal reconciliation
// (R-CRIM-01), and the costs and fee the agreement allocates (R-CPC-03, R-MED-14).

/** R-SG-04: categories whose settlements the Convention never covers (family, employment, and non-commercial cases). */
export const SINGAPORE_EXCLUDED_CATEGORIES: readonly DisputeCategory[] = [
  'family',
  'labour',
  'criminal',
  'administrative',
];
/** R-SG-04: a civil case may be a consumer or inheritance settlement, which the Convention excludes: warn. */
export const SINGAPORE_CHECK_CATEGORIES: readonly DisputeCategory[] = ['civil'];

const hasStateBody = (d: AgreementDraft) => d.parties.some((p) => p.kind === 'state_body');
const singapore = (d: AgreementDraft, when: boolean): Hit[] =>
  d.singaporeConvention && when ? [{ path: 'singaporeConvention' }] : [];

const shareHits = (d: AgreementDraft, shares: Share[], path: string): { unknown: Hit[]; total: Hit[] } => {
  const unknown = each(shares, path, (s) => !d.parties.some((p) => p.id === s.partyId)).map((h) => ({
    path: `${h.path}.partyId`,
  }));
  const sum = shares.reduce(
    (total, s) => total + (Number.isFinite(s.percent) && s.percent >= 0 ? s.percent : Number.NaN),
    0,
  );
  return { unknown, total: sum === 100 ? [] : [{ path, params: { sum: Number.isNaN(sum) ? 0 : sum } }] };
};

const costShares = (d: AgreementDraft) => [
  ...(d.legalCosts?.kind === 'split' ? [shareHits(d, d.legalCosts.shares, 'legalCosts.shares')] : []),
  ...(d.mediatorFee?.kind === 'split' ? [shareHits(d, d.mediatorFee.shares, 'mediatorFee.shares')] : []),
];

export const SCOPE_CHECKS: readonly Check[] = [
  {
    code: 'singapore_state_party',
    rule: 'R-SG-01',
    severity: 'error',
    find: (d) => singapore(d, hasStateBody(d)),
  },
  {
    code: 'singapore_not_international',
    rule: 'R-SG-01',
    severity: 'error',
    find: (d) => singapore(d, !d.case.international),
  },
  {
    code: 'singapore_excluded_category',
    rule: 'R-SG-04',
    severity: 'error',
    find: (d) => singapore(d, SINGAPORE_EXCLUDED_CATEGORIES.includes(d.case.category)),
  },
  {
    code: 'singapore_check_category',
    rule: 'R-SG-04',
    severity: 'warning',
    find: (d) => singapore(d, SINGAPORE_CHECK_CATEGORIES.includes(d.case.category)),
  },
  {
    // A settlement approved by a court leaves the Convention (R-SG-04); a court case usually ends so.
    code: 'singapore_court_approval',
    rule: 'R-SG-04',
    severity: 'warning',
    find: (d) => singapore(d, Boolean(d.case.courtCaseNumber)),
  },
  {
    code: 'administrative_body_missing',
    rule: 'R-MED-05',
    severity: 'error',
    find: (d) => (d.case.category === 'administrative' && !hasStateBody(d) ? [{ path: 'parties' }] : []),
  },
  {
    code: 'administrative_no_discretion',
    rule: 'R-ADM-01',
    severity: 'error',
    find: (d) =>
      d.case.category === 'administrative' && d.case.administrativeDiscretion === 'no'
        ? [{ path: 'case.administrativeDiscretion' }]
        : [],
  },
  {
    // The body must confirm that the matter is within its discretion before it can settle it.
    code: 'administrative_discretion_unconfirmed',
    rule: 'R-ADM-01',
    severity: 'error',
    find: (d) =>
      d.case.category === 'administrative' && (d.case.administrativeDiscretion ?? 'unknown') === 'unknown'
        ? [{ path: 'case.administrativeDiscretion' }]
        : [],
  },
  {
    code: 'alimony_outside_family',
    rule: 'R-FAM-01',
    severity: 'error',
    find: (d) =>
      d.case.category === 'family'
        ? []
        : each(d.obligations, 'obligations', (o) => o.topic === 'alimony').map((h) => ({
            path: `${h.path}.topic`,
          })),
  },
  {
    // An Art. 158 agreement fixes the sum (or the share) of alimony: a payment, not an act.
    code: 'alimony_not_money',
    rule: 'R-FAM-01',
    severity: 'error',
    find: (d) =>
      each(d.obligations, 'obligations', (o) => o.topic === 'alimony' && o.subject?.kind === 'action').map(
        (h) => ({
          path: `${h.path}.subject`,
        }),
      ),
  },
  {
    // Release on reconciliation needs the harm made good (Criminal Code Art. 68).
    code: 'criminal_redress_missing',
    rule: 'R-CRIM-01',
    severity: 'warning',
    find: (d) =>
      d.case.category === 'criminal' && !d.obligations.some((o) => o.topic === 'redress')
        ? [{ path: 'obligations' }]
        : [],
  },
  {
    code: 'cost_party_unknown',
    rule: 'R-CPC-03',
    severity: 'error',
    find: (d) => {
      const costs = d.legalCosts;
      const bearer =
        costs?.kind === 'borne_by' && !d.parties.some((p) => p.id === costs.partyId)
          ? [{ path: 'legalCosts.partyId' }]
          : [];
      return [...bearer, ...costShares(d).flatMap((s) => s.unknown)];
    },
  },
  {
    code: 'shares_not_100',
    rule: 'R-CPC-03',
    severity: 'error',
    find: (d) => costShares(d).flatMap((s) => s.total),
  },
  {
    code: 'amount_invalid',
    rule: 'R-MED-18',
    severity: 'error',
    find: (d) =>
      d.mediatorFee?.kind === 'split' && !isPositiveTiyn(d.mediatorFee.amountTiyn)
        ? [{ path: 'mediatorFee.amountTiyn' }]
        : [],
  },
  {
    code: 'public_mediator_fee',
    rule: 'R-MED-14',
    severity: 'error',
    find: (d) =>
      d.mediator.kind === 'public' && d.mediatorFee?.kind === 'split' ? [{ path: 'mediatorFee' }] : [],
  },
];

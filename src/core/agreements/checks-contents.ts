import { isIsoDate } from '../calendar/dates.ts';
import { isValidBin, isValidIin } from '../identity/kz-id.ts';
import { type Check, each, type Hit, isBlank, textHits } from './problems.ts';
import type { AgreementDraft, AgreementParty } from './types.ts';

// R-MED-21: a settlement agreement is written and names the parties, the subject, the fact of
// mediation and the mediator, and the agreed terms. These checks make sure the draft has each of
// them, in every language the agreement is made in, with identity numbers that exist.

const idOf = (party: AgreementParty) => (party.kind === 'individual' ? party.iin : party.bin);

/** Every piece of human-written text, with its path, that must exist in each language. */
const texts = (draft: AgreementDraft): Hit[] => [
  ...textHits(draft, draft.case.subject, 'case.subject'),
  ...textHits(draft, draft.place, 'place'),
  ...(draft.mediator.kind === 'professional'
    ? textHits(draft, draft.mediator.organisation, 'mediator.organisation')
    : []),
  ...each(draft.parties, 'parties', (p, path) =>
    p.representative ? textHits(draft, p.representative.basis, `${path}.representative.basis`) : [],
  ),
  ...each(draft.clauses, 'clauses', (c, path) => textHits(draft, c.text, `${path}.text`)),
  ...each(draft.obligations, 'obligations', (o, path) => [
    ...(o.subject?.kind === 'action'
      ? textHits(draft, o.subject.description, `${path}.subject.description`)
      : []),
    ...(o.subject?.kind === 'money' && o.subject.purpose
      ? textHits(draft, o.subject.purpose, `${path}.subject.purpose`)
      : []),
    ...(o.method?.kind === 'delivery' ? textHits(draft, o.method.address, `${path}.method.address`) : []),
    ...(o.method?.kind === 'other'
      ? textHits(draft, o.method.description, `${path}.method.description`)
      : []),
    ...(o.condition ? textHits(draft, o.condition.text, `${path}.condition.text`) : []),
  ]),
];

export const CONTENT_CHECKS: readonly Check[] = [
  {
    code: 'languages_required',
    rule: 'R-MED-21',
    severity: 'error',
    find: (d) => (d.languages.length === 0 ? [{ path: 'languages' }] : []),
  },
  {
    code: 'language_duplicate',
    rule: null,
    severity: 'error',
    find: (d) =>
      each(d.languages, 'languages', (lang) => d.languages.indexOf(lang) !== d.languages.lastIndexOf(lang)),
  },
  { code: 'text_missing', rule: 'R-MED-21', severity: 'error', find: texts },
  {
    code: 'date_invalid',
    rule: null,
    severity: 'error',
    find: (d) => (isIsoDate(d.date) ? [] : [{ path: 'date' }]),
  },
  {
    code: 'parties_too_few',
    rule: 'R-MED-21',
    severity: 'error',
    find: (d) => (d.parties.length < 2 ? [{ path: 'parties' }] : []),
  },
  {
    code: 'party_ref_duplicate',
    rule: null,
    severity: 'error',
    find: (d) =>
      each(
        d.parties,
        'parties',
        (p) => d.parties.findIndex((q) => q.id === p.id) !== d.parties.indexOf(p),
      ).map((h) => ({ path: `${h.path}.id` })),
  },
  {
    code: 'party_name_required',
    rule: 'R-MED-21',
    severity: 'error',
    find: (d) => each(d.parties, 'parties', (p) => isBlank(p.name)).map((h) => ({ path: `${h.path}.name` })),
  },
  {
    code: 'iin_invalid',
    rule: 'R-MED-21',
    severity: 'error',
    find: (d) =>
      each(d.parties, 'parties', (p) => p.kind === 'individual' && !isValidIin(p.iin ?? '')).map((h) => ({
        path: `${h.path}.iin`,
      })),
  },
  {
    code: 'bin_invalid',
    rule: 'R-MED-21',
    severity: 'error',
    find: (d) =>
      each(d.parties, 'parties', (p) => p.kind !== 'individual' && !isValidBin(p.bin ?? '')).map((h) => ({
        path: `${h.path}.bin`,
      })),
  },
  {
    // The same person or organisation on both sides is not a settlement between parties.
    code: 'party_duplicate',
    rule: 'R-MED-21',
    severity: 'error',
    find: (d) =>
      each(d.parties, 'parties', (p, path) => {
        const id = idOf(p);
        const repeated = Boolean(id) && d.parties.findIndex((q) => idOf(q) === id) < d.parties.indexOf(p);
        return repeated ? [{ path: `${path}.${p.kind === 'individual' ? 'iin' : 'bin'}` }] : [];
      }),
  },
  {
    // An organisation or body signs through a person; the document names who and on what authority.
    code: 'representative_required',
    rule: 'R-MED-21',
    severity: 'error',
    find: (d) =>
      each(d.parties, 'parties', (p) => p.kind !== 'individual' && isBlank(p.representative?.name)).map(
        (h) => ({
          path: `${h.path}.representative`,
        }),
      ),
  },
  {
    code: 'mediator_name_required',
    rule: 'R-MED-21',
    severity: 'error',
    find: (d) => (isBlank(d.mediator.name) ? [{ path: 'mediator.name' }] : []),
  },
  {
    code: 'mediator_registry_required',
    rule: 'R-MED-12',
    severity: 'error',
    find: (d) => (isBlank(d.mediator.registryNumber) ? [{ path: 'mediator.registryNumber' }] : []),
  },
  {
    code: 'terms_required',
    rule: 'R-MED-21',
    severity: 'error',
    find: (d) => (d.obligations.length === 0 && d.clauses.length === 0 ? [{ path: 'obligations' }] : []),
  },
];

import type { CaseRequest } from '../../cases-api.ts';
import {
  checkBin,
  checkEmail,
  checkIin,
  checkName,
  checkPhone,
  digitsOnly,
  normalizePhone,
} from '../auth/validation.ts';

// One party as a form holds it: strings as typed, one identification number whose meaning (IIN or
// BIN) follows the kind. Shared by the request form (the other party) and the court referral.

export type PartyKind = 'individual' | 'organisation';
export type PartyDraft = {
  kind: PartyKind;
  fullName: string;
  idNumber: string;
  email: string;
  phone: string;
};
type Identity = NonNullable<CaseRequest['respondent']>;

export const emptyParty = (): PartyDraft => ({
  kind: 'individual',
  fullName: '',
  idNumber: '',
  email: '',
  phone: '',
});

export const partyFromIdentity = (identity: Partial<Identity> | null | undefined): PartyDraft => {
  const kind = identity?.kind ?? 'individual';
  return {
    kind,
    fullName: identity?.fullName ?? '',
    idNumber: (kind === 'organisation' ? identity?.bin : identity?.iin) ?? '',
    email: identity?.email ?? '',
    phone: identity?.phone ?? '',
  };
};

const optional = (value: string) => value.trim() || undefined;

/** What is empty stays out of the body (a draft may be incomplete). */
export const partyToIdentity = (party: PartyDraft) => {
  const number = optional(digitsOnly(party.idNumber));
  return {
    kind: party.kind,
    fullName: optional(party.fullName),
    iin: party.kind === 'individual' ? number : undefined,
    bin: party.kind === 'organisation' ? number : undefined,
    email: optional(party.email),
    phone: optional(normalizePhone(party.phone)),
  };
};

/** The contract's field that carries this party's number. */
export const idField = (party: PartyDraft) => (party.kind === 'organisation' ? 'bin' : 'iin');

/** The invitation must reach them: an email (the link) or at least a phone (core/cases/request.ts). */
export const CONTACT_REQUIRED = 'fields.contact_required';
/** fields.name_required says "your" name: wrong for someone else's. */
export const NAME_REQUIRED = 'web.intake.party.nameRequired';

/**
 * Problems the browser can see before a round trip, as field path → message key. A draft only needs
 * what is typed to be well-formed; a request that is sent needs everything (the server checks again).
 */
export const partyProblems = (party: PartyDraft, prefix: string, complete: boolean) => {
  const problems: Record<string, string> = {};
  const add = (field: string, key: string | null) => {
    if (key) problems[`${prefix}.${field}`] = key.includes('.') ? key : `fields.${key}`;
  };
  if (complete || party.fullName.trim())
    add(
      'fullName',
      checkName(party.fullName) && (party.kind === 'organisation' ? 'organisation_required' : NAME_REQUIRED),
    );
  if (complete || party.idNumber.trim())
    add(
      idField(party),
      party.kind === 'organisation' ? checkBin(party.idNumber) : checkIin(party.idNumber, true),
    );
  if (party.email.trim()) add('email', checkEmail(party.email));
  add('phone', checkPhone(party.phone));
  if (complete && !party.email.trim() && !party.phone.trim()) add('email', CONTACT_REQUIRED);
  return problems;
};

/** Every field path of a party the server may name. */
export const partyFields = (prefix: string) =>
  [prefix, ...['kind', 'fullName', 'iin', 'bin', 'email', 'phone'].map((f) => `${prefix}.${f}`)] as const;

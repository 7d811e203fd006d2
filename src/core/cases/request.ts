import { isValidBin, isValidIin } from '../identity/kz-id.ts';

// What a request needs before it can be sent to the other party (issue 4). The draft may be
// incomplete; submitting checks it here — on the server, and in the browser before the click.

export type RequestDraft = {
  category?: string | null;
  subject?: string | null;
  region?: string | null;
  language?: string | null;
  remote?: boolean | null;
  wantsPublicMediator?: boolean | null;
  respondent?: {
    kind?: 'individual' | 'organisation';
    fullName?: string;
    iin?: string;
    bin?: string;
    email?: string;
    phone?: string;
  } | null;
};

export type RequestProblem = { field: string; code: string };

/** The initiator's own identity, so that nobody invites themselves. */
export type Initiator = { iin: string | null; bin: string | null; email: string };

const REQUIRED = ['category', 'subject', 'region', 'language', 'remote', 'wantsPublicMediator'] as const;

type PartyDraft = NonNullable<RequestDraft['respondent']>;

/**
 * What a named party needs so that the invitation can reach them and only they can accept it:
 * a name, a valid IIN (individual) or BIN (organisation), an email or a phone. `others` are the
 * identities already in the case — naming one of them again is refused with `duplicateCode`.
 */
export const partyProblems = (
  party: PartyDraft,
  prefix: string,
  others: { iin: string | null; bin: string | null }[],
  duplicateCode = 'self_invitation',
) => {
  const problems: RequestProblem[] = [];
  const at = (field: string, code: string) => problems.push({ field: `${prefix}.${field}`, code });
  if (!party.fullName) at('fullName', 'party_name_required');
  const [field, id, valid, taken] =
    party.kind === 'organisation'
      ? (['bin', party.bin, isValidBin, others.some((o) => o.bin && o.bin === party.bin)] as const)
      : (['iin', party.iin, isValidIin, others.some((o) => o.iin && o.iin === party.iin)] as const);
  if (!id) at(field, 'required');
  else if (!valid(id)) at(field, `${field}_invalid`);
  else if (taken) at(field, duplicateCode);
  // The invitation must reach them: an email (the link) or at least a phone number.
  if (!party.email && !party.phone) at('email', 'contact_required');
  return problems;
};

export const requestProblems = (draft: RequestDraft, initiator: Initiator): RequestProblem[] => {
  const problems: RequestProblem[] = REQUIRED.filter(
    (field) => draft[field] == null || draft[field] === '',
  ).map((field) => ({ field, code: 'required' }));
  const other = draft.respondent;
  if (!other?.kind) return [...problems, { field: 'respondent.kind', code: 'required' }];
  problems.push(...partyProblems(other, 'respondent', [initiator]));
  if (other.email && other.email.toLowerCase() === initiator.email.toLowerCase())
    problems.push({ field: 'respondent.email', code: 'self_invitation' });
  return problems;
};

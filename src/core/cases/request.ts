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

export const requestProblems = (draft: RequestDraft, initiator: Initiator): RequestProblem[] => {
  const problems: RequestProblem[] = REQUIRED.filter(
    (field) => draft[field] == null || draft[field] === '',
  ).map((field) => ({ field, code: 'required' }));
  const other = draft.respondent;
  if (!other?.kind) return [...problems, { field: 'respondent.kind', code: 'required' }];
  if (!other.fullName) problems.push({ field: 'respondent.fullName', code: 'party_name_required' });
  if (other.kind === 'individual') {
    if (!other.iin) problems.push({ field: 'respondent.iin', code: 'required' });
    else if (!isValidIin(other.iin)) problems.push({ field: 'respondent.iin', code: 'iin_invalid' });
    else if (other.iin === initiator.iin) problems.push({ field: 'respondent.iin', code: 'self_invitation' });
  } else {
    if (!other.bin) problems.push({ field: 'respondent.bin', code: 'required' });
    else if (!isValidBin(other.bin)) problems.push({ field: 'respondent.bin', code: 'bin_invalid' });
    else if (other.bin === initiator.bin) problems.push({ field: 'respondent.bin', code: 'self_invitation' });
  }
  // The invitation must reach them: an email (the link) or at least a phone number.
  if (!other.email && !other.phone) problems.push({ field: 'respondent.email', code: 'contact_required' });
  if (other.email && other.email.toLowerCase() === initiator.email.toLowerCase())
    problems.push({ field: 'respondent.email', code: 'self_invitation' });
  return problems;
};

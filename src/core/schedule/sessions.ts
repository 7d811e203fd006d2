import type { RoomMember } from '../room/rooms.ts';

// The rules of scheduling mediation sessions (issue 5). The mediator proposes a time; each party
// the session concerns accepts, declines or proposes another time. A session concerns every party
// taking part, or — a caucus session — one party alone, which only that party and the mediator
// ever see (R-MED-17). It is confirmed when the mediator and every party it concerns agreed.

export const SESSION_MODES = ['video', 'audio', 'in_person'] as const;
export type SessionMode = (typeof SESSION_MODES)[number];

export const SESSION_STATUSES = ['proposed', 'confirmed', 'declined', 'cancelled'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

export const DURATION_MIN = 15;
export const DURATION_MAX = 480;
export const ADDRESS_MAX = 300;
/** A session further ahead than this is a typing mistake: the term is 30 days, 60 at most (R-MED-11). */
export const HORIZON_DAYS = 180;
/** Hours before the start when everyone it concerns is reminded, once each. */
export const REMINDER_HOURS = [24, 1] as const;

const HOUR_MS = 3_600_000;

export type SessionFacts = {
  status: SessionStatus;
  startsAt: Date;
  /** Null: a joint session, for every party taking part. */
  caucusPartyId: string | null;
  mediatorAccepted: boolean;
  /** Each concerned party's answer so far. */
  answers: Readonly<Record<string, 'accepted' | 'declined'>>;
};

export type FieldIssue = { field: string; code: string; params?: Record<string, number> };

export type Proposal = {
  mode: SessionMode;
  address: string | null;
  startsAt: Date;
  durationMinutes: number;
  caucusPartyId: string | null;
};

/** What is wrong with a time: in the past, too far ahead, too short or too long. */
export const timeIssues = (startsAt: Date, durationMinutes: number, now: Date): FieldIssue[] => {
  const issues: FieldIssue[] = [];
  if (startsAt.getTime() <= now.getTime()) issues.push({ field: 'startsAt', code: 'session_start_past' });
  else if (startsAt.getTime() > now.getTime() + HORIZON_DAYS * 24 * HOUR_MS)
    issues.push({ field: 'startsAt', code: 'session_start_too_far', params: { days: HORIZON_DAYS } });
  if (!Number.isInteger(durationMinutes) || durationMinutes < DURATION_MIN || durationMinutes > DURATION_MAX)
    issues.push({
      field: 'durationMinutes',
      code: 'session_duration_range',
      params: { minimum: DURATION_MIN, maximum: DURATION_MAX },
    });
  return issues;
};

/**
 * Everything wrong with the mediator's proposal, field by field. `partyIds` are the parties
 * taking part; a case in separate sessions after the safety screening has no joint session at
 * all, only caucuses (R-FAM-02).
 */
export const proposalIssues = (
  proposal: Proposal,
  c: { now: Date; partyIds: readonly string[]; separateSessions: boolean },
): FieldIssue[] => {
  const issues = timeIssues(proposal.startsAt, proposal.durationMinutes, c.now);
  if (proposal.mode === 'in_person' && !proposal.address?.trim())
    issues.push({ field: 'address', code: 'session_address_required' });
  if (proposal.caucusPartyId !== null && !c.partyIds.includes(proposal.caucusPartyId))
    issues.push({ field: 'caucusPartyId', code: 'session_party_unknown' });
  else if (proposal.caucusPartyId === null && c.separateSessions)
    issues.push({ field: 'caucusPartyId', code: 'session_caucus_required' });
  return issues;
};

/** The parties whose agreement the session needs. */
export const concernedParties = (caucusPartyId: string | null, partyIds: readonly string[]) =>
  caucusPartyId === null ? [...partyIds] : partyIds.filter((id) => id === caucusPartyId);

/** Whether this member may know the session exists: a caucus session is its party's and the mediator's. */
export const maySee = (caucusPartyId: string | null, member: RoomMember) => {
  if (member.role === 'mediator') return true;
  if (member.role === 'court') return false;
  // An interpreter comes to joint sessions only, as it is in the joint room only (R-MED-15).
  if (member.role === 'interpreter') return caucusPartyId === null;
  return caucusPartyId === null || caucusPartyId === member.partyId;
};

/** Confirmed once the mediator and every concerned party accepted. */
export const isAgreed = (s: SessionFacts, partyIds: readonly string[]) =>
  s.mediatorAccepted &&
  concernedParties(s.caucusPartyId, partyIds).every((id) => s.answers[id] === 'accepted');

export type SessionAction = 'accept' | 'decline' | 'counter' | 'cancel';

export type Refusal = 'session_not_open' | 'session_started' | 'already_answered' | 'case_actor_not_allowed';

/**
 * Why this member may not take this action on a visible session now, or null. A proposal can be
 * answered until it starts; a confirmed one can only be cancelled by the mediator.
 */
export const refusal = (
  s: SessionFacts,
  member: RoomMember,
  action: SessionAction,
  partyIds: readonly string[],
  now: Date,
): Refusal | null => {
  // Times are agreed by the parties and the mediator; an interpreter is told, not asked.
  if (member.role === 'court' || member.role === 'interpreter') return 'case_actor_not_allowed';
  if (action === 'cancel') {
    if (member.role !== 'mediator') return 'case_actor_not_allowed';
    if (s.status !== 'proposed' && s.status !== 'confirmed') return 'session_not_open';
    return s.startsAt.getTime() <= now.getTime() ? 'session_started' : null;
  }
  if (s.status !== 'proposed') return 'session_not_open';
  if (s.startsAt.getTime() <= now.getTime()) return 'session_started';
  if (member.role === 'mediator') {
    // The mediator answers a party's other time; their own proposal they withdraw by cancelling.
    if (action === 'counter') return 'case_actor_not_allowed';
    return s.mediatorAccepted ? 'already_answered' : null;
  }
  if (!concernedParties(s.caucusPartyId, partyIds).includes(member.partyId)) return 'case_actor_not_allowed';
  return s.answers[member.partyId] ? 'already_answered' : null;
};

/** The actions open to this member, for the page to offer only those. */
export const actionsOf = (s: SessionFacts, member: RoomMember, partyIds: readonly string[], now: Date) =>
  (['accept', 'decline', 'counter', 'cancel'] as const).filter(
    (action) => refusal(s, member, action, partyIds, now) === null,
  );

/**
 * The reminder due now for a session starting at `startsAt`, or null: the smallest threshold
 * already reached that has not been sent (`remindedAtHours` is the last one sent).
 */
export const dueReminder = (startsAt: Date, now: Date, remindedAtHours: number | null) => {
  const left = (startsAt.getTime() - now.getTime()) / HOUR_MS;
  if (left <= 0) return null;
  const threshold = [...REMINDER_HOURS].reverse().find((hours) => left <= hours);
  if (threshold === undefined) return null;
  return remindedAtHours !== null && remindedAtHours <= threshold ? null : threshold;
};
